// The window's keymap in the page: App installs its one listener, features register handlers.

import { useEffect, useLayoutEffect, useRef } from 'react';
import type { ShortcutId } from '../../shared/keymap.ts';
import { createKeymap, type ShortcutHandler, type ShortcutHandlers } from './keymap.ts';

const keymap = createKeymap<KeyboardEvent>();

const isTyping = (target: EventTarget | null): boolean =>
  target instanceof HTMLInputElement || target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement || (target instanceof HTMLElement && target.isContentEditable);

/** The one keydown listener of the window. */
export function useKeymap(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      keymap.dispatch(e, isTyping(e.target));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** What these shortcuts do while the component is on screen (and `active`). */
export function useShortcuts(handlers: ShortcutHandlers<KeyboardEvent>, active = true): void {
  // The handlers of the latest render answer, without registering anew on every render.
  const latest = useRef(handlers);
  useLayoutEffect(() => {
    latest.current = handlers;
  });
  const ids = Object.keys(handlers).sort().join(' ');
  useEffect(() => {
    if (!active || !ids) return;
    const forward = (id: ShortcutId): ShortcutHandler<KeyboardEvent> => (e) => latest.current[id]?.(e) ?? false;
    return keymap.register(Object.fromEntries(ids.split(' ').map((id) => [id, forward(id as ShortcutId)])));
  }, [active, ids]);
}
