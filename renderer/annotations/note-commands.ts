// The note editor's commands, from the note schema and the one keymap (shared/keymap.ts): marks,
// lists (one button turns a paragraph into a list, a list into the other kind, or back), breaks
// and history. Commands are (state, dispatch) => boolean and run without a view.

import { baseKeymap, chainCommands, exitCode, toggleMark } from 'prosemirror-commands';
import { redo, undo } from 'prosemirror-history';
import type { MarkType, NodeType, Node } from 'prosemirror-model';
import { liftListItem, sinkListItem, splitListItem, wrapInList } from 'prosemirror-schema-list';
import type { Command, EditorState } from 'prosemirror-state';
import { proseMirrorKeys, type ShortcutId } from '../../shared/keymap.ts';
import { noteSchema } from '../../shared/notes/schema.ts';

const { nodes, marks } = noteSchema;
const LISTS = new Set<NodeType>([nodes.bullet_list, nodes.ordered_list]);

/** The innermost list around the selection's start, with its position. */
function listAround(state: EditorState): { node: Node; pos: number } | null {
  const { $from } = state.selection;
  for (let d = $from.depth; d > 0; d--) {
    const node = $from.node(d);
    if (LISTS.has(node.type)) return { node, pos: $from.before(d) };
  }
  return null;
}

/** A list of `type`: makes one, turns the other kind into it, or lifts the items out of it. */
function toggleList(type: NodeType): Command {
  return (state, dispatch) => {
    const list = listAround(state);
    if (!list) return wrapInList(type)(state, dispatch);
    if (list.node.type === type) return liftListItem(nodes.list_item)(state, dispatch);
    dispatch?.(state.tr.setNodeMarkup(list.pos, type));
    return true;
  };
}

const hardBreak: Command = (state, dispatch) => {
  dispatch?.(state.tr.replaceSelectionWith(nodes.hard_break.create()).scrollIntoView());
  return true;
};

export const commands = {
  bold: toggleMark(marks.strong),
  italic: toggleMark(marks.em),
  bullets: toggleList(nodes.bullet_list),
  numbers: toggleList(nodes.ordered_list),
};

/** The editor's keys, bound from the keymap table; baseKeymap does the rest (Enter, Backspace…). */
export function noteKeys(): Record<string, Command> {
  const bound: [ShortcutId, Command][] = [
    ['note.bold', commands.bold],
    ['note.italic', commands.italic],
    ['note.bullets', commands.bullets],
    ['note.numbers', commands.numbers],
    ['note.undo', undo],
    ['note.redo', redo],
    ['note.newItem', splitListItem(nodes.list_item)],
    ['note.lineBreak', chainCommands(exitCode, hardBreak)],
    ['note.indent', sinkListItem(nodes.list_item)],
    ['note.outdent', liftListItem(nodes.list_item)],
  ];
  return Object.fromEntries(bound.flatMap(([id, command]) => proseMirrorKeys(id).map((key) => [key, command])));
}

export { baseKeymap };

/** Is the mark on the selection (or, for an empty one, on what will be typed)? */
export function markActive(state: EditorState, type: MarkType): boolean {
  const { from, to, empty, $from } = state.selection;
  if (empty) return Boolean(type.isInSet(state.storedMarks ?? $from.marks()));
  return state.doc.rangeHasMark(from, to, type);
}

export function listActive(state: EditorState, type: NodeType): boolean {
  return listAround(state)?.node.type === type;
}

/** The clause the selection's start is linked to, if it is in a link. */
export function linkAt(state: EditorState): string | null {
  const { $from } = state.selection;
  const mark = marks.clause_link.isInSet([...$from.marks(), ...($from.nodeAfter?.marks ?? [])]);
  return mark ? String(mark.attrs['clauseId']) : null;
}

/** A note with nothing in it: one empty paragraph. */
export const isEmptyNote = (doc: Node): boolean => doc.childCount === 1 && doc.firstChild?.type === nodes.paragraph && doc.firstChild.content.size === 0;

/** Links the selection to a clause; with nothing selected, inserts `label` as the link. */
export function linkClause(clauseId: string, label: string): Command {
  return (state, dispatch) => {
    const mark = marks.clause_link.create({ clauseId });
    const { from, to, empty } = state.selection;
    if (dispatch) dispatch(empty ? state.tr.insert(from, noteSchema.text(label, [mark])).scrollIntoView() : state.tr.addMark(from, to, mark));
    return true;
  };
}
