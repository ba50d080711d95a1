// The size of the reading text: a few steps, remembered between sessions.

import { createStore, type Readable } from '../common/store.ts';

const TEXT_SIZES: readonly number[] = [15, 16, 17, 18, 20, 22, 24];
const DEFAULT_SIZE = 18;
const KEY = 'clauseway.fontSize';

/** The step nearest to a size, so that a setting saved by another version still steps cleanly. */
function nearest(px: number): number {
  return TEXT_SIZES.reduce((best, s) => (Math.abs(s - px) < Math.abs(best - px) ? s : best), DEFAULT_SIZE);
}

/** The next step up or down from a size, staying at the ends. */
export function stepTextSize(px: number, delta: 1 | -1): number {
  const i = TEXT_SIZES.indexOf(nearest(px));
  return TEXT_SIZES[Math.min(TEXT_SIZES.length - 1, Math.max(0, i + delta))] ?? DEFAULT_SIZE;
}

export interface TextSize extends Readable<number> {
  step: (delta: 1 | -1) => void;
}

/** `storage`: localStorage in the page; `apply` shows a size (the reading text's CSS variable). */
export function createTextSize(storage: { getItem(key: string): string | null; setItem(key: string, value: string): void }, apply: (px: number) => void): TextSize {
  const saved = Number(storage.getItem(KEY));
  const store = createStore(saved > 0 ? nearest(saved) : DEFAULT_SIZE);
  apply(store.get());
  return {
    get: store.get,
    subscribe: store.subscribe,
    step: (delta) => {
      store.set(stepTextSize(store.get(), delta));
      storage.setItem(KEY, String(store.get()));
      apply(store.get());
    },
  };
}
