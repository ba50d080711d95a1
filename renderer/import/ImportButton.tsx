// The library's way into an import: opens the panel (files, a folder, or a drop).

import type { ReactNode } from 'react';
import { useI18n } from '../common/i18n.tsx';
import { importing } from './importing.ts';

export function ImportButton(): ReactNode {
  const { t } = useI18n();
  return (
    <button type="button" className="import-button" onClick={importing.openPanel}>
      {t.importing.button}
    </button>
  );
}
