// What the engine must tell the reader once (LibraryStatus.notices: user data recovered from a
// backup, upgraded): a bar under the top bar until it is dismissed. The engine reports a notice
// with every status of its run; the page shows each once, and a reload does not show it again.

import { useEffect, useState, type ReactNode } from 'react';
import { useI18n } from '../common/i18n.tsx';
import { useLibraryStatus } from './library.ts';

const SEEN_KEY = 'clauseway.noticesSeen';
const NONE: string[] = [];

function seen(): string[] {
  try {
    const v: unknown = JSON.parse(sessionStorage.getItem(SEEN_KEY) ?? '[]');
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

export function Notices(): ReactNode {
  const { t } = useI18n();
  const notices = useLibraryStatus()?.notices ?? NONE;
  const [showing, setShowing] = useState<string[]>([]);
  useEffect(() => {
    const before = seen();
    const fresh = notices.filter((n) => !before.includes(n));
    if (fresh.length === 0) return;
    sessionStorage.setItem(SEEN_KEY, JSON.stringify([...before, ...fresh]));
    setShowing((s) => [...s, ...fresh]);
  }, [notices]);
  if (showing.length === 0) return null;
  return (
    <div className="notices" role="alert">
      <strong>{t.notes.notice}</strong>
      <ul>
        {showing.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
      <button type="button" onClick={() => setShowing([])}>
        {t.notes.dismiss}
      </button>
    </div>
  );
}
