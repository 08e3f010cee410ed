import { createHash } from 'node:crypto';
import MiniSearch from 'minisearch';
import { FIELD_WEIGHTS, type ScoredMatch, type SearchField } from '../domain/search-ranking';
import { indexTerms, matchesByPrefix, typoDistance } from '../domain/search-text';

export type FieldExtractors<T> = Partial<Record<SearchField, (item: T) => string>>;

export interface SyncReport {
  readonly added: number;
  readonly changed: number;
  readonly removed: number;
}

/** Items compared and written between two yields to the event loop while syncing. */
const SYNC_SLICE = 2_000;

/**
 * An in-memory full-text index (MiniSearch) over catalogue items, with the items themselves kept
 * beside it in catalogue order. Terms are folded the same way on both sides (domain/search-text),
 * so the search is accent- and case-insensitive; prefix and typo tolerance follow the domain rules.
 */
export class SearchIndex<T extends { readonly id: string }> {
  private readonly engine: MiniSearch<T>;
  /** Each item with digests of its searchable text and of the whole item, to re-index only what changed. */
  private readonly entries = new Map<string, { item: T; text: string; fingerprint: string }>();
  private readonly fields: SearchField[];

  constructor(private readonly extractors: FieldExtractors<T>) {
    this.fields = Object.keys(extractors) as SearchField[];
    this.engine = new MiniSearch<T>({
      fields: this.fields,
      idField: 'id',
      storeFields: [],
      extractField: (item, field) => (field === 'id' ? item.id : extractors[field as SearchField]!(item)),
      // Each field is folded once and split (domain/search-text), rather than folding token by token.
      tokenize: indexTerms,
      processTerm: (term) => term,
      searchOptions: {
        // Queries arrive as terms already folded by domain/search-text; they are not processed twice.
        tokenize: (text) => text.split(' '),
        processTerm: (term) => term,
        combineWith: 'OR',
        boost: Object.fromEntries(this.fields.map((field) => [field, FIELD_WEIGHTS[field]])),
        prefix: (term, index, terms) => matchesByPrefix(term, index === terms.length - 1),
        fuzzy: (term) => typoDistance(term) || false,
      },
    });
  }

  get size(): number {
    return this.entries.size;
  }

  get(id: string): T | undefined {
    return this.entries.get(id)?.item;
  }

  /** Every item, in the order the catalogue first listed them. */
  *values(): IterableIterator<T> {
    for (const entry of this.entries.values()) yield entry.item;
  }

  /**
   * Makes the index hold exactly `items`: new ones are added, changed ones re-indexed (only when their
   * searchable text changed), missing ones removed. Yields to the event loop every few thousand items
   * so that searches keep being answered while a large catalogue is (re)indexed.
   */
  async sync(items: readonly T[]): Promise<SyncReport> {
    let added = 0;
    let changed = 0;
    const seen = new Set<string>();
    for (let start = 0; start < items.length; start += SYNC_SLICE) {
      for (const item of items.slice(start, start + SYNC_SLICE)) {
        seen.add(item.id);
        const outcome = this.put(item);
        if (outcome === 'added') added += 1;
        if (outcome === 'changed') changed += 1;
      }
      if (start + SYNC_SLICE < items.length) await new Promise((resolve) => setImmediate(resolve));
    }
    let removed = 0;
    for (const id of [...this.entries.keys()]) {
      if (seen.has(id)) continue;
      this.engine.discard(id);
      this.entries.delete(id);
      removed += 1;
    }
    return { added, changed, removed };
  }

  /**
   * Items matching at least one term and accepted by `accept`, unordered (rank them with
   * domain/search-ranking). With `narrow`, `accept` is asked before scoring: worth it when it turns
   * many away (filters typed in the query), a cost per posting when it turns few away.
   */
  search(terms: readonly string[], accept: (item: T) => boolean, options: { narrow?: boolean } = {}): ScoredMatch<T>[] {
    if (terms.length === 0) return [];
    const matches: ScoredMatch<T>[] = [];
    const accepted = (id: unknown): T | undefined => {
      const item = this.entries.get(id as string)?.item;
      return item !== undefined && accept(item) ? item : undefined;
    };
    this.engine.search(terms.join(' '), {
      // A document boost of 0 makes MiniSearch skip the document before scoring it.
      ...(options.narrow ? { boostDocument: (id: unknown) => (accepted(id) ? 1 : 0) } : {}),
      // Matches are collected here and all declined: MiniSearch would otherwise build and sort its
      // own list of every match, which the ranking re-orders anyway.
      filter: (result) => {
        const item = options.narrow ? this.entries.get(result.id as string)?.item : accepted(result.id);
        if (item !== undefined) matches.push({ item, score: result.score, matchedTerms: result.queryTerms.length });
        return false;
      },
    });
    return matches;
  }

  private put(item: T): 'added' | 'changed' | 'same' {
    const fingerprint = digest(JSON.stringify(item));
    const previous = this.entries.get(item.id);
    if (previous?.fingerprint === fingerprint) return 'same';
    const text = digest(this.fields.map((field) => this.extractors[field]!(item)).join('\u0000'));
    if (!previous) this.engine.add(item);
    else if (previous.text !== text) this.engine.replace(item);
    this.entries.set(item.id, { item, text, fingerprint });
    return previous ? 'changed' : 'added';
  }
}

function digest(text: string): string {
  return createHash('sha1').update(text).digest('base64');
}
