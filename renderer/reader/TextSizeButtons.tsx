// A− and A+: the size of the reading text.

import type { ReactNode } from 'react';
import { useI18n } from '../common/i18n.tsx';
import { textSize } from './reading.ts';

export function TextSizeButtons(): ReactNode {
  const { t } = useI18n();
  return (
    <>
      <button type="button" aria-label={t.fontSmaller} title={t.fontSmaller} onClick={() => textSize.step(-1)}>
        A−
      </button>
      <button type="button" aria-label={t.fontLarger} title={t.fontLarger} onClick={() => textSize.step(1)}>
        A+
      </button>
    </>
  );
}
