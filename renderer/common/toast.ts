// A short message at the foot of the window (deleted · Undo), gone after a few seconds or when
// its action is taken. One at a time: a new one replaces the one shown.

import { createStore, type Readable } from './store.ts';

export interface Toast {
  id: number;
  message: string;
  action?: { label: string; run: () => void };
  /** An error stays until it is closed. */
  error?: boolean;
}

export interface Toasts extends Readable<Toast | null> {
  show: (toast: Omit<Toast, 'id'>, ms?: number) => void;
  close: () => void;
}

export function createToasts(later: (ms: number, run: () => void) => () => void): Toasts {
  const store = createStore<Toast | null>(null);
  let next = 0;
  let cancel = (): void => undefined;
  return {
    get: store.get,
    subscribe: store.subscribe,
    show: (toast, ms = 8000) => {
      cancel();
      const id = ++next;
      store.set({ ...toast, id });
      if (!toast.error) {
        cancel = later(ms, () => {
          if (store.get()?.id === id) store.set(null);
        });
      }
    },
    close: () => {
      cancel();
      store.set(null);
    },
  };
}

export const toasts = createToasts((ms, run) => {
  const timer = setTimeout(run, ms);
  return () => clearTimeout(timer);
});
