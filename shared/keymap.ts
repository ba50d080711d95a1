// Every keyboard shortcut of the app in one table: the renderer dispatches keys from it, its help
// line shows the entries that carry a hint, and the desktop menu takes its accelerators from it.
// A key is written as modifiers, then a KeyboardEvent.key: 'Mod+F', 'Alt+ArrowLeft', 'Shift+Enter',
// '/'. Mod is Ctrl, or ⌘ on macOS.

import type { Messages } from './i18n.ts';

/**
 * Where a shortcut acts. `app`, `reading` (a document is open), `results` (search results are
 * shown), `selection` (text of a pane is selected) and `annotation` (a highlight or a note is
 * open) are keys of the whole window; `find`, `splitter`, `note` (the note editor), `links` (the
 * cross-links panel and its dialogs) and `brief` (an item of the brief being built) act in that
 * control alone; `menu` keys belong to the desktop menu, which carries them as accelerators.
 */
export type ShortcutScope = 'app' | 'reading' | 'results' | 'selection' | 'annotation' | 'find' | 'splitter' | 'note' | 'menu' | 'links' | 'brief';

/** What a shortcut does, for people: a key of the language table's `keys`. */
export type ShortcutLabel = Exclude<keyof Messages['keys'], 'line' | 'or'>;

export interface Shortcut {
  id: string;
  keys: readonly string[];
  label: ShortcutLabel;
  scope: ShortcutScope;
  /** Also while the focus is in a text field: a search box, the find bar, a note. */
  inFields?: boolean;
  /**
   * How the help line writes the keys of this shortcut and of those that share its label (↑↓ and
   * j/k for the next and the previous clause); alternatives are joined by the language's "or".
   */
  hint?: readonly string[];
}

export const SHORTCUTS = [
  { id: 'search.focus', keys: ['/'], label: 'search', scope: 'app', hint: ['/'] },
  { id: 'find.open', keys: ['Mod+F'], label: 'find', scope: 'reading', inFields: true, hint: ['Ctrl+F'] },
  { id: 'clause.next', keys: ['j', 'ArrowDown'], label: 'step', scope: 'reading', hint: ['↑↓', 'j/k'] },
  { id: 'clause.previous', keys: ['k', 'ArrowUp'], label: 'step', scope: 'reading' },
  { id: 'pane.left', keys: ['Alt+ArrowLeft'], label: 'panes', scope: 'reading', inFields: true, hint: ['Alt+←/→'] },
  { id: 'pane.right', keys: ['Alt+ArrowRight'], label: 'panes', scope: 'reading', inFields: true },
  { id: 'annotate.highlight', keys: ['h'], label: 'highlight', scope: 'selection' },
  { id: 'annotate.note', keys: ['n'], label: 'noteSelection', scope: 'selection' },
  { id: 'annotate.copy', keys: ['c'], label: 'copyQuote', scope: 'selection' },
  { id: 'annotations.undo', keys: ['Mod+Z'], label: 'undoDelete', scope: 'app' },
  { id: 'annotation.delete', keys: ['Delete'], label: 'deleteAnnotation', scope: 'annotation' },
  // Before the results' Escape: an open annotation closes first.
  { id: 'annotation.close', keys: ['Escape'], label: 'closeAnnotation', scope: 'annotation', inFields: true },
  { id: 'results.close', keys: ['Escape'], label: 'closeResults', scope: 'results', inFields: true },
  { id: 'find.next', keys: ['Enter'], label: 'findNext', scope: 'find' },
  { id: 'find.previous', keys: ['Shift+Enter'], label: 'findPrevious', scope: 'find' },
  { id: 'find.close', keys: ['Escape'], label: 'closeFind', scope: 'find' },
  { id: 'splitter.left', keys: ['ArrowLeft'], label: 'splitter', scope: 'splitter' },
  { id: 'splitter.right', keys: ['ArrowRight'], label: 'splitter', scope: 'splitter' },
  { id: 'note.bold', keys: ['Mod+B'], label: 'bold', scope: 'note' },
  { id: 'note.italic', keys: ['Mod+I'], label: 'italic', scope: 'note' },
  { id: 'note.bullets', keys: ['Mod+Shift+8'], label: 'bullets', scope: 'note' },
  { id: 'note.numbers', keys: ['Mod+Shift+9'], label: 'numbers', scope: 'note' },
  { id: 'note.undo', keys: ['Mod+Z'], label: 'noteUndo', scope: 'note' },
  { id: 'note.redo', keys: ['Mod+Shift+Z', 'Mod+Y'], label: 'noteRedo', scope: 'note' },
  { id: 'note.newItem', keys: ['Enter'], label: 'newItem', scope: 'note' },
  { id: 'note.lineBreak', keys: ['Shift+Enter'], label: 'lineBreak', scope: 'note' },
  { id: 'note.indent', keys: ['Tab'], label: 'indent', scope: 'note' },
  { id: 'note.outdent', keys: ['Shift+Tab'], label: 'outdent', scope: 'note' },
  { id: 'menu.library', keys: ['Mod+L'], label: 'menuLibrary', scope: 'menu' },
  { id: 'menu.search', keys: ['Mod+K'], label: 'menuSearch', scope: 'menu' },
  // Cross-links (renderer/links): L shows the links of the clause being read (again: hides
  // them); Escape in the panel or the wording's comparison closes it.
  { id: 'links.open', keys: ['l'], label: 'links', scope: 'reading', hint: ['L'] },
  { id: 'links.close', keys: ['Escape'], label: 'closeLinks', scope: 'links' },
  // Briefs (issue 14): the item with the focus moves one place (Alt, so that ↑↓ still scroll).
  { id: 'brief.up', keys: ['Alt+ArrowUp'], label: 'moveItemUp', scope: 'brief' },
  { id: 'brief.down', keys: ['Alt+ArrowDown'], label: 'moveItemDown', scope: 'brief' },
] as const satisfies readonly Shortcut[];

export type ShortcutId = (typeof SHORTCUTS)[number]['id'];

const BY_ID = new Map<string, Shortcut>(SHORTCUTS.map((s) => [s.id, s]));

export function shortcut(id: ShortcutId): Shortcut {
  const s = BY_ID.get(id);
  if (!s) throw new Error(`no shortcut ${id}`);
  return s;
}

/** The shortcuts of the help line, in order, each with its hint. */
export const HELP_SHORTCUTS: readonly (Shortcut & { hint: readonly string[] })[] = SHORTCUTS.filter((s) => 'hint' in s);

/** The part of a KeyboardEvent that a shortcut is matched against. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

interface Combo {
  key: string;
  mod: boolean;
  alt: boolean;
  shift: boolean;
}

function parse(combo: string): Combo {
  const parts = combo.split('+');
  const key = parts.pop() ?? '';
  return { key, mod: parts.includes('Mod'), alt: parts.includes('Alt'), shift: parts.includes('Shift') };
}

/**
 * Whether a key press is this key. Ctrl, ⌘ and Alt must be exactly as written. A printed character
 * ('/', 'j') already says whether Shift was held, so Shift is checked for named keys only; with
 * Mod or Alt a letter matches in either case.
 */
export function matches(press: KeyPress, combo: string): boolean {
  const c = parse(combo);
  if (c.mod !== (press.ctrlKey || press.metaKey) || c.alt !== press.altKey) return false;
  if (c.key.length === 1) return c.mod || c.alt ? press.key.toLowerCase() === c.key.toLowerCase() : press.key === c.key;
  return c.shift === press.shiftKey && press.key === c.key;
}

/** Whether a key press is one of this shortcut's keys. */
export function isShortcut(press: KeyPress, id: ShortcutId): boolean {
  return shortcut(id).keys.some((k) => matches(press, k));
}

const ELECTRON_KEYS: Record<string, string> = { ArrowLeft: 'Left', ArrowRight: 'Right', ArrowUp: 'Up', ArrowDown: 'Down', Escape: 'Esc', Enter: 'Return' };

/** The first key of a shortcut as an Electron accelerator: 'Mod+L' is 'CmdOrCtrl+L'. */
export function accelerator(id: ShortcutId): string {
  const first = shortcut(id).keys[0];
  if (first === undefined) throw new Error(`shortcut ${id} has no key`);
  const c = parse(first);
  const key = ELECTRON_KEYS[c.key] ?? (c.key.length === 1 ? c.key.toUpperCase() : c.key);
  return [c.mod && 'CmdOrCtrl', c.alt && 'Alt', c.shift && 'Shift', key].filter(Boolean).join('+');
}

/**
 * A shortcut's keys as ProseMirror's keymap writes them: 'Mod+Shift+Z' is 'Mod-Shift-z' (a
 * letter in lower case, Shift stated), 'Mod+Shift+8' is 'Mod-Shift-8'.
 */
export function proseMirrorKeys(id: ShortcutId): string[] {
  return shortcut(id).keys.map((k) => {
    const c = parse(k);
    const key = c.key.length === 1 ? c.key.toLowerCase() : c.key;
    return [c.mod && 'Mod', c.alt && 'Alt', c.shift && 'Shift', key].filter(Boolean).join('-');
  });
}

/** How a button's title writes a shortcut's first key, as the help line does: 'Mod+B' is 'Ctrl+B', 'h' is 'H'. */
export function keyLabel(id: ShortcutId): string {
  const first = shortcut(id).keys[0] ?? '';
  const c = parse(first);
  const key = c.key.length === 1 ? c.key.toUpperCase() : c.key;
  return [c.mod && 'Ctrl', c.alt && 'Alt', c.shift && 'Shift', key].filter(Boolean).join('+');
}
