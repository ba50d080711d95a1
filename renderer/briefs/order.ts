// Moving one item of a brief: by a drag (dropped before or after another item, or at the end of a
// section) or by the keys (one place up or down, across into the section before or after at its
// ends). Pure arithmetic over the sections, so that the drag, the keys, the list shown at once and
// the announcement agree on where an item lands. A place's index is counted without the item
// itself, as moveBriefItem takes it.

import type { BriefPlace } from '../../shared/api.ts';

interface Section<I> {
  id: string;
  items: readonly I[];
}

export interface At {
  section: number;
  index: number;
}

/** Where an item is: its section's index and its own; null when no section holds it. */
export function find<I extends { id: string }>(sections: readonly Section<I>[], itemId: string): At | null {
  for (const [section, s] of sections.entries()) {
    const index = s.items.findIndex((i) => i.id === itemId);
    if (index >= 0) return { section, index };
  }
  return null;
}

/** The sections with the item taken out and put at `to` (its index counted without the item). */
export function moved<I extends { id: string }, S extends Section<I>>(sections: readonly S[], itemId: string, to: BriefPlace): S[] {
  const from = find(sections, itemId);
  const item = from ? sections[from.section]?.items[from.index] : undefined;
  if (!from || !item) return [...sections];
  const target = to.sectionId === undefined ? sections.length - 1 : sections.findIndex((s) => s.id === to.sectionId);
  if (target < 0) return [...sections];
  return sections.map((s, i) => {
    let items = i === from.section ? s.items.filter((x) => x.id !== itemId) : [...s.items];
    if (i === target) {
      const at = Math.max(0, Math.min(items.length, to.index ?? items.length));
      items = [...items.slice(0, at), item, ...items.slice(at)];
    }
    return items === s.items ? s : { ...s, items };
  });
}

/**
 * The place an item dropped on another lands at: before it (`after` false) or after it. Null when
 * the drop leaves the item where it is.
 */
export function dropPlace<I extends { id: string }>(sections: readonly Section<I>[], itemId: string, overId: string, after: boolean): BriefPlace | null {
  const from = find(sections, itemId);
  const over = find(sections, overId);
  const section = over ? sections[over.section] : undefined;
  if (!from || !over || !section) return null;
  let index = after ? over.index + 1 : over.index;
  if (from.section === over.section) {
    if (index > from.index) index--;
    if (index === from.index) return null;
  }
  return { sectionId: section.id, index };
}

/** The end of a section, for an item dropped on the section's heading or its empty space. */
export function endOf<I extends { id: string }>(sections: readonly Section<I>[], itemId: string, sectionId: string): BriefPlace | null {
  const from = find(sections, itemId);
  const target = sections.findIndex((s) => s.id === sectionId);
  const section = sections[target];
  if (!from || !section) return null;
  const length = section.items.length - (from.section === target ? 1 : 0);
  if (from.section === target && from.index === length) return null;
  return { sectionId, index: length };
}

/**
 * One step up (-1) or down (+1): within the section, or at its ends to the end of the section
 * before or the start of the one after. Null at the very top or bottom of the brief.
 */
export function stepPlace<I extends { id: string }>(sections: readonly Section<I>[], itemId: string, step: -1 | 1): BriefPlace | null {
  const from = find(sections, itemId);
  const here = from ? sections[from.section] : undefined;
  if (!from || !here) return null;
  const to = from.index + step;
  if (to >= 0 && to < here.items.length) return { sectionId: here.id, index: to };
  const next = sections[from.section + step];
  if (!next) return null;
  return { sectionId: next.id, index: step < 0 ? next.items.length : 0 };
}
