// The brief as Markdown: headings, each excerpt a blockquote ending with its citation linked to
// its clause, notes and free text as paragraphs. Text is escaped so that a clause that happens to
// hold * or # or <tag> reads as written.

import type { Brief, BriefExcerpt, BriefItem } from '../../../../shared/api.ts';
import type { LinkOf } from '../briefs.ts';
import { citedSource, citedWork, noteParagraphs, numberedSections, statusNote, type NoteParagraph, type Run } from './model.ts';

/** Escapes what Markdown would read as markup, inline and at the start of a line. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([#>+-])/gm, '$1\\$2')
    .replace(/^(\s*)(\d+)([.)])/gm, '$1$2\\$3');
}

const linkTarget = (href: string): string => `<${href.replace(/[<>\s]/g, encodeURIComponent)}>`;

function runsMD(runs: readonly Run[]): string {
  return runs
    .map((r) => {
      if (r.text === '\n') return '  \n';
      let md = escapeMarkdown(r.text);
      if (r.bold) md = `**${md}**`;
      if (r.italic) md = `*${md}*`;
      return r.link === null ? md : `[${md}](${linkTarget(r.link)})`;
    })
    .join('');
}

function paragraphsMD(paragraphs: readonly NoteParagraph[], lead = ''): string[] {
  return paragraphs.map((p, i) => {
    const head = i === 0 ? lead : '';
    if (p.marker === '') return `${head}${runsMD(p.runs)}`;
    return `${'  '.repeat(Math.max(0, p.depth - 1))}${p.marker === '•' ? '-' : p.marker} ${head}${runsMD(p.runs)}`;
  });
}

function excerptMD(x: BriefExcerpt, linkOf: LinkOf): string {
  const lines: string[] = [];
  for (const line of x.quote === '' ? [] : x.quote.split('\n')) lines.push(`> ${escapeMarkdown(line)}`, '>');
  const work = escapeMarkdown(citedWork(x.citation));
  lines.push(`> ——${x.link === '' ? work : `[${work}](${linkTarget(x.link)})`}${escapeMarkdown(citedSource(x.citation))}`);
  const status = statusNote(x);
  const out = [lines.join('\n')];
  if (status !== null) out.push(escapeMarkdown(status));
  if (x.note !== null) out.push(paragraphsMD(noteParagraphs(x.note, linkOf), '**批注：**').join('\n\n'));
  return out.join('\n\n');
}

function itemMD(item: BriefItem, number: string, linkOf: LinkOf): string {
  if (item.kind === 'heading') return `### ${escapeMarkdown(number + item.text)}`;
  if (item.kind === 'text') return paragraphsMD(noteParagraphs(item.note, linkOf)).join('\n\n');
  return excerptMD(item, linkOf);
}

export function briefMarkdown(brief: Brief, linkOf: LinkOf): string {
  const blocks = [`# ${escapeMarkdown(brief.title)}`];
  if (brief.subtitle !== null) blocks.push(`*${escapeMarkdown(brief.subtitle)}*`);
  for (const s of numberedSections(brief)) {
    if (s.heading !== '') blocks.push(`## ${escapeMarkdown(s.heading)}`);
    for (const n of s.items) blocks.push(itemMD(n.item, n.number, linkOf));
  }
  return `${blocks.join('\n\n')}\n`;
}
