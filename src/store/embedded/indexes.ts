import { DUPLICATE_KEY } from '../collection';
import { idKey, type StoredDocument } from './journal';

/** A MongoDB-style duplicate key error, so callers handle both engines with `isDuplicateKeyError`. */
export class DuplicateKeyError extends Error {
  readonly code = DUPLICATE_KEY;
  constructor(collection: string, indexName: string) {
    super(`E11000 duplicate key error collection: ${collection} index: ${indexName}`);
    this.name = 'DuplicateKeyError';
  }
}

/**
 * An equality index over one or more fields: enforces `unique` and lets the collection find candidates
 * for `{ field: value }` filters without scanning. Array or object values, or a path that goes through
 * an array (`booked.key` over `booked: [{ key }]`), make it multikey, which we do not plan with
 * (MongoDB indexes each element; we fall back to a scan rather than get that wrong).
 */
export class EqualityIndex {
  private readonly entries = new Map<string, Set<string>>();
  private multikey = false;

  constructor(
    readonly name: string,
    readonly fields: readonly string[],
    readonly unique: boolean,
  ) {}

  /** The index key of a document (a missing field counts as null, as in MongoDB). */
  keyOf(doc: StoredDocument): string {
    const reads = this.fields.map((field) => readPath(doc, field));
    const values = reads.map((read) => read.value);
    if (reads.some((read) => read.throughArray || (isPlainObject(read.value) && !(read.value instanceof Date)))) this.multikey = true;
    return values.map(valueKey).join('|');
  }

  /** Throws when `doc` would collide with another document on a unique index. */
  check(doc: StoredDocument, collection: string): void {
    if (!this.unique) return;
    const holders = this.entries.get(this.keyOf(doc));
    const id = idKey(doc._id);
    if (holders && [...holders].some((holder) => holder !== id)) throw new DuplicateKeyError(collection, this.name);
  }

  add(doc: StoredDocument): void {
    const key = this.keyOf(doc);
    let holders = this.entries.get(key);
    if (!holders) this.entries.set(key, (holders = new Set()));
    holders.add(idKey(doc._id));
  }

  remove(doc: StoredDocument): void {
    const key = this.keyOf(doc);
    const holders = this.entries.get(key);
    holders?.delete(idKey(doc._id));
    if (holders?.size === 0) this.entries.delete(key);
  }

  /** Ids that may match a filter with plain equality on every indexed field, or undefined if unusable. */
  candidates(filter: Record<string, unknown>): Set<string> | undefined {
    if (this.multikey) return undefined;
    const values: unknown[] = [];
    for (const field of this.fields) {
      const value = filter[field];
      if (!isScalar(value)) return undefined;
      values.push(value);
    }
    return this.entries.get(values.map(valueKey).join('|')) ?? new Set();
  }
}

/**
 * The value at a dotted path, and whether the walk met an array on the way or at the end: there
 * MongoDB matches (and indexes) every element, which one key per document cannot represent.
 */
function readPath(doc: unknown, path: string): { value: unknown; throughArray: boolean } {
  let current: unknown = doc;
  for (const part of path.split('.')) {
    if (Array.isArray(current)) return { value: undefined, throughArray: true };
    if (typeof current !== 'object' || current === null) return { value: undefined, throughArray: false };
    current = (current as Record<string, unknown>)[part];
  }
  return { value: current, throughArray: Array.isArray(current) };
}

function valueKey(value: unknown): string {
  return value === undefined || value === null ? 'null' : idKey(value);
}

function isScalar(value: unknown): boolean {
  return ['string', 'number', 'boolean'].includes(typeof value) || value instanceof Date;
}

function isPlainObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null;
}
