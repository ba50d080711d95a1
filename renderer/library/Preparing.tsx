// Until the library is open: the first start's import progress, or why it cannot open.

import type { ReactNode } from 'react';
import { useI18n } from '../common/i18n.tsx';
import { useLibraryStatus } from './library.ts';

export function Preparing(): ReactNode {
  const { t } = useI18n();
  const status = useLibraryStatus();
  if (status?.state === 'error') {
    return (
      <main className="preparing">
        <h1>{t.openError}</h1>
        <p className="error">{status.message === 'token' ? t.needToken : status.message}</p>
      </main>
    );
  }
  const now = status?.message === 'search' ? t.preparingSearch : status?.message ? `${t.preparingFile} ${status.message}` : '';
  return (
    <main className="preparing" aria-busy={status?.state === 'preparing'}>
      <h1>{t.preparing}</h1>
      <progress max={status?.total ?? 1} value={status?.done ?? 0} />
      <p>{now}</p>
    </main>
  );
}
