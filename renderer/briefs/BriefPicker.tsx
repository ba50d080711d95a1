// The "add to brief" picker beside what asked for it: the brief last added to first (Enter takes
// it), the others below, and a new brief made and added to in one step. What was added is said in
// a toast, with the way to the brief.

import { useEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import type { Messages } from '../../shared/i18n.ts';
import { failed } from '../annotations/actions.ts';
import type { Anchor } from '../annotations/ui-store.ts';
import { router } from '../app/router.ts';
import { useShortcuts } from '../app/shortcuts.ts';
import { useI18n } from '../common/i18n.tsx';
import { toasts } from '../common/toast.ts';
import { briefs, picker, useBriefs, usePicking } from './briefs.ts';
import type { Picking } from './picker-store.ts';

const WIDTH = 300;
const HEIGHT = 360;

function placement(anchor: Anchor): CSSProperties {
  const left = Math.max(8, Math.min(window.innerWidth - WIDTH - 8, anchor.left));
  return window.innerHeight - anchor.bottom >= HEIGHT || window.innerHeight - anchor.bottom >= anchor.top ? { left, top: anchor.bottom + 6 } : { left, bottom: window.innerHeight - anchor.top + 6 };
}

const fill = (template: string, values: Record<string, string | number>): string => template.replace(/\{(\w+)\}/g, (m, k: string) => String(values[k] ?? m));

/** Adds what is being picked to a brief, and says so. */
function addTo(picking: Picking, id: string, title: string, t: Messages): void {
  picker.close();
  briefs.add(id, picking.items).then(
    ({ added }) => {
      const message = added.length === 1 ? fill(t.briefs.addedTo, { title }) : fill(t.briefs.addedMany, { n: added.length, title });
      toasts.show({ message, action: { label: t.briefs.openBrief, run: () => router.navigate({ view: 'brief', briefId: id }) } });
    },
    failed,
  );
}

export function BriefPicker(): ReactNode {
  const picking = usePicking();
  return picking ? <PickerBox picking={picking} /> : null;
}

function PickerBox({ picking }: { picking: Picking }): ReactNode {
  const { t } = useI18n();
  const list = useBriefs();
  const box = useRef<HTMLDivElement>(null);
  const [title, setTitle] = useState('');
  const ordered = list ? briefs.last.first(list) : [];
  const lastId = briefs.last.get();
  useEffect(() => {
    const down = (e: MouseEvent): void => {
      if (e.target instanceof Node && !box.current?.contains(e.target)) picker.close();
    };
    document.addEventListener('mousedown', down);
    return () => document.removeEventListener('mousedown', down);
  }, []);
  // The first choice takes the keys once the list is there: Enter adds to the last brief.
  const hasList = list !== null;
  useEffect(() => {
    if (hasList) box.current?.querySelector<HTMLElement>('li button, input')?.focus();
  }, [hasList]);
  useShortcuts({
    'annotation.close': () => {
      picker.close();
    },
  });

  const create = (): void => {
    const name = title.trim() || t.briefs.untitled;
    picker.close();
    briefs.create(name).then(
      (b) => addTo(picking, b.id, b.title, t),
      failed,
    );
  };
  return (
    <div ref={box} className="brief-picker" role="dialog" aria-label={t.briefs.pick} style={placement(picking.anchor)}>
      <h2>{t.briefs.pick}</h2>
      <ul>
        {ordered.map((b) => (
          <li key={b.id}>
            <button type="button" onClick={() => addTo(picking, b.id, b.title, t)}>
              <span>{b.title}</span>
              {b.id === lastId && <span className="last">{t.briefs.lastUsed}</span>}
            </button>
          </li>
        ))}
      </ul>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          create();
        }}
      >
        <input value={title} placeholder={t.briefs.newTitle} aria-label={t.briefs.newTitle} onChange={(e) => setTitle(e.target.value)} />
        <button type="submit">{t.briefs.newAndAdd}</button>
      </form>
    </div>
  );
}
