// A law's history and versions under the pane's header: the lines printed under its title (通过,
// 修正, 施行… with their dates and the bodies that acted) and the versions of its text in the
// library, newest first, each with where it stands and a way to open it in this pane. Folded by
// default, so that the text keeps the pane; the summary line says what it holds.

import type { ReactNode } from 'react';
import type { DocumentVersion, HistoryEvent } from '../../shared/types.ts';
import { useI18n } from '../common/i18n.tsx';
import { effectiveOfItsOwn } from '../library/library-view.ts';

interface Props {
  docId: string;
  history: readonly HistoryEvent[];
  versions: readonly DocumentVersion[];
  /** Opens a version in this pane. */
  onOpen: (docId: string) => void;
}

export function DocHistory({ docId, history, versions, onOpen }: Props): ReactNode {
  const { t } = useI18n();
  const v = t.versions;
  if (history.length === 0 && versions.length === 0) return null;
  const said = [
    history.length > 0 ? v.lines.replace('{n}', String(history.length)) : null,
    versions.length > 0 ? v.versions.replace('{n}', String(versions.length)) : null,
  ].filter((x) => x !== null);
  return (
    <details className="doc-history">
      <summary>
        {v.panel}
        <span className="doc-history-count">{said.join(' · ')}</span>
      </summary>
      <div className="doc-history-body">
        {history.length > 0 && (
          <section aria-label={v.historyTitle}>
            <h2>{v.historyTitle}</h2>
            <ol className="history-lines">
              {history.map((e, i) => (
                <li key={i} className={`history-${e.kind}`}>
                  <time dateTime={e.date}>{e.date}</time>
                  {e.body && <span className="history-body">{e.body}</span>}
                  <span className="history-kind">{v.history[e.kind]}</span>
                </li>
              ))}
            </ol>
          </section>
        )}
        {versions.length > 0 && (
          <section aria-label={v.versionsTitle}>
            <h2>{v.versionsTitle}</h2>
            <ol className="version-list">
              {versions.map((version) => {
                const self = version.id === docId;
                return (
                  <li key={version.id} className={`version status-${version.status}${self ? ' this-one' : ''}`} aria-current={self ? 'true' : undefined}>
                    <span className="version-date">{version.date ?? version.effective ?? '—'}</span>
                    <span className={`doc-status status-${version.status}`}>{v.status[version.status]}</span>
                    {effectiveOfItsOwn(version) && (
                      <span className="version-effective">
                        {v.effective} {version.effective}
                      </span>
                    )}
                    {self ? (
                      <span className="version-self">{v.thisOne}</span>
                    ) : (
                      <button type="button" title={v.open} onClick={() => onOpen(version.id)}>
                        {version.title}
                      </button>
                    )}
                  </li>
                );
              })}
            </ol>
          </section>
        )}
      </div>
    </details>
  );
}
