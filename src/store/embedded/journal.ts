import fs from 'node:fs';
import path from 'node:path';

export type StoredDocument = Record<string, unknown> & { _id: unknown };

/** One journal line: a document written whole (`p`) or an id removed (`d`). */
type JournalEntry = { p: StoredDocument } | { d: unknown };

export interface JournalLoad {
  readonly documents: Map<string, StoredDocument>;
  /** Lines that could not be read (e.g. a torn last write), each with its line number. */
  readonly corruptLines: readonly number[];
  /** Where the unreadable original was kept, when there were corrupt lines. */
  readonly quarantinedTo: string | undefined;
}

/**
 * An append-only file of JSON lines per collection. Every write is appended with one `write(2)` before
 * the operation is acknowledged, so an acknowledged write survives the process being killed. The file
 * is rewritten (compacted) at open and when it holds many superseded lines; the rewrite goes through a
 * temporary file, fsync and rename, so a crash mid-compaction leaves either the old or the new file.
 */
export class CollectionJournal {
  private fd: number | undefined;
  private lineCount = 0;

  constructor(private readonly file: string) {}

  load(): JournalLoad {
    const documents = new Map<string, StoredDocument>();
    const corruptLines: number[] = [];
    if (!fs.existsSync(this.file)) return { documents, corruptLines, quarantinedTo: undefined };
    const lines = fs.readFileSync(this.file, 'utf8').split('\n');
    lines.forEach((line, index) => {
      if (line.trim() === '') return;
      const entry = parseEntry(line);
      if (!entry) corruptLines.push(index + 1);
      else if ('p' in entry) documents.set(idKey(entry.p._id), entry.p);
      else documents.delete(idKey(entry.d));
    });
    const quarantinedTo = corruptLines.length > 0 ? this.quarantine() : undefined;
    return { documents, corruptLines, quarantinedTo };
  }

  /** Rewrites the file to hold exactly these documents, then keeps it open for appends. */
  compact(documents: Iterable<StoredDocument>): void {
    this.closeFile();
    const temporary = `${this.file}.tmp`;
    const fd = fs.openSync(temporary, 'w');
    let count = 0;
    let chunk = '';
    for (const doc of documents) {
      chunk += serialize({ p: doc });
      count += 1;
      if (chunk.length > 1 << 20) {
        fs.writeSync(fd, chunk);
        chunk = '';
      }
    }
    if (chunk) fs.writeSync(fd, chunk);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(temporary, this.file);
    syncDirectory(path.dirname(this.file));
    this.lineCount = count;
    this.fd = fs.openSync(this.file, 'a');
  }

  appendPut(docs: readonly StoredDocument[]): void {
    this.append(docs.map((doc) => serialize({ p: doc })).join(''), docs.length);
  }

  appendDelete(ids: readonly unknown[]): void {
    this.append(ids.map((id) => serialize({ d: id })).join(''), ids.length);
  }

  /** Lines in the file, superseded ones included; the caller compacts when it grows well past the live count. */
  get lines(): number {
    return this.lineCount;
  }

  close(): void {
    this.closeFile();
  }

  private append(text: string, lines: number): void {
    if (lines === 0) return;
    if (this.fd === undefined) this.fd = fs.openSync(this.file, 'a');
    fs.writeSync(this.fd, text);
    this.lineCount += lines;
  }

  private closeFile(): void {
    if (this.fd !== undefined) fs.closeSync(this.fd);
    this.fd = undefined;
  }

  /** Keeps the damaged original beside the data for forensics before compaction rewrites it. */
  private quarantine(): string {
    const target = `${this.file}.corrupt-${Date.now()}`;
    fs.copyFileSync(this.file, target);
    return target;
  }
}

/** Documents are keyed by their `_id`; ids of different types never collide. */
export function idKey(id: unknown): string {
  if (id instanceof Date) return `d:${id.getTime()}`;
  if (typeof id === 'object' && id !== null) return `o:${JSON.stringify(id)}`;
  return `${typeof id}:${String(id)}`;
}

function parseEntry(line: string): JournalEntry | undefined {
  try {
    const entry = JSON.parse(line, revive) as unknown;
    if (typeof entry !== 'object' || entry === null) return undefined;
    if ('p' in entry && typeof entry.p === 'object' && entry.p !== null && '_id' in entry.p) return entry as JournalEntry;
    if ('d' in entry) return entry as JournalEntry;
    return undefined;
  } catch {
    return undefined;
  }
}

/**
 * JSON with dates kept as dates (`{"$date": "…"}`, as MongoDB's extended JSON writes them). Dates are
 * tagged in one walk, then the native JSON.stringify runs without a replacer function (a replacer is
 * called for every value, which dominates the cost of writing a large document).
 */
function serialize(entry: JournalEntry): string {
  return `${JSON.stringify(withDatesTagged(entry))}\n`;
}

function withDatesTagged(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (value instanceof Date) return { $date: value.toISOString() };
  if (Array.isArray(value)) return value.map(withDatesTagged);
  const tagged: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) tagged[key] = withDatesTagged(item);
  return tagged;
}

function revive(_key: string, value: unknown): unknown {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === '$date') return new Date((value as { $date: string }).$date);
  }
  return value;
}

function syncDirectory(directory: string): void {
  try {
    const fd = fs.openSync(directory, 'r');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
  } catch {
    // Some file systems refuse fsync on a directory; the rename itself is still atomic there.
  }
}
