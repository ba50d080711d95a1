// The annotations view's list: the filters chosen, the annotations they select a page at a time,
// and the counts beside the filters (by status, colour and tag). The list is read again when the
// filters change and whenever annotations change (the store's version moves).

import type { Annotation, AnnotationCounts, AnnotationKind, AnnotationQuery, AnnotationStatus, ClausewayApi, Color } from '../../shared/api.ts';
import { createStore, type Readable } from '../common/store.ts';

export interface ListFilters {
  color?: Color;
  tag?: string;
  docId?: string;
  jurisdiction?: string;
  yearFrom?: number;
  yearTo?: number;
  status?: AnnotationStatus;
  kind?: AnnotationKind;
  /** The trash instead of the annotations. */
  trash?: boolean;
}

export interface ListState {
  filters: ListFilters;
  items: Annotation[];
  counts: AnnotationCounts | null;
  /** More annotations match than are listed. */
  more: boolean;
  loading: boolean;
  error: string | null;
}

export interface AnnotationList extends Readable<ListState> {
  /** Changes some filters (undefined clears one); the list starts again from its first page. */
  filter: (patch: Partial<ListFilters>) => void;
  clear: () => void;
  loadMore: () => void;
  /** Starts following changes and reads the first page; returns how to stop. */
  start: () => () => void;
}

export type ListApi = Pick<ClausewayApi, 'listAnnotations' | 'countAnnotations'>;

/** The query of some filters, without the ones not set. */
export function queryOf(filters: ListFilters): AnnotationQuery {
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined && v !== '' && v !== false));
}

export function createAnnotationList(api: ListApi, changes: Readable<{ version: number }>, learn: (list: readonly Annotation[]) => void, pageSize = 100): AnnotationList {
  const store = createStore<ListState>({ filters: {}, items: [], counts: null, more: false, loading: false, error: null });
  const patch = (p: Partial<ListState>): void => store.set({ ...store.get(), ...p });
  let asked = 0;

  /** Reads `count` annotations from the start (a refresh keeps as many as were shown). */
  const load = (count: number): void => {
    const mine = ++asked;
    const query = queryOf(store.get().filters);
    patch({ loading: true });
    Promise.all([api.listAnnotations({ ...query, limit: count + 1 }), api.countAnnotations(query)]).then(
      ([list, counts]) => {
        if (mine !== asked) return;
        learn(list);
        patch({ items: list.slice(0, count), counts, more: list.length > count, loading: false, error: null });
      },
      (e: unknown) => {
        if (mine === asked) patch({ loading: false, error: e instanceof Error ? e.message : String(e) });
      },
    );
  };

  return {
    get: store.get,
    subscribe: store.subscribe,
    filter: (p) => {
      store.set({ ...store.get(), filters: { ...store.get().filters, ...p } });
      load(pageSize);
    },
    clear: () => {
      store.set({ ...store.get(), filters: { trash: store.get().filters.trash } });
      load(pageSize);
    },
    loadMore: () => load(store.get().items.length + pageSize),
    start: () => {
      let version = changes.get().version;
      const stop = changes.subscribe(() => {
        if (changes.get().version === version) return;
        version = changes.get().version;
        load(Math.max(pageSize, store.get().items.length));
      });
      load(Math.max(pageSize, store.get().items.length));
      return stop;
    },
  };
}
