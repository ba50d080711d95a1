// The search box of the top bar; `/` comes here from anywhere.

import { useRef, useState, type ReactNode } from 'react';
import { useShortcuts } from '../app/shortcuts.ts';
import { useI18n } from '../common/i18n.tsx';
import { search } from './search.ts';

export function SearchForm(): ReactNode {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const input = useRef<HTMLInputElement>(null);
  useShortcuts({
    'search.focus': (e) => {
      e.preventDefault();
      input.current?.focus();
    },
  });
  return (
    <form
      className="search-form"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        void search.run(query);
      }}
    >
      <input ref={input} type="search" value={query} placeholder={t.searchPlaceholder} aria-label={t.search} onChange={(e) => setQuery(e.target.value)} />
      <button type="submit">{t.search}</button>
    </form>
  );
}
