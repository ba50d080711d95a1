// Where an annotation is, in words: the document's title once, then the clauses it covers
// (粤港澳大湾区发展规划纲要 第六章 第三节 — 第四节), as the targets' citations last placed it.

import type { Annotation } from '../../shared/api.ts';

export function whereOf(a: Annotation): string {
  const title = a.docTitle;
  const parts = [...new Set(a.targets.map((t) => (title && t.citation.startsWith(`${title} `) ? t.citation.slice(title.length + 1) : t.citation)))];
  if (parts.length === 0) return title;
  const first = a.targets[0]?.citation ?? '';
  return title && first.startsWith(`${title} `) ? `${title} ${parts.join(' — ')}` : parts.join(' — ');
}
