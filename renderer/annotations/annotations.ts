// The page's annotation stores and the hooks that read them.

import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { Annotation, Color } from '../../shared/api.ts';
import { api, durableApi } from '../api/client.ts';
import { useSelect, useStore } from '../common/store.ts';
import { library } from '../library/library.ts';
import type { DocAnnotations } from './annotation-index.ts';
import { createAnnotations } from './annotations-store.ts';
import { createAnnotationList } from './list-store.ts';
import { createAnnotating, type AnnotatingState } from './ui-store.ts';

export const annotations = createAnnotations(api, durableApi, library, localStorage);

document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') annotations.refresh();
});

/** A document's annotations, read while a pane shows it. */
export function useDocAnnotations(docId: string): DocAnnotations {
  const watch = useCallback((listener: () => void) => annotations.watch(docId, listener), [docId]);
  return useSyncExternalStore(watch, () => annotations.doc(docId));
}

/** An annotation as known now; re-renders when any changes. */
export function useAnnotation(id: string | null): Annotation | null {
  useSelect(annotations, (s) => s.version);
  return id ? annotations.find(id) : null;
}

export const useLastColor = (): Color => useSelect(annotations, (s) => s.lastColor);
const useAnnotationsVersion = (): number => useSelect(annotations, (s) => s.version);

/** The selection, the open annotation and the orphan being re-attached, for the whole page. */
export const annotating = createAnnotating();
export const useAnnotating = (): AnnotatingState => useStore(annotating);

/** The tags in use (outside the trash), most used first: suggestions for a tag field. */
export function useKnownTags(): string[] {
  const version = useAnnotationsVersion();
  const [tags, setTags] = useState<string[]>([]);
  useEffect(() => {
    let live = true;
    api.countAnnotations().then(
      (c) => {
        if (live) setTags(c.byTag.map((x) => x.tag));
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [version]);
  return tags;
}

/** The annotations view's list and filters (kept while the reader goes elsewhere and back). */
export const annotationList = createAnnotationList(api, annotations, annotations.learn);
