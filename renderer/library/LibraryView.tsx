// The library: every document, grouped by level and jurisdiction, with what an official needs to
// pick one (issuer, date, number, kind, validity), filters, and a way into either pane.

import { useMemo, useState, type ReactNode } from 'react';
import type { DocKind, DocumentSummary, Level } from '../../shared/types.ts';
import { useI18n } from '../common/i18n.tsx';
import { CompareButton } from '../links/CompareButton.tsx';
import { useDocuments } from './library.ts';
import { LEVEL_ORDER, placeRank } from './place-order.ts';
import { ImportButton } from '../import/ImportButton.tsx';

interface Group {
  key: string;
  level: Level;
  jurisdiction: string;
  docs: DocumentSummary[];
}

function groupDocs(docs: DocumentSummary[]): Group[] {
  const groups = new Map<string, Group>();
  for (const d of docs) {
    const key = `${d.level}:${d.jurisdiction}`;
    let g = groups.get(key);
    if (!g) {
      g = { key, level: d.level, jurisdiction: d.jurisdiction, docs: [] };
      groups.set(key, g);
    }
    g.docs.push(d);
  }
  // Policies and notices before news; newest first.
  for (const g of groups.values()) g.docs.sort((a, b) => Number(a.kind === 'news') - Number(b.kind === 'news') || (b.date ?? '').localeCompare(a.date ?? ''));
  return [...groups.values()].sort((a, b) => LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level) || placeRank(a.jurisdiction) - placeRank(b.jurisdiction) || a.jurisdiction.localeCompare(b.jurisdiction, 'zh'));
}

export function LibraryView({ onOpen }: { onOpen: (docId: string, pane: 0 | 1) => void }): ReactNode {
  const { t } = useI18n();
  const docs = useDocuments();
  const [text, setText] = useState('');
  const [kind, setKind] = useState<DocKind | ''>('');
  const [level, setLevel] = useState<Level | ''>('');
  const today = new Date().toISOString().slice(0, 10);

  const groups = useMemo(() => {
    const needle = text.trim();
    return groupDocs(docs.filter((d) => (!kind || d.kind === kind) && (!level || d.level === level) && (!needle || d.title.includes(needle) || (d.issuer ?? '').includes(needle))));
  }, [docs, text, kind, level]);

  return (
    <section className="library" aria-label={t.library}>
      <div className="library-filters">
        <input type="search" value={text} placeholder={t.filterTitle} aria-label={t.filterTitle} onChange={(e) => setText(e.target.value)} />
        <select value={kind} aria-label={t.allKinds} onChange={(e) => setKind(e.target.value as DocKind | '')}>
          <option value="">{t.allKinds}</option>
          {(['policy', 'notice', 'news'] as const).map((k) => (
            <option key={k} value={k}>
              {t.kind[k]}
            </option>
          ))}
        </select>
        <select value={level} aria-label={t.allLevels} onChange={(e) => setLevel(e.target.value as Level | '')}>
          <option value="">{t.allLevels}</option>
          {LEVEL_ORDER.map((l) => (
            <option key={l} value={l}>
              {t.level[l]}
            </option>
          ))}
        </select>
        <ImportButton />
        <span className="library-count">
          {groups.reduce((n, g) => n + g.docs.length, 0)} {t.documents}
        </span>
      </div>
      <div className="library-groups">
        {groups.map((g) => (
          <section key={g.key} className="library-group" aria-label={g.jurisdiction}>
            <h2>
              {g.jurisdiction}
              <span className="group-level">{t.level[g.level]}</span>
              <span className="group-count">{g.docs.length}</span>
            </h2>
            <ul>
              {g.docs.map((d) => {
                const expired = d.validUntil !== null && d.validUntil < today;
                return (
                  <li key={d.id} className={`doc-row kind-${d.kind}`} data-doc-id={d.id}>
                    <button type="button" className="doc-title" onClick={() => onOpen(d.id, 0)}>
                      {d.title}
                    </button>
                    <div className="doc-meta">
                      <span className={`badge badge-${d.kind}`}>{t.kind[d.kind]}</span>
                      {d.issuer && <span title={t.issuer}>{d.issuer}</span>}
                      {d.date && <span title={t.date}>{d.date}</span>}
                      {d.docNumber && <span title={t.docNumber}>{d.docNumber}</span>}
                      {d.validUntil && (
                        <span className={expired ? 'validity expired' : 'validity'}>
                          {t.validUntil} {d.validUntil}
                          {expired ? ` · ${t.expired}` : ''}
                        </span>
                      )}
                      <span className="clause-count">
                        {d.clauseCount} {t.clauses}
                      </span>
                    </div>
                    <div className="doc-actions">
                      <button type="button" onClick={() => onOpen(d.id, 0)}>
                        {t.openLeft}
                      </button>
                      <button type="button" onClick={() => onOpen(d.id, 1)}>
                        {t.openRight}
                      </button>
                      <CompareButton docId={d.id} />
                    </div>
                  </li>
                );
              })}
            </ul>
          </section>
        ))}
      </div>
    </section>
  );
}
