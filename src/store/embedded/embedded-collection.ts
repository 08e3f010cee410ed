import { randomUUID } from 'node:crypto';
import { aggregate as mingoAggregate, Query, update as mingoUpdate, updateOne as mingoUpdateOne } from 'mingo';
import * as updateOperators from 'mingo/operators/update';
import type { Options as MingoOptions } from 'mingo/types';
import type {
  Document, Filter, FindOneAndUpdateOptions, FindOptions, IndexSpecification,
  InsertManyResult, InsertOneResult, OptionalUnlessRequiredId, UpdateFilter, UpdateOptions, UpdateResult, WithId,
} from 'mongodb';
import type { StoreCollection } from '../collection';
import { cloneDocument } from './clone';
import { EqualityIndex, DuplicateKeyError } from './indexes';
import { type CollectionJournal, idKey, type StoredDocument } from './journal';

/**
 * Scripts in queries (`$where`, `$function`) are off: user text must never become executable, and
 * production MongoDB deployments usually disable server-side JavaScript too.
 */
const MINGO_OPTIONS: Partial<MingoOptions> = { scriptEnabled: false };

/** Compaction runs when superseded lines outnumber live documents by this factor (and a floor). */
const COMPACT_RATIO = 3;
const COMPACT_FLOOR = 1_000;

type AnyFilter = Record<string, unknown>;
type AnyUpdate = Record<string, unknown> | Record<string, unknown>[];

/**
 * A collection held in memory and journaled to disk. Each operation runs to completion synchronously
 * (there is no `await` between reading a document and writing it), so every single-document update
 * is atomic, exactly as MongoDB guarantees, without locks.
 */
export class EmbeddedCollection<T extends Document> implements StoreCollection<T> {
  private readonly indexes = new Map<string, EqualityIndex>();

  constructor(
    readonly collectionName: string,
    private readonly documents: Map<string, StoredDocument>,
    private readonly journal: CollectionJournal,
  ) {}

  async insertOne(doc: OptionalUnlessRequiredId<T>): Promise<InsertOneResult<T>> {
    const stored = this.prepareInsert(doc as Document);
    this.commit([stored], []);
    return { acknowledged: true, insertedId: stored._id as InsertOneResult<T>['insertedId'] };
  }

  async insertMany(docs: readonly OptionalUnlessRequiredId<T>[]): Promise<InsertManyResult<T>> {
    const stored = docs.map((doc) => this.prepareInsert(doc as Document));
    const ids = new Set(stored.map((doc) => idKey(doc._id)));
    if (ids.size !== stored.length) throw new DuplicateKeyError(this.collectionName, '_id_');
    this.checkUnique(stored);
    this.commit(stored, []);
    const insertedIds = Object.fromEntries(stored.map((doc, index) => [index, doc._id]));
    return { acknowledged: true, insertedCount: stored.length, insertedIds: insertedIds as InsertManyResult<T>['insertedIds'] };
  }

  async findOne(filter: Filter<T>, options: FindOptions = {}): Promise<WithId<T> | null> {
    return this.select(filter as AnyFilter, { ...options, limit: 1 })[0] ?? null;
  }

  find(filter: Filter<T>, options: FindOptions = {}): { toArray(): Promise<WithId<T>[]> } {
    // Evaluated when asked for, like a driver cursor; the snapshot is taken at that moment.
    return { toArray: async () => this.select(filter as AnyFilter, options) };
  }

  async countDocuments(filter: Filter<T> = {}): Promise<number> {
    if (Object.keys(filter).length === 0) return this.documents.size;
    return this.match(filter as AnyFilter).length;
  }

  async updateOne(filter: Filter<T>, update: UpdateFilter<T>, options: UpdateOptions = {}): Promise<UpdateResult<T>> {
    const outcome = this.updateFirst(filter as AnyFilter, update as AnyUpdate, Boolean(options.upsert), undefined, options.arrayFilters);
    return {
      acknowledged: true,
      matchedCount: outcome.matched ? 1 : 0,
      modifiedCount: outcome.modified ? 1 : 0,
      upsertedCount: outcome.upserted ? 1 : 0,
      upsertedId: (outcome.upserted ? outcome.after?._id : null) as UpdateResult<T>['upsertedId'],
    };
  }

  async updateMany(filter: Filter<T>, update: UpdateFilter<T>, options: UpdateOptions = {}): Promise<UpdateResult<T>> {
    const matches = this.match(filter as AnyFilter);
    if (matches.length === 0 && options.upsert) return this.updateOne(filter, update, options);
    const changed: StoredDocument[] = [];
    for (const current of matches) {
      const next = applyUpdate(current, update as AnyUpdate, { filter: filter as AnyFilter, arrayFilters: options.arrayFilters });
      if (next) changed.push(next);
    }
    this.checkUnique(changed);
    this.commit(changed, []);
    return { acknowledged: true, matchedCount: matches.length, modifiedCount: changed.length, upsertedCount: 0, upsertedId: null };
  }

  async findOneAndUpdate(filter: Filter<T>, update: UpdateFilter<T>, options: FindOneAndUpdateOptions): Promise<WithId<T> | null> {
    const outcome = this.updateFirst(filter as AnyFilter, update as AnyUpdate, Boolean(options.upsert), options.sort as Record<string, 1 | -1>, options.arrayFilters);
    const chosen = options.returnDocument === 'after' ? outcome.after : outcome.before;
    return chosen ? this.output(chosen, options.projection) : null;
  }

  async deleteOne(filter: Filter<T>): Promise<{ acknowledged: true; deletedCount: number }> {
    const [target] = this.match(filter as AnyFilter, undefined, 1);
    if (target) this.commit([], [target]);
    return { acknowledged: true, deletedCount: target ? 1 : 0 };
  }

  async deleteMany(filter: Filter<T>): Promise<{ acknowledged: true; deletedCount: number }> {
    const targets = this.match(filter as AnyFilter);
    this.commit([], targets);
    return { acknowledged: true, deletedCount: targets.length };
  }

  aggregate<R extends Document = Document>(pipeline: Document[]): { toArray(): Promise<R[]> } {
    return {
      toArray: async () => {
        // A leading $match narrows the input the way a find does (by _id or an index), as MongoDB would.
        const [first, ...rest] = pipeline;
        const leadingMatch = first && Object.keys(first).length === 1 ? (first.$match as AnyFilter | undefined) : undefined;
        const source = leadingMatch ? this.match(leadingMatch) : [...this.documents.values()];
        return cloneDocument(mingoAggregate(source, leadingMatch ? rest : pipeline, MINGO_OPTIONS) as R[]);
      },
    };
  }

  async createIndex(keys: IndexSpecification, options: { unique?: boolean; name?: string } = {}): Promise<string> {
    const fields = Object.keys(keys as Record<string, unknown>);
    const name = options.name ?? fields.map((field) => `${field}_${String((keys as Record<string, unknown>)[field])}`).join('_');
    if (this.indexes.has(name)) return name;
    const index = new EqualityIndex(name, fields, Boolean(options.unique));
    for (const doc of this.documents.values()) {
      index.check(doc, this.collectionName);
      index.add(doc);
    }
    this.indexes.set(name, index);
    return name;
  }

  private prepareInsert(doc: Document): StoredDocument {
    const stored = cloneDocument({ _id: doc._id ?? randomUUID(), ...doc }) as StoredDocument;
    if (this.documents.has(idKey(stored._id))) throw new DuplicateKeyError(this.collectionName, '_id_');
    this.checkUnique([stored]);
    return stored;
  }

  private updateFirst(filter: AnyFilter, update: AnyUpdate, upsert: boolean, sort: Record<string, 1 | -1> | undefined, arrayFilters?: Document[]) {
    const [current] = this.match(filter, sort, 1);
    if (!current) {
      if (!upsert) return { matched: false, modified: false, upserted: false, before: undefined, after: undefined };
      const inserted = applyUpdate(seedFromFilter(filter), update, { filter, arrayFilters, inserting: true }) ?? seedFromFilter(filter);
      const stored = this.prepareInsert(inserted);
      this.commit([stored], []);
      return { matched: false, modified: false, upserted: true, before: undefined, after: stored };
    }
    const next = applyUpdate(current, update, { filter, arrayFilters });
    if (next) {
      this.checkUnique([next]);
      this.commit([next], []);
    }
    return { matched: true, modified: Boolean(next), upserted: false, before: current, after: next ?? current };
  }

  private select(filter: AnyFilter, options: FindOptions): WithId<T>[] {
    const matches = this.match(filter, options.sort as Record<string, 1 | -1> | undefined, options.limit, options.skip);
    return matches.map((doc) => this.output(doc, options.projection));
  }

  /** The live documents matching a filter, in sort order (or insertion order). Never handed out uncloned. */
  private match(filter: AnyFilter, sort?: Record<string, 1 | -1>, limit?: number, skip?: number): StoredDocument[] {
    const source = this.candidates(filter);
    let cursor = new Query(filter, MINGO_OPTIONS).find<StoredDocument>(source);
    if (sort && Object.keys(sort).length > 0) cursor = cursor.sort(sort);
    if (skip) cursor = cursor.skip(skip);
    if (limit) cursor = cursor.limit(limit);
    return cursor.all();
  }

  /** Narrows the scan with `_id` or an equality index when the filter allows it. */
  private candidates(filter: AnyFilter): StoredDocument[] {
    const id = filter._id;
    if (typeof id === 'string' || typeof id === 'number') {
      const doc = this.documents.get(idKey(id));
      return doc ? [doc] : [];
    }
    // `{ _id: { $in: [...] } }` (batch claims, bulk reads): only those documents can match.
    const ids = (id as { $in?: unknown } | undefined)?.$in;
    if (Array.isArray(ids) && Object.keys(id as object).length === 1 && ids.every((value) => typeof value === 'string' || typeof value === 'number')) {
      return ids.map((value) => this.documents.get(idKey(value))).filter((doc): doc is StoredDocument => doc !== undefined);
    }
    // The index that narrows most, as a query planner would pick it.
    let fewest: Set<string> | undefined;
    for (const index of this.indexes.values()) {
      const ids = index.candidates(filter);
      if (ids && (!fewest || ids.size < fewest.size)) fewest = ids;
    }
    if (fewest) return [...fewest].map((key) => this.documents.get(key)).filter((doc): doc is StoredDocument => doc !== undefined);
    return [...this.documents.values()];
  }

  private checkUnique(docs: readonly StoredDocument[]): void {
    for (const index of this.indexes.values()) {
      if (!index.unique) continue;
      const seen = new Set<string>();
      for (const doc of docs) {
        index.check(doc, this.collectionName);
        const key = index.keyOf(doc);
        if (seen.has(key)) throw new DuplicateKeyError(this.collectionName, index.name);
        seen.add(key);
      }
    }
  }

  /** Journals first, then changes memory: an operation is acknowledged only once it is on disk. */
  private commit(puts: readonly StoredDocument[], deletes: readonly StoredDocument[]): void {
    if (puts.length === 0 && deletes.length === 0) return;
    this.journal.appendPut(puts);
    this.journal.appendDelete(deletes.map((doc) => doc._id));
    for (const doc of deletes) {
      this.unindex(doc);
      this.documents.delete(idKey(doc._id));
    }
    for (const doc of puts) {
      const previous = this.documents.get(idKey(doc._id));
      if (previous) this.unindex(previous);
      this.documents.set(idKey(doc._id), doc);
      for (const index of this.indexes.values()) index.add(doc);
    }
    if (this.journal.lines > Math.max(COMPACT_FLOOR, this.documents.size * COMPACT_RATIO)) this.journal.compact(this.documents.values());
  }

  /** Rewrites the journal with the live documents only: superseded and deleted versions leave the disk. */
  compact(): void {
    this.journal.compact(this.documents.values());
  }

  private unindex(doc: StoredDocument): void {
    for (const index of this.indexes.values()) index.remove(doc);
  }

  private output(doc: StoredDocument, projection: Document | undefined): WithId<T> {
    if (!projection || Object.keys(projection).length === 0) return cloneDocument(doc) as WithId<T>;
    const [projected] = new Query({}, MINGO_OPTIONS).find([doc], projection).all();
    return cloneDocument(projected) as WithId<T>;
  }
}

/** What a positional path (`$`, `$[id]`) resolves against: the operation's filter and array filters. */
interface UpdateContext {
  readonly filter: AnyFilter;
  readonly arrayFilters?: Document[] | undefined;
  readonly inserting?: boolean;
}

/** Returns the updated copy, or undefined when the update changes nothing (MongoDB's modifiedCount 0). */
function applyUpdate(current: StoredDocument, update: AnyUpdate, context: UpdateContext): StoredDocument | undefined {
  const inserting = context.inserting ?? false;
  const next = cloneDocument(current);
  if (Array.isArray(update)) {
    const result = mingoUpdateOne([next], {}, update as never, { cloneMode: 'deep' }, MINGO_OPTIONS);
    return result.modifiedCount > 0 ? (next as StoredDocument) : undefined;
  }
  const { $setOnInsert, ...operators } = update as Record<string, Record<string, unknown> | undefined>;
  const modifier = inserting && $setOnInsert ? { ...operators, $set: { ...$setOnInsert, ...operators.$set } } : operators;
  if (Object.keys(modifier).some((key) => !key.startsWith('$'))) {
    throw new Error('Update documents must use update operators ($set, $inc, …); replacement is not supported');
  }
  const changed = usesPositionalPaths(modifier)
    ? mingoUpdate(next, modifier as never, context.arrayFilters, context.filter as never, { cloneMode: 'deep', queryOptions: MINGO_OPTIONS })
    : applyOperators(next, modifier);
  if (next._id !== current._id && idKey(next._id) !== idKey(current._id)) throw new Error('Performing an update on the path \'_id\' would modify the immutable field \'_id\'');
  return changed.length > 0 || inserting ? next : undefined;
}

type UpdateOperator = (expr: Record<string, unknown>) => (doc: Record<string, unknown>) => string[];
const UPDATE_OPERATORS = updateOperators as unknown as Readonly<Record<string, UpdateOperator>>;

/**
 * Applies update operators with mingo's operator functions directly. mingo's `update()` rebuilds its
 * whole operator context on every call, which costs more than the update itself; the operators alone
 * need no context unless a path is positional (`$`, `$[]`, `$[id]`), which goes through `update()`.
 */
function applyOperators(doc: StoredDocument, modifier: Record<string, unknown>): string[] {
  const changed: string[] = [];
  for (const [operator, expression] of Object.entries(modifier)) {
    const apply = UPDATE_OPERATORS[operator];
    if (!apply) throw new Error(`Unknown update operator: '${operator}'`);
    // The caller's values are copied in, so a later change to them cannot reach the stored document.
    changed.push(...apply(cloneDocument(expression as Record<string, unknown>))(doc));
  }
  return changed;
}

function usesPositionalPaths(modifier: Record<string, unknown>): boolean {
  return Object.values(modifier).some((fields) => typeof fields === 'object' && fields !== null && Object.keys(fields).some((path) => path.includes('$')));
}

/** The document an upsert starts from: the filter's plain equality fields, as MongoDB does. */
function seedFromFilter(filter: AnyFilter): StoredDocument {
  const seed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and' && Array.isArray(value)) Object.assign(seed, ...value.map((part) => seedFromFilter(part as AnyFilter)));
    if (key.startsWith('$')) continue;
    const plain = isEquality(value) ? value : (value as { $eq?: unknown } | null)?.$eq;
    if (plain !== undefined) setPath(seed, key, cloneDocument(plain));
  }
  return seed as StoredDocument;
}

function isEquality(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || value instanceof Date || Array.isArray(value)) return true;
  return !Object.keys(value).some((key) => key.startsWith('$'));
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let current = target;
  for (const part of parts.slice(0, -1)) current = (current[part] ??= {}) as Record<string, unknown>;
  current[parts[parts.length - 1]!] = value;
}
