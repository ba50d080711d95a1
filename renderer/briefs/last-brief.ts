// The brief things were last added to: the picker offers it first, so that building one brief
// from many places is one click each time. Kept in the page's storage, like the last colour.

export interface KeyValue {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const KEY = 'clauseway.lastBrief';

export interface LastBrief {
  get: () => string | null;
  set: (briefId: string) => void;
  /** The briefs with the one last used first, the others in their order. */
  first: <B extends { id: string }>(briefs: readonly B[]) => B[];
}

export function createLastBrief(storage: KeyValue): LastBrief {
  const get = (): string | null => storage.getItem(KEY);
  return {
    get,
    set: (briefId) => storage.setItem(KEY, briefId),
    first: (briefs) => {
      const last = get();
      const i = briefs.findIndex((b) => b.id === last);
      const hit = briefs[i];
      return hit ? [hit, ...briefs.slice(0, i), ...briefs.slice(i + 1)] : [...briefs];
    },
  };
}
