// The units view's state: every responsible unit of the library (read once per revision of the
// library) and the tasks of the unit shown. Only the newest request for a unit may show.

import type { ClausewayApi, UnitSummary, UnitTasks } from '../../shared/api.ts';
import { createStore, type Readable } from '../common/store.ts';
import type { LibraryState } from '../library/library-store.ts';

export interface UnitsState {
  /** Null until first read. */
  units: UnitSummary[] | null;
  /** The tasks of the unit shown; null while none is chosen or its tasks are on their way. */
  tasks: UnitTasks | null;
  error: string | null;
}

export interface Units extends Readable<UnitsState> {
  /** Reads the list (when the library changed since) and the tasks of `name`, or none. */
  show: (name: string | null) => Promise<void>;
}

export type UnitsApi = Pick<ClausewayApi, 'listUnits' | 'unitTasks'>;

export function createUnits(api: UnitsApi, library: Readable<LibraryState>): Units {
  const store = createStore<UnitsState>({ units: null, tasks: null, error: null });
  let listedAt: number | null = null;
  let asked = 0;
  let shown: string | null = null;
  const show = async (name: string | null): Promise<void> => {
    const mine = ++asked;
    shown = name;
    const revision = library.get().status?.revision ?? 0;
    try {
      const [units, tasks] = await Promise.all([listedAt === revision ? Promise.resolve(store.get().units) : api.listUnits(), name ? api.unitTasks(name) : Promise.resolve(null)]);
      if (mine !== asked) return;
      listedAt = revision;
      store.set({ units, tasks, error: null });
    } catch (e) {
      if (mine === asked) store.set({ ...store.get(), error: e instanceof Error ? e.message : String(e) });
    }
  };
  // An import or a removal changes who is named where: what is shown is read again.
  let revision = library.get().status?.revision;
  library.subscribe(() => {
    const now = library.get().status?.revision;
    if (now === revision) return;
    revision = now;
    if (store.get().units !== null) void show(shown);
  });
  return { get: store.get, subscribe: store.subscribe, show };
}
