// What cross-links put over the window: the wording's comparison, and L, which shows (or hides)
// the links of the clause the focused pane is at.

import type { ReactNode } from 'react';
import { useShortcuts } from '../app/shortcuts.ts';
import { DiffDialog } from './DiffDialog.tsx';
import { toggleForFocused } from './open.ts';

export function LinksLayer(): ReactNode {
  useShortcuts({
    'links.open': (e) => {
      if (!toggleForFocused()) return false;
      e.preventDefault();
      return true;
    },
  });
  return <DiffDialog />;
}
