/** Shared helpers for benchmarks: percentiles and a uniform printout. */
export function percentile(sortedMs: readonly number[], p: number): number {
  if (sortedMs.length === 0) return NaN;
  const index = Math.min(sortedMs.length - 1, Math.ceil((p / 100) * sortedMs.length) - 1);
  return sortedMs[Math.max(0, index)]!;
}

export function summarize(label: string, samplesMs: number[], wallMs: number): void {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const opsPerSecond = (samplesMs.length / wallMs) * 1000;
  console.log(`${label.padEnd(48)} ${String(samplesMs.length).padStart(7)} ops  ${opsPerSecond.toFixed(0).padStart(8)} ops/s  p50 ${percentile(sorted, 50).toFixed(3)} ms  p99 ${percentile(sorted, 99).toFixed(3)} ms`);
}

export function memoryMb(): string {
  const usage = process.memoryUsage();
  return `rss ${(usage.rss / 1e6).toFixed(0)} MB, heap ${(usage.heapUsed / 1e6).toFixed(0)} MB`;
}
