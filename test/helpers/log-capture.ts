import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { TEST_RUN_LOG } from './temp-dir';

/**
 * A pino destination that keeps the lines in memory (for assertions) and appends them to the test-run
 * log, which a final test scans for personal data.
 */
export class LogCapture extends Writable {
  readonly lines: Record<string, unknown>[] = [];

  constructor() {
    super();
    fs.mkdirSync(path.dirname(TEST_RUN_LOG), { recursive: true });
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    const text = chunk.toString('utf8');
    fs.appendFileSync(TEST_RUN_LOG, text);
    for (const line of text.split('\n')) {
      if (line.trim()) this.lines.push(JSON.parse(line) as Record<string, unknown>);
    }
    callback();
  }

  messages(): string[] {
    return this.lines.map((line) => String(line.msg));
  }

  find(message: string | RegExp): Record<string, unknown> | undefined {
    return this.lines.find((line) => (typeof message === 'string' ? line.msg === message : message.test(String(line.msg))));
  }
}
