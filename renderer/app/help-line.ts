// The help line at the foot of the window, from the keymap: the shortcuts that carry a hint.

import type { Messages } from '../../shared/i18n.ts';
import { HELP_SHORTCUTS } from '../../shared/keymap.ts';

export function helpLine(t: Messages): string {
  return t.keys.line + HELP_SHORTCUTS.map((s) => `${s.hint.join(` ${t.keys.or} `)} ${t.keys[s.label]}`).join(' · ');
}
