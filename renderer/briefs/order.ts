// Moving one item of a brief: by a drag (dropped before or after another item) or by the keys
// (one place up or down). Pure index arithmetic, so that the drag, the keys and the announcement
// agree on where an item lands.

/** The list with the item at `from` taken out and put back at `to` (an index of the result). */
export function moved<T>(list: readonly T[], from: number, to: number): T[] {
  const out = [...list];
  const [item] = out.splice(from, 1);
  if (item === undefined) return out;
  out.splice(Math.max(0, Math.min(out.length, to)), 0, item);
  return out;
}

/**
 * Where the item at `from` lands when it is dropped on the item at `over`, in its upper half
 * (`after` false) or its lower half: an index of the list once the item is taken out.
 */
export function dropIndex(from: number, over: number, after: boolean): number {
  const at = after ? over + 1 : over;
  return at > from ? at - 1 : at;
}

/** Where one step up (-1) or down (+1) takes the item at `from`; null at either end. */
export function stepIndex(from: number, step: -1 | 1, length: number): number | null {
  const to = from + step;
  return to < 0 || to >= length ? null : to;
}
