// The bar between two panes: drag it, or move it with the arrow keys.

import type { ReactNode } from 'react';
import { isShortcut } from '../../shared/keymap.ts';
import { useI18n } from '../common/i18n.tsx';
import { reading, useSplit } from './reading.ts';
import { SPLIT_MAX, SPLIT_MIN } from './reading-store.ts';

const STEP = 5;

export function Splitter(): ReactNode {
  const { t } = useI18n();
  const split = useSplit();
  return (
    <div
      className="splitter"
      role="separator"
      aria-label={t.keys.splitter}
      aria-orientation="vertical"
      aria-valuenow={Math.round(split)}
      aria-valuemin={SPLIT_MIN}
      aria-valuemax={SPLIT_MAX}
      tabIndex={0}
      onKeyDown={(e) => {
        if (isShortcut(e, 'splitter.left')) reading.setSplit(split - STEP);
        if (isShortcut(e, 'splitter.right')) reading.setSplit(split + STEP);
      }}
      onPointerDown={(e) => {
        // A drag moves the bar, never selects the text it passes over.
        e.preventDefault();
        window.getSelection()?.removeAllRanges();
        document.body.classList.add('resizing');
        const box = (e.currentTarget.parentElement as HTMLElement).getBoundingClientRect();
        const move = (ev: PointerEvent): void => reading.setSplit(((ev.clientX - box.left) / box.width) * 100);
        const up = (): void => {
          document.body.classList.remove('resizing');
          window.removeEventListener('pointermove', move);
          window.removeEventListener('pointerup', up);
        };
        window.addEventListener('pointermove', move);
        window.addEventListener('pointerup', up);
      }}
    />
  );
}
