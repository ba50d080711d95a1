// In a pane's header: the way to the document's metadata form, saying when the user corrected it.

import type { ReactNode } from 'react';
import type { DocumentSummary } from '../../shared/types.ts';
import { useI18n } from '../common/i18n.tsx';
import { editMetadata } from './metadata.ts';

export function MetadataButton({ summary }: { summary: DocumentSummary }): ReactNode {
  const { t } = useI18n();
  const corrected = (summary.corrected ?? []).length > 0;
  return (
    <button type="button" className={`metadata-button${corrected ? ' corrected' : ''}`} onClick={() => editMetadata(summary.id)}>
      {corrected ? t.importing.editCorrected : t.importing.edit}
    </button>
  );
}
