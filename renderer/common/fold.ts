// Folding in the renderer (Traditional → Simplified, full-width → ASCII), for marks and
// find-in-document. opencc's tables are two fifths of the renderer's code: they load in their
// own chunk once the library's first list is drawn (loadFoldTables), or a moment after start
// when nothing asks sooner, and until then text folds only by case. Loaded at once, their
// evaluation sat between the engine's status and the request for the list, holding the first
// rows back. Find-in-document re-runs when the tables arrive (useFold).

import { useEffect, useMemo, useState } from 'react';
import type { Fold } from '../../shared/snippet.ts';

let current: Fold = (text) => text.toLowerCase();
let loaded = false;
/** A page with no library list to wait for (a deep link, an empty library) loads them after this. */
const LOAD_ANYWAY_MS = 1500;
let start = (): void => undefined;
const ready = new Promise<void>((resolve) => {
  start = resolve;
  setTimeout(resolve, LOAD_ANYWAY_MS);
})
  .then(() => import('../../shared/fold.ts'))
  .then((m) => {
    current = m.fold;
    loaded = true;
  });

/** Loads the tables now (the library calls it once its first rows are drawn). */
export const loadFoldTables = (): void => start();

export const foldText: Fold = (text) => current(text);

/** The fold to use now; the caller re-renders with the full fold once it is there. */
export function useFold(): Fold {
  const [isLoaded, setLoaded] = useState(loaded);
  useEffect(() => {
    let live = true;
    void ready.then(() => {
      if (live) setLoaded(true);
    });
    return () => {
      live = false;
    };
  }, []);
  return useMemo<Fold>(() => (isLoaded ? (text) => current(text) : (text) => text.toLowerCase()), [isLoaded]);
}
