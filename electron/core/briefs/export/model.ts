// What every format of a brief shares: the numbering of its headings (一、 for sections, （一） for
// headings inside them), the words of a citation and of an excerpt's status, the colours of
// highlights, and a note read once into paragraphs of runs that each format writes its own way.

import type { Node } from 'prosemirror-model';
import type { Color, NoteJSON } from '../../../../shared/anchoring/annotation.ts';
import type { Brief, BriefCitation, BriefExcerpt, BriefFormat, BriefItem } from '../../../../shared/api.ts';
import { noteFromJSON } from '../../../../shared/notes/note.ts';
import type { LinkOf } from '../briefs.ts';

const DIGITS = '〇一二三四五六七八九';

/** 1 → 一, 10 → 十, 12 → 十二, 40 → 四十, 105 → 一百零五 (headings seldom pass a hundred). */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n] ?? String(n);
  if (n < 20) return `十${n % 10 === 0 ? '' : DIGITS[n % 10] ?? ''}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)] ?? ''}十${n % 10 === 0 ? '' : DIGITS[n % 10] ?? ''}`;
  if (n < 1000) {
    const rest = n % 100;
    const tail = rest === 0 ? '' : rest < 10 ? `零${DIGITS[rest] ?? ''}` : rest < 20 ? `一${chineseNumber(rest)}` : chineseNumber(rest);
    return `${DIGITS[Math.floor(n / 100)] ?? ''}百${tail}`;
  }
  return String(n);
}

/** 2019-02-12 → 2019年2月12日; 2019-02 → 2019年2月; 2025 → 2025年. */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${y ?? ''}年${m ? `${Number(m)}月` : ''}${d ? `${Number(d)}日` : ''}`;
}

/** 《粤港澳大湾区发展规划纲要》第六章 第三节 */
export function citedWork(c: BriefCitation): string {
  return `《${c.docTitle}》${c.label}`;
}

/** （中共中央 国务院，商建函〔2019〕61号，2019年2月12日）, or '' when nothing is known. */
export function citedSource(c: BriefCitation): string {
  const parts = [c.issuer, c.docNumber, c.date === null ? null : chineseDate(c.date)].filter((p): p is string => p !== null && p !== '');
  return parts.length === 0 ? '' : `（${parts.join('，')}）`;
}

/** The full citation of an excerpt in one line: what the Markdown and the tests read. */
export const citationLine = (c: BriefCitation): string => `${citedWork(c)}${citedSource(c)}`;

/** What a reader must be told of an excerpt whose clause is no longer as it was; null when it is. */
export function statusNote(x: BriefExcerpt): string | null {
  switch (x.status) {
    case 'current': return null;
    case 'moved': return '（说明：文库重新导入后，所引文字现位于另一条款，链接指向该条款。）';
    case 'changed': return '（说明：文库重新导入后，该条款文字已修改；以上为加入简报时的原文。）';
    case 'removed': return '（说明：该条款已不在文库中；以上为加入简报时的原文及出处。）';
  }
}

/** Shading of a highlight in print: the reader's six colours, light enough to read black text on. */
export const SHADES: Record<Color, string> = {
  yellow: 'FFF0A0', green: 'CDEBC3', blue: 'CCE2F6', pink: 'F9D3DE', purple: 'E2D6F3', orange: 'FBDDB6',
};

export interface Run {
  text: string;
  bold: boolean;
  italic: boolean;
  /** A link to a clause, written as the export's links are. */
  link: string | null;
}

export interface NoteParagraph {
  /** A list item's marker (• or 1.), '' for a paragraph. */
  marker: string;
  /** Depth of list nesting, 0 for a paragraph. */
  depth: number;
  runs: Run[];
}

/** A note as paragraphs of runs; hard breaks stay as '\n' inside a run. */
export function noteParagraphs(note: NoteJSON, linkOf: LinkOf): NoteParagraph[] {
  const out: NoteParagraph[] = [];
  const paragraph = (node: Node, marker: string, depth: number): void => {
    const runs: Run[] = [];
    node.forEach((child) => {
      if (child.type.name === 'hard_break') runs.push({ text: '\n', bold: false, italic: false, link: null });
      else if (child.isText) {
        const has = (name: string): boolean => child.marks.some((m) => m.type.name === name);
        const link = child.marks.find((m) => m.type.name === 'clause_link');
        runs.push({ text: child.text ?? '', bold: has('strong'), italic: has('em'), link: link ? linkOf(String(link.attrs['clauseId'])) : null });
      }
    });
    out.push({ marker, depth, runs });
  };
  const block = (node: Node, marker: string, depth: number): void => {
    if (node.type.name === 'paragraph') paragraph(node, marker, depth);
    else if (node.type.name === 'bullet_list' || node.type.name === 'ordered_list') {
      const start = Number(node.attrs['order'] ?? 1);
      node.forEach((item, _o, i) => {
        const mark = node.type.name === 'bullet_list' ? '•' : `${start + i}.`;
        item.forEach((child, _p, j) => { block(child, j === 0 ? mark : '', depth + 1); });
      });
    }
  };
  noteFromJSON(note).forEach((child) => { block(child, '', 0); });
  return out;
}

/** An item with the number its heading prints, when it is a heading. */
export interface Numbered {
  item: BriefItem;
  /** （一）, （二）… for headings inside a section; '' otherwise. */
  number: string;
}

export interface NumberedSection {
  /** 一、HEADING; '' when the section has no heading. */
  heading: string;
  items: Numbered[];
}

/** Sections with their numbers: only sections with a heading count, and headings restart in each. */
export function numberedSections(brief: Brief): NumberedSection[] {
  let n = 0;
  return brief.sections.map((s) => {
    const heading = s.heading === '' ? '' : `${chineseNumber(++n)}、${s.heading}`;
    let h = 0;
    const items = s.items.map((item) => ({ item, number: item.kind === 'heading' ? `（${chineseNumber(++h)}）` : '' }));
    return { heading, items };
  });
}

export const MIME: Record<BriefFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  html: 'text/html;charset=utf-8',
  md: 'text/markdown;charset=utf-8',
};

/** A file name for the brief: its title without what file systems refuse, and the extension. */
export function fileNameOf(title: string, format: BriefFormat): string {
  const safe = title.replace(/[\\/:*?"<>|\p{Cc}]/gu, '_').replace(/\s+/g, ' ').trim().slice(0, 80) || 'brief';
  return `${safe}.${format}`;
}
