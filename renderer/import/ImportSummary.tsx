// The end of an import: how many files were added, updated, unchanged, duplicates or refused;
// each refusal and duplicate with its reason; each document that came in with a way to check and
// correct what was read of it (MetadataForm).

import type { ReactNode } from 'react';
import type { ImportItemStatus, ImportSummary as Summary } from '../../shared/api.ts';
import { useI18n } from '../common/i18n.tsx';
import { useDocumentMap } from '../library/library.ts';
import { importing } from './importing.ts';
import { editMetadata } from './metadata.ts';
import { reasonText } from './reasons.ts';

const ORDER: ImportItemStatus[] = ['added', 'updated', 'unchanged', 'duplicate', 'refused'];

export function ImportSummary({ summary }: { summary: Summary }): ReactNode {
  const { t } = useI18n();
  const docs = useDocumentMap();
  return (
    <div className="import-backdrop">
      <div className="import-dialog import-summary" role="dialog" aria-label={t.importing.summaryTitle} onKeyDown={(e) => e.key === 'Escape' && importing.dismiss()}>
        <h2>{t.importing.summaryTitle}</h2>
        <ul className="import-counts">
          {ORDER.map((s) => (
            <li key={s} className={`import-count status-${s}`} data-status={s}>
              <span className="n">{summary.counts[s]}</span> {t.importing.status[s]}
            </li>
          ))}
        </ul>
        <ul className="import-items">
          {summary.items.map((item) => (
            <li key={item.name} className={`import-item status-${item.status}`}>
              <div className="import-item-head">
                <span className={`import-status status-${item.status}`}>{t.importing.status[item.status]}</span>
                <span className="import-name">{item.name}</span>
                {item.documents > 0 && (
                  <span className="import-docs">
                    {item.documents} {t.importing.documentsOf}
                  </span>
                )}
              </div>
              {item.reason && (
                <p className="import-reason" title={item.reason}>
                  {reasonText(t, item)}
                </p>
              )}
              {item.warnings.map((w) => (
                <p key={w} className="import-warning">
                  {w}
                </p>
              ))}
              {item.docIds.flatMap((id) => {
                const doc = docs.get(id);
                return doc
                  ? [
                      <div key={id} className="import-doc">
                        <span>{doc.title}</span>
                        <button type="button" onClick={() => editMetadata(id)}>
                          {t.importing.check}
                        </button>
                      </div>,
                    ]
                  : [];
              })}
            </li>
          ))}
        </ul>
        <div className="import-actions">
          <button type="button" autoFocus onClick={importing.dismiss}>
            {t.importing.close}
          </button>
        </div>
      </div>
    </div>
  );
}
