import type {
  AggregateOptions, BulkWriteOptions, CountDocumentsOptions, DeleteOptions, DeleteResult, Document, Filter,
  FindOneAndUpdateOptions, FindOptions, IndexSpecification, InsertManyResult,
  InsertOneResult, OptionalUnlessRequiredId, UpdateFilter, UpdateOptions, UpdateResult, WithId,
} from 'mongodb';

/**
 * The part of a MongoDB collection our repositories use. The official driver's `Collection<T>`
 * satisfies it as-is; the embedded engine implements it with mingo. Repositories are written once,
 * in MongoDB's query and update language, against this interface.
 */
export interface StoreCollection<T extends Document> {
  readonly collectionName: string;
  insertOne(doc: OptionalUnlessRequiredId<T>): Promise<InsertOneResult<T>>;
  insertMany(docs: readonly OptionalUnlessRequiredId<T>[], options?: BulkWriteOptions): Promise<InsertManyResult<T>>;
  findOne(filter: Filter<T>, options?: FindOptions): Promise<WithId<T> | null>;
  find(filter: Filter<T>, options?: FindOptions): { toArray(): Promise<WithId<T>[]> };
  countDocuments(filter?: Filter<T>, options?: CountDocumentsOptions): Promise<number>;
  updateOne(filter: Filter<T>, update: UpdateFilter<T>, options?: UpdateOptions): Promise<UpdateResult<T>>;
  updateMany(filter: Filter<T>, update: UpdateFilter<T>, options?: UpdateOptions): Promise<UpdateResult<T>>;
  findOneAndUpdate(filter: Filter<T>, update: UpdateFilter<T>, options: FindOneAndUpdateOptions): Promise<WithId<T> | null>;
  deleteOne(filter: Filter<T>, options?: DeleteOptions): Promise<DeleteResult>;
  deleteMany(filter: Filter<T>, options?: DeleteOptions): Promise<DeleteResult>;
  aggregate<R extends Document = Document>(pipeline: Document[], options?: AggregateOptions): { toArray(): Promise<R[]> };
  createIndex(keys: IndexSpecification, options?: { unique?: boolean; name?: string }): Promise<string>;
}

/** A database: named collections, a health check, and a close. */
export interface StoreDatabase {
  readonly engine: 'embedded' | 'mongodb';
  collection<T extends Document>(name: string): StoreCollection<T>;
  /** Resolves when the store answers; rejects otherwise (used by `/readyz`). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** MongoDB's duplicate-key error code; the embedded engine raises the same code for unique indexes. */
export const DUPLICATE_KEY = 11000;

export function isDuplicateKeyError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === DUPLICATE_KEY;
}
