// The wording of two clauses compared, earlier → later: the earlier text with what was dropped and
// changed, the later with what was added and changed, and both as one reading; counts of each.
// A dialog over the window: Escape or the close button ends it, and the focus goes back.

import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { ReuseDiffResponse } from '../../shared/api.ts';
import { isShortcut } from '../../shared/keymap.ts';
import type { ClauseDetail } from '../../shared/types.ts';
import { api } from '../api/client.ts';
import { useI18n } from '../common/i18n.tsx';
import { useDocumentMap } from '../library/library.ts';
import { diffing, useDiffPair, type DiffPair } from './diff.ts';
import { diffStats, segments, type DiffSegment } from './diff-parts.ts';

interface Loaded {
  diff: ReuseDiffResponse;
  from: ClauseDetail | null;
  to: ClauseDetail | null;
}

async function load(pair: DiffPair): Promise<Loaded> {
  const diff = await api.reuseDiff({ from: pair.a, to: pair.b });
  const [from, to] = await Promise.all([api.getClause(diff.from), api.getClause(diff.to)]);
  return { diff, from, to };
}

export function DiffDialog(): ReactNode {
  const pair = useDiffPair();
  return pair ? <DiffDialogFor key={`${pair.a}>${pair.b}`} pair={pair} /> : null;
}

function DiffDialogFor({ pair }: { pair: DiffPair }): ReactNode {
  const { t } = useI18n();
  const docs = useDocumentMap();
  const [state, setState] = useState<Loaded | { error: string } | null>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    closeRef.current?.focus();
    let live = true;
    load(pair).then(
      (s) => live && setState(s),
      (e: unknown) => live && setState({ error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
      before?.focus({ preventScroll: true });
    };
  }, [pair]);
  const side = (c: ClauseDetail | null, label: string): ReactNode => {
    const doc = c ? docs.get(c.docId) : undefined;
    return (
      <h3>
        {label}
        {doc?.date ? ` · ${doc.date}` : ''}
        <strong>{c?.citation ?? ''}</strong>
      </h3>
    );
  };
  const segs = state && 'diff' in state ? segments(state.diff.parts) : [];
  const stats = diffStats(segs);
  const legend = t.links.diffLegend;
  return (
    <div className="links-dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && diffing.close()}>
      <div
        className="diff-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="diff-title"
        onKeyDown={(e) => {
          // The keys stay in the dialog: Tab goes between its close button and its text (which
          // the arrows then scroll).
          if (e.key === 'Tab') {
            e.preventDefault();
            (document.activeElement === closeRef.current ? bodyRef.current : closeRef.current)?.focus();
          }
          if (!isShortcut(e.nativeEvent, 'links.close')) return;
          e.stopPropagation();
          diffing.close();
        }}
      >
        <header className="diff-head">
          <h2 id="diff-title">{t.links.diffTitle}</h2>
          <span className="diff-legend">
            {(['kept', 'changed', 'added', 'dropped'] as const).map((op) => (
              <span key={op}>
                <span className={op === 'changed' ? 'op-changed-to' : `op-${op}`}>{legend[op]}</span>
              </span>
            ))}
          </span>
          <button ref={closeRef} type="button" className="close" aria-label={t.close} title={t.close} onClick={() => diffing.close()}>
            ×
          </button>
        </header>
        <div ref={bodyRef} className="diff-body" tabIndex={0} aria-label={t.links.diffTitle}>
          {state === null && <p aria-busy="true">…</p>}
          {state && 'error' in state && <p className="problems">{t.links.diffFailed + state.error}</p>}
          {state && 'diff' in state && (
            <>
              <div className="diff-sides">
                <section className="diff-side earlier" aria-label={t.links.earlier}>
                  {side(state.from, t.links.earlier)}
                  <p className="diff-text">{segs.map((s, i) => earlierPiece(s, i))}</p>
                </section>
                <section className="diff-side later" aria-label={t.links.later}>
                  {side(state.to, t.links.later)}
                  <p className="diff-text">{segs.map((s, i) => laterPiece(s, i))}</p>
                </section>
              </div>
              <section className="diff-inline" aria-label={`${t.links.earlier} → ${t.links.later}`}>
                <h3>
                  {t.links.earlier} → {t.links.later}
                </h3>
                <p className="diff-text">{segs.map((s, i) => inlinePiece(s, i))}</p>
              </section>
              <p className="diff-stats">
                {(['kept', 'changed', 'added', 'dropped'] as const).map((op) => (
                  <span key={op} data-op={op}>
                    {legend[op]} {stats[op]}
                  </span>
                ))}
              </p>
            </>
          )}
        </div>
      </div>
    </div>
  );
}

function earlierPiece(s: DiffSegment, i: number): ReactNode {
  if (s.op === 'kept') return <span key={i} className="op-kept">{s.from}</span>;
  if (s.op === 'added') return null;
  return (
    <del key={i} className={s.op === 'changed' ? 'op-changed-from' : 'op-dropped'}>
      {s.from}
    </del>
  );
}

function laterPiece(s: DiffSegment, i: number): ReactNode {
  if (s.op === 'kept') return <span key={i} className="op-kept">{s.to}</span>;
  if (s.op === 'dropped') return null;
  return (
    <ins key={i} className={s.op === 'changed' ? 'op-changed-to' : 'op-added'}>
      {s.to}
    </ins>
  );
}

function inlinePiece(s: DiffSegment, i: number): ReactNode {
  if (s.op === 'kept') return <span key={i}>{s.to}</span>;
  return (
    <span key={i} className={`op op-${s.op}`}>
      {s.from && <del className={s.op === 'changed' ? 'op-changed-from' : 'op-dropped'}>{s.from}</del>}
      {s.to && <ins className={s.op === 'changed' ? 'op-changed-to' : 'op-added'}>{s.to}</ins>}
    </span>
  );
}
