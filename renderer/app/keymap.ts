// The one keymap of the window. Features register what their shortcuts do while they are on screen
// (the focused pane its find and clause keys, the results their Escape); one keydown listener
// finds the shortcut in shared/keymap.ts and gives the key to the newest handler for it. Keys of a
// single control (the find bar, the splitter) are matched there, from the same table.

import { matches, SHORTCUTS, type KeyPress, type Shortcut, type ShortcutId } from '../../shared/keymap.ts';

/**
 * Does what a shortcut says, and prevents the key's default when it should; returns false when the
 * shortcut does not apply here (the key then goes to an older handler, or does what it would).
 */
export type ShortcutHandler<E> = (event: E) => boolean | undefined;
export type ShortcutHandlers<E> = Partial<Record<ShortcutId, ShortcutHandler<E>>>;

export interface Keymap<E extends KeyPress> {
  /** Handlers until the returned function is called; the newest registration is asked first. */
  register: (handlers: ShortcutHandlers<E>) => () => void;
  /** Gives a key press of the window to its shortcut's handler; `typing`: the focus is in a text field. */
  dispatch: (event: E, typing: boolean) => boolean;
}

const WINDOW_SCOPES = new Set<Shortcut['scope']>(['app', 'reading', 'results', 'selection', 'annotation']);
const WINDOW_SHORTCUTS: readonly (Shortcut & { id: ShortcutId })[] = SHORTCUTS.filter((s) => WINDOW_SCOPES.has(s.scope));

export function createKeymap<E extends KeyPress>(): Keymap<E> {
  const layers: ShortcutHandlers<E>[] = [];
  return {
    register: (handlers) => {
      layers.push(handlers);
      return () => {
        const i = layers.lastIndexOf(handlers);
        if (i >= 0) layers.splice(i, 1);
      };
    },
    dispatch: (event, typing) => {
      for (const s of WINDOW_SHORTCUTS) {
        if ((typing && !s.inFields) || !s.keys.some((k) => matches(event, k))) continue;
        for (let i = layers.length - 1; i >= 0; i--) {
          const handler = layers[i]?.[s.id];
          if (handler && handler(event) !== false) return true;
        }
      }
      return false;
    },
  };
}
