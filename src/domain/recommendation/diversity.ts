/** No more than this many recommendations share a topic. */
export const MAX_PER_TOPIC = 2;

/**
 * Walks the ranked list and keeps an item only while none of its topics is already used
 * `maxPerTopic` times, so five recommendations never all say "sleep". A course with two topics counts
 * for both. Fewer than `limit` come back when the candidates cannot be made diverse enough.
 */
export function diversify<T extends { readonly topics: readonly string[] }>(ranked: readonly T[], limit: number, maxPerTopic = MAX_PER_TOPIC): T[] {
  const used = new Map<string, number>();
  const picked: T[] = [];
  for (const item of ranked) {
    if (picked.length >= limit) break;
    if (item.topics.some((topic) => (used.get(topic) ?? 0) >= maxPerTopic)) continue;
    for (const topic of new Set(item.topics)) used.set(topic, (used.get(topic) ?? 0) + 1);
    picked.push(item);
  }
  return picked;
}
