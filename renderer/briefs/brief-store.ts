// One brief being built: read once, then every change goes to the engine one at a time, in the
// order it was made, and the brief the engine answers with is what is shown. A move is shown at
// once (order.ts), before the engine confirms it, so that a drag or a key feels immediate; if the
// engine refuses, the brief is read again and the failure is reported.

import type { Brief, BriefChange, BriefGrouping, BriefItemChange, BriefItemInput, BriefPlace, ClausewayApi } from '../../shared/api.ts';
import { createStore, type Readable } from '../common/store.ts';
import { moved } from './order.ts';

export type BriefApi = Pick<
  ClausewayApi,
  'getBrief' | 'updateBrief' | 'addToBrief' | 'updateBriefItem' | 'moveBriefItem' | 'removeBriefItem' | 'addBriefSection' | 'updateBriefSection' | 'moveBriefSection' | 'removeBriefSection' | 'groupBrief'
>;

export interface BriefState {
  brief: Brief | null;
  /** The brief is not there (deleted, or a wrong address). */
  missing: boolean;
  error: string | null;
}

export interface BriefEditor extends Readable<BriefState> {
  load: () => Promise<void>;
  update: (change: BriefChange) => Promise<Brief>;
  /** Adds items at a place (default: the end of the last section); answers the new items' ids. */
  add: (items: BriefItemInput[], place?: BriefPlace) => Promise<string[]>;
  /** `durable`: the page is going away (a text's last keystrokes). */
  updateItem: (itemId: string, change: BriefItemChange, durable?: boolean) => Promise<Brief>;
  move: (itemId: string, to: BriefPlace) => Promise<Brief>;
  removeItem: (itemId: string) => Promise<Brief>;
  addSection: (heading: string, index?: number) => Promise<Brief>;
  renameSection: (sectionId: string, heading: string) => Promise<Brief>;
  moveSection: (sectionId: string, index: number) => Promise<Brief>;
  removeSection: (sectionId: string) => Promise<Brief>;
  group: (by: BriefGrouping) => Promise<Brief>;
}

/** `onChange`: each brief the engine answers with (the list of briefs shows its title and counts). */
export function createBriefEditor(api: BriefApi, durableApi: Pick<ClausewayApi, 'updateBriefItem'>, id: string, onChange: (b: Brief) => void = () => undefined): BriefEditor {
  const store = createStore<BriefState>({ brief: null, missing: false, error: null });
  const patch = (p: Partial<BriefState>): void => store.set({ ...store.get(), ...p });
  // Writes one after another: each starts when the one before has landed, failed or not.
  let queue: Promise<unknown> = Promise.resolve();

  const load = async (): Promise<void> => {
    try {
      const brief = await api.getBrief(id);
      patch({ brief, missing: brief === null || brief.deleted !== null, error: null });
    } catch (e) {
      patch({ error: e instanceof Error ? e.message : String(e) });
    }
  };

  const write = (run: () => Promise<Brief>): Promise<Brief> => {
    const next = queue.then(run).then(
      (brief) => {
        patch({ brief, error: null });
        onChange(brief);
        return brief;
      },
      async (e: unknown) => {
        // What is shown may be ahead of the engine (a move shown at once): show what it holds.
        await load();
        throw e;
      },
    );
    queue = next.catch(() => undefined);
    return next;
  };

  return {
    get: store.get,
    subscribe: store.subscribe,
    load,
    update: (change) => write(() => api.updateBrief(id, change)),
    add: async (items, place) => {
      let added: string[] = [];
      await write(async () => {
        const result = await api.addToBrief(id, items, place);
        added = result.added;
        return result.brief;
      });
      return added;
    },
    updateItem: (itemId, change, durable = false) => write(() => (durable ? durableApi : api).updateBriefItem(id, itemId, change)),
    move: (itemId, to) => {
      const shown = store.get().brief;
      if (shown) patch({ brief: { ...shown, sections: moved(shown.sections, itemId, to) } });
      return write(() => api.moveBriefItem(id, itemId, to));
    },
    removeItem: (itemId) => write(() => api.removeBriefItem(id, itemId)),
    // The engine answers with the new section alone: the brief is read again for the whole.
    addSection: (heading, index) =>
      write(async () => {
        await api.addBriefSection(id, heading, index);
        const brief = await api.getBrief(id);
        if (!brief) throw new Error(`brief ${id} is gone`);
        return brief;
      }),
    renameSection: (sectionId, heading) => write(() => api.updateBriefSection(id, sectionId, heading)),
    moveSection: (sectionId, index) => write(() => api.moveBriefSection(id, sectionId, index)),
    removeSection: (sectionId) => write(() => api.removeBriefSection(id, sectionId)),
    group: (by) => write(() => api.groupBrief(id, by)),
  };
}
