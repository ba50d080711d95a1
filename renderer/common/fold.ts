// Folding in the renderer (Traditional → Simplified, full-width → ASCII), for marks and
// find-in-document. opencc's tables are two fifths of the renderer's code: they load in their
// own chunk after the first paint, and until then text folds only by case, so the library shows
// sooner. Find-in-document re-runs when the tables arrive (useFold).

import { useEffect, useMemo, useState } from 'react';
import type { Fold } from '../../shared/snippet.ts';

let current: Fold = (text) => text.toLowerCase();
let loaded = false;
const ready = import('../../shared/fold.ts').then((m) => {
  current = m.fold;
  loaded = true;
});

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
