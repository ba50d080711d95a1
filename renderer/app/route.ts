// The address of what is on screen, kept in the URL fragment so that back/forward, reload and
// deep links work: #/ (library), #/read?l=DOC~CLAUSE&r=DOC&f=1 (two panes), #/c/CLAUSE (a deep link),
// #/annotations (every highlight and note of the library), #/compare?a=DOC&b=DOC (two documents
// aligned clause by clause), #/briefs (the briefs), #/briefs/ID (one), #/import (the library with
// the import panel open: the desktop menu's way in).
// #/units and #/units/NAME (responsible units, and one unit's tasks).

export interface PaneRoute {
  docId: string;
  clauseId: string | null;
}

export type Route =
  | { view: 'library' }
  | { view: 'read'; panes: [PaneRoute | null, PaneRoute | null]; focus: 0 | 1 }
  | { view: 'clause'; clauseId: string }
  | { view: 'annotations' }
  | CompareRoute
  // Briefs (issue 14): the list, and one brief being built.
  | { view: 'briefs' }
  | { view: 'brief'; briefId: string }
  // import (issue 15)
  | { view: 'import' }
  // search-daily: responsible units; `name` null lists them all.
  | { view: 'units'; name: string | null };

const ID = /^[0-9a-f]{12}$/;
const CLAUSE = /^[0-9a-f]{12}-[0-9a-f]{10}$/;
const BRIEF = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function parsePane(v: string | null): PaneRoute | null {
  if (!v) return null;
  const [docId = '', clauseId = null] = v.split('~');
  if (!ID.test(docId)) return null;
  return { docId, clauseId: clauseId && CLAUSE.test(clauseId) ? clauseId : null };
}

export function parseRoute(hash: string): Route {
  const h = hash.replace(/^#/, '');
  const clause = /^\/c\/([0-9a-f-]+)$/.exec(h);
  if (clause?.[1] && CLAUSE.test(clause[1])) return { view: 'clause', clauseId: clause[1] };
  if (h === '/annotations') return { view: 'annotations' };
  if (/^\/compare(?:\?|$)/.test(h)) return parseCompare(h);
  // Briefs (issue 14).
  if (h === '/briefs') return { view: 'briefs' };
  const brief = /^\/briefs\/([0-9a-f-]+)$/.exec(h);
  if (brief?.[1] && BRIEF.test(brief[1])) return { view: 'brief', briefId: brief[1] };
  if (h === '/import') return { view: 'import' };
  const units = parseUnits(h);
  if (units) return units;
  if (h.startsWith('/read')) {
    const q = new URLSearchParams(h.slice(h.indexOf('?') + 1));
    const panes: [PaneRoute | null, PaneRoute | null] = [parsePane(q.get('l')), parsePane(q.get('r'))];
    if (panes[0] || panes[1]) return { view: 'read', panes, focus: q.get('f') === '1' ? 1 : 0 };
  }
  return { view: 'library' };
}

export function formatRoute(r: Route): string {
  if (r.view === 'library') return '#/';
  if (r.view === 'clause') return `#/c/${r.clauseId}`;
  if (r.view === 'annotations') return '#/annotations';
  if (r.view === 'compare') return formatCompare(r);
  if (r.view === 'briefs') return '#/briefs';
  if (r.view === 'brief') return `#/briefs/${r.briefId}`;
  if (r.view === 'import') return '#/import';
  if (r.view === 'units') return r.name ? `#/units/${encodeURIComponent(r.name)}` : '#/units';
  // Ids are hex and dashes, so the address stays readable without encoding.
  const pane = (p: PaneRoute | null): string | null => (p ? p.docId + (p.clauseId ? `~${p.clauseId}` : '') : null);
  const parts = [['l', pane(r.panes[0])], ['r', pane(r.panes[1])], ['f', r.focus === 1 ? '1' : null]].filter((kv): kv is [string, string] => kv[1] !== null);
  return `#/read?${parts.map(([k, v]) => `${k}=${v}`).join('&')}`;
}

// Cross-links (renderer/links): comparing two documents. Either side may be still to choose.
export interface CompareRoute {
  view: 'compare';
  a: string | null;
  b: string | null;
}

function parseCompare(h: string): CompareRoute {
  const q = new URLSearchParams(h.slice(h.indexOf('?') + 1));
  const side = (v: string | null): string | null => (v && ID.test(v) ? v : null);
  return { view: 'compare', a: side(q.get('a')), b: side(q.get('b')) };
}

function formatCompare(r: CompareRoute): string {
  const parts = [r.a && `a=${r.a}`, r.b && `b=${r.b}`].filter(Boolean);
  return parts.length > 0 ? `#/compare?${parts.join('&')}` : '#/compare';
}

// search-daily: a unit's name is Chinese as printed, percent-encoded in the address; a malformed
// escape or a name no unit could have falls back to the list of units.
function parseUnits(h: string): Route | null {
  if (h === '/units' || h === '/units/') return { view: 'units', name: null };
  const m = /^\/units\/(.+)$/.exec(h);
  if (!m?.[1]) return null;
  try {
    const name = decodeURIComponent(m[1]).trim();
    return { view: 'units', name: name && name.length <= 100 && !/[<>]/.test(name) ? name : null };
  } catch {
    return { view: 'units', name: null };
  }
}
