// A clause link as a reader pastes it into a note: clauseway://c/ID (the desktop app), this page's
// address ending in #/c/ID (browser mode), or the bare ID.

const CLAUSE_ID = /^[0-9a-f]{12}-[0-9a-f]{10}$/;
const LINK = /^(?:clauseway:\/\/c\/|[^#\s]*#\/c\/)([0-9a-f]{12}-[0-9a-f]{10})$/;

/** The clause id a link names, or null when it names none. */
export function clauseIdOfLink(text: string): string | null {
  const s = text.trim();
  if (CLAUSE_ID.test(s)) return s;
  return LINK.exec(s)?.[1] ?? null;
}
