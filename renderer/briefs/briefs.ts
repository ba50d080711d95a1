// The page's brief stores and the hooks that read them: the list of briefs (with the one last
// added to), the picker, and the brief being built.

import { useEffect, useMemo } from 'react';
import type { BriefItemInput, BriefSummary } from '../../shared/api.ts';
import { anchorOf } from '../annotations/ui-store.ts';
import { api, durableApi } from '../api/client.ts';
import { useSelect, useStore } from '../common/store.ts';
import { library } from '../library/library.ts';
import { createBriefEditor, type BriefEditor, type BriefState } from './brief-store.ts';
import { createBriefs } from './briefs-store.ts';
import { createLastBrief } from './last-brief.ts';
import { createPicker, type Picking } from './picker-store.ts';

export const briefs = createBriefs(api, createLastBrief(localStorage));
export const picker = createPicker();

/** The briefs, last changed first (null until read); read again when a view shows them. */
export function useBriefs(): BriefSummary[] | null {
  useEffect(() => void briefs.refresh(), []);
  return useStore(briefs).list;
}

export const usePicking = (): Picking | null => useStore(picker);

/** Opens the picker beside the element pressed, to add `items`. */
export const pickBrief = (items: BriefItemInput[], from: Element): void => picker.open(items, anchorOf(from.getBoundingClientRect()));

/**
 * The brief with this id, read while the builder shows it, and again when the library's revision
 * moves: a re-import may have changed the clauses its excerpts quote.
 */
export function useBriefEditor(id: string): { editor: BriefEditor; state: BriefState } {
  const editor = useMemo(() => createBriefEditor(api, durableApi, id, briefs.changed), [id]);
  const revision = useSelect(library, (s) => s.status?.revision);
  useEffect(() => void editor.load(), [editor, revision]);
  return { editor, state: useStore(editor) };
}
