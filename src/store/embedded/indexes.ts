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
 * for filters with plain equality on the index's leading fields (`{ status }` on `{ status, dueAt }`,
 * as MongoDB uses an index prefix) without scanning. Array or object values, or a path that goes
 * through an array (`booked.key` over `booked: [{ key }]`), make it multikey, which we do not plan with
 * (MongoDB indexes each element; we fall back to a scan rather than get that wrong).
 */
export class EqualityIndex {
  /** `byPrefix[k]`: ids by the key of the first k + 1 fields; the last map holds the whole key. */
  private readonly byPrefix: Map<string, Set<string>>[];
  private multikey = false;

  constructor(
    readonly name: string,
    readonly fields: readonly string[],
    readonly unique: boolean,
  ) {
    this.byPrefix = fields.map(() => new Map());
  }

  /** The index key of a document (a missing field counts as null, as in MongoDB). */
  keyOf(doc: StoredDocument): string {
    return prefixKey(this.valuesOf(doc));
  }

  /** Throws when `doc` would collide with another document on a unique index. */
  check(doc: StoredDocument, collection: string): void {
    if (!this.unique) return;
    const holders = this.byPrefix[this.fields.length - 1]!.get(this.keyOf(doc));
    const id = idKey(doc._id);
    if (holders && [...holders].some((holder) => holder !== id)) throw new DuplicateKeyError(collection, this.name);
  }

  add(doc: StoredDocument): void {
    const values = this.valuesOf(doc);
    const id = idKey(doc._id);
    this.byPrefix.forEach((entries, k) => {
      const key = prefixKey(values.slice(0, k + 1));
      let holders = entries.get(key);
      if (!holders) entries.set(key, (holders = new Set()));
      holders.add(id);
    });
  }

  remove(doc: StoredDocument): void {
    const values = this.valuesOf(doc);
    const id = idKey(doc._id);
    this.byPrefix.forEach((entries, k) => {
      const key = prefixKey(values.slice(0, k + 1));
      const holders = entries.get(key);
      holders?.delete(id);
      if (holders?.size === 0) entries.delete(key);
    });
  }

  /**
   * Ids that may match a filter with plain equality on the index's first field, and on as many of the
   * following fields as the filter states that way; undefined if the index cannot narrow the filter.
   */
  candidates(filter: Record<string, unknown>): Set<string> | undefined {
    if (this.multikey) return undefined;
    const values: unknown[] = [];
    for (const field of this.fields) {
      const value = filter[field];
      if (!isScalar(value)) break;
      values.push(value);
    }
    if (values.length === 0) return undefined;
    return this.byPrefix[values.length - 1]!.get(prefixKey(values)) ?? new Set();
  }

  private valuesOf(doc: StoredDocument): unknown[] {
    const reads = this.fields.map((field) => readPath(doc, field));
    if (reads.some((read) => read.throughArray || (isPlainObject(read.value) && !(read.value instanceof Date)))) this.multikey = true;
    return reads.map((read) => read.value);
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

/** JSON of the per-field keys: unambiguous whatever characters the values hold. */
function prefixKey(values: readonly unknown[]): string {
  return JSON.stringify(values.map((value) => (value === undefined || value === null ? 'null' : idKey(value))));
}

function isScalar(value: unknown): boolean {
  return ['string', 'number', 'boolean'].includes(typeof value) || value instanceof Date;
}

function isPlainObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null;
}
