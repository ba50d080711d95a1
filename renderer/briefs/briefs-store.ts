// The briefs as the reader knows them: the list (last changed first), read when a view asks and
// again after every change made here; making, renaming and deleting one (to the trash, so that
// Undo brings it back); and adding to one from anywhere in the window, which remembers the brief
// for the next time (last-brief.ts).

import type { Brief, BriefAddResult, BriefItemInput, BriefSummary, ClausewayApi } from '../../shared/api.ts';
import { createStore, type Readable } from '../common/store.ts';
import type { LastBrief } from './last-brief.ts';

export type BriefsApi = Pick<ClausewayApi, 'listBriefs' | 'createBrief' | 'updateBrief' | 'deleteBrief' | 'restoreBrief' | 'addToBrief'>;

export interface BriefsState {
  /** null until first read. */
  list: BriefSummary[] | null;
  error: string | null;
  /** Moves with every change made through this store: an open brief reads itself again. */
  version: number;
}

export interface Briefs extends Readable<BriefsState> {
  refresh: () => Promise<void>;
  create: (title: string, subtitle?: string | null) => Promise<Brief>;
  rename: (id: string, title: string) => Promise<Brief>;
  /** To the trash; `restore` brings it back. */
  remove: (id: string) => Promise<BriefSummary>;
  restore: (id: string) => Promise<Brief>;
  /** Adds to a brief (at the end of its last section) and remembers it as the last used. */
  add: (id: string, items: BriefItemInput[]) => Promise<BriefAddResult>;
  /** A brief changed elsewhere (the builder): the list shows its new title and counts. */
  changed: (brief: BriefSummary) => void;
  last: LastBrief;
}

const summaryOf = ({ id, title, subtitle, sectionCount, excerptCount, created, updated, deleted }: BriefSummary): BriefSummary => ({ id, title, subtitle, sectionCount, excerptCount, created, updated, deleted });

export function createBriefs(api: BriefsApi, last: LastBrief): Briefs {
  const store = createStore<BriefsState>({ list: null, error: null, version: 0 });
  const patch = (p: Partial<BriefsState>): void => store.set({ ...store.get(), ...p });
  let asked = 0;

  /** The list with this brief in it (first: it changed last) or, deleted, without it. */
  const apply = (b: BriefSummary): void => {
    const rest = (store.get().list ?? []).filter((x) => x.id !== b.id);
    patch({ list: b.deleted === null ? [summaryOf(b), ...rest] : rest, version: store.get().version + 1 });
  };

  const refresh = async (): Promise<void> => {
    const mine = ++asked;
    try {
      const list = await api.listBriefs();
      if (mine === asked) patch({ list, error: null });
    } catch (e) {
      if (mine === asked) patch({ error: e instanceof Error ? e.message : String(e) });
    }
  };

  return {
    get: store.get,
    subscribe: store.subscribe,
    refresh,
    create: async (title, subtitle) => {
      const b = await api.createBrief(subtitle === undefined ? { title } : { title, subtitle });
      apply(b);
      return b;
    },
    rename: async (id, title) => {
      const b = await api.updateBrief(id, { title });
      apply(b);
      return b;
    },
    remove: async (id) => {
      const b = await api.deleteBrief(id);
      apply(b);
      return b;
    },
    restore: async (id) => {
      const b = await api.restoreBrief(id);
      apply(b);
      return b;
    },
    add: async (id, items) => {
      const result = await api.addToBrief(id, items);
      last.set(id);
      apply(result.brief);
      return result;
    },
    changed: apply,
    last,
  };
}
