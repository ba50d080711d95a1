// The brief as a Word file laid out after GB/T 9704-2012 (党政机关公文格式): A4, margins top 37 mm,
// bottom 35 mm, left 28 mm, right 26 mm; title 方正小标宋简体 二号 centred; 一、 headings 黑体 三号;
// （一） headings 楷体_GB2312 三号; body 仿宋_GB2312 三号, 22 lines a page; page numbers "— 1 —"
// centred in the footer. Each font is named in w:rFonts (eastAsia) and, in the font table, with
// the fonts a machine without it should use instead (w:altName), so that Word on a computer with
// no GB2312 fonts still sets 仿宋, 楷体 and 黑体 rather than a default.

import {
  AlignmentType, Document, ExternalHyperlink, Footer, LineRuleType, Packer, PageNumber, Paragraph, ShadingType, TextRun,
  type IRunOptions, type ParagraphChild,
} from 'docx';
import type { Brief, BriefExcerpt, BriefItem } from '../../../../shared/api.ts';
import type { LinkOf } from '../briefs.ts';
import { citedSource, citedWork, noteParagraphs, numberedSections, SHADES, statusNote, type NoteParagraph, type Run } from './model.ts';

const mm = (n: number): number => Math.round((n / 25.4) * 1440);
/** Font sizes in half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt. */
const ERHAO = 44;
const SANHAO = 32;
const SIHAO = 28;
/** 22 lines on the 225 mm type area: 28.9 pt, in twentieths of a point. */
const LINE = 578;
/** Two characters of 三号: the first-line indent of a paragraph. */
const TWO_CHARS = 640;

/** The fonts, each with its fallbacks in the order a machine should try them. */
export const DOCX_FONTS = {
  title: ['方正小标宋简体', 'FZXiaoBiaoSong-B05S', 'STZhongsong', 'Noto Serif CJK SC'],
  hei: ['黑体', 'SimHei', 'STHeiti', 'Noto Sans CJK SC'],
  kai: ['楷体_GB2312', 'KaiTi', 'STKaiti', 'Noto Serif CJK SC'],
  fang: ['仿宋_GB2312', 'FangSong', 'STFangsong', 'Noto Serif CJK SC'],
  song: ['宋体', 'SimSun', 'STSong', 'Noto Serif CJK SC'],
} as const;
type Face = keyof typeof DOCX_FONTS;

const font = (face: Face): IRunOptions['font'] => ({ ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: DOCX_FONTS[face][0], hint: 'eastAsia' });

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The font table: each GB/T face with its fallbacks as w:altName, and the Latin face. */
function fontTable(): string {
  const entry = (name: string, alt: readonly string[], family: 'roman' | 'swiss' | 'modern'): string =>
    `<w:font w:name="${escapeXml(name)}">${alt.length > 0 ? `<w:altName w:val="${escapeXml(alt.join(','))}"/>` : ''}<w:charset w:val="86"/><w:family w:val="${family}"/><w:pitch w:val="variable"/></w:font>`;
  const faces = Object.entries(DOCX_FONTS).map(([face, [name, ...alt]]) => entry(name, alt, face === 'hei' ? 'swiss' : 'roman'));
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${faces.join('')}<w:font w:name="Times New Roman"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font></w:fonts>`;
}

interface RunStyle {
  face: Face;
  size?: number;
  shade?: string | null;
}

function textRuns(text: string, style: RunStyle, extra: Partial<IRunOptions> = {}): TextRun[] {
  const lines = text.split('\n');
  return lines.map((line, i) => new TextRun({
    text: line,
    break: i > 0 ? 1 : undefined,
    font: font(style.face),
    size: style.size ?? SANHAO,
    ...(style.shade ? { shading: { type: ShadingType.CLEAR, fill: style.shade, color: 'auto' } } : {}),
    ...extra,
  }));
}

function runsOf(runs: readonly Run[], style: RunStyle): ParagraphChild[] {
  return runs.flatMap((r): ParagraphChild[] => {
    const children = textRuns(r.text, style, { bold: r.bold, italics: r.italic, ...(r.link ? { color: '1F3A93', underline: {} } : {}) });
    return r.link ? [new ExternalHyperlink({ link: r.link, children })] : children;
  });
}

const body = (children: ParagraphChild[], options: { indentFirst?: boolean; left?: number; align?: 'center'; after?: number } = {}): Paragraph =>
  new Paragraph({
    children,
    alignment: options.align === 'center' ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
    spacing: { line: LINE, lineRule: LineRuleType.EXACT, after: options.after ?? 0 },
    indent: { firstLine: options.indentFirst === false ? 0 : TWO_CHARS, left: options.left ?? 0 },
  });

function notes(paragraphs: readonly NoteParagraph[], face: Face, left: number, lead: string | null): Paragraph[] {
  return paragraphs.map((p, i) => {
    const marker = p.marker === '' ? [] : textRuns(`${p.marker} `, { face });
    const label = i === 0 && lead !== null ? textRuns(lead, { face: 'hei' }) : [];
    return body([...label, ...marker, ...runsOf(p.runs, { face })], { indentFirst: left === 0 && p.depth === 0, left: left + p.depth * TWO_CHARS });
  });
}

function excerpt(x: BriefExcerpt, linkOf: LinkOf): Paragraph[] {
  const shade = x.color === null ? null : SHADES[x.color];
  const out = x.quote === '' ? [] : x.quote.split('\n').map((line) => body(textRuns(line, { face: 'fang', shade })));
  const work = textRuns(citedWork(x.citation), { face: 'fang', size: SIHAO }, { color: '1F3A93' });
  const cite: ParagraphChild[] = [
    ...textRuns('——', { face: 'fang', size: SIHAO }),
    ...(x.link === '' ? work : [new ExternalHyperlink({ link: x.link, children: work })]),
    ...textRuns(citedSource(x.citation), { face: 'fang', size: SIHAO }),
  ];
  // Left, under the quote, indented: a long citation that wraps stays readable.
  out.push(new Paragraph({ children: cite, spacing: { line: 480, lineRule: LineRuleType.EXACT, before: 40, after: 160 }, indent: { left: TWO_CHARS } }));
  const status = statusNote(x);
  if (status !== null) out.push(body(textRuns(status, { face: 'kai', size: SIHAO }), { indentFirst: false, after: 120 }));
  if (x.note !== null) out.push(...notes(noteParagraphs(x.note, linkOf), 'kai', TWO_CHARS, '批注：'));
  return out;
}

function item(x: BriefItem, number: string, linkOf: LinkOf): Paragraph[] {
  if (x.kind === 'heading') return [new Paragraph({ ...headingLayout(), children: textRuns(number + x.text, { face: 'kai' }) })];
  if (x.kind === 'text') return notes(noteParagraphs(x.note, linkOf), 'fang', 0, null);
  return excerpt(x, linkOf);
}

const headingLayout = (): { spacing: { line: number; lineRule: typeof LineRuleType.EXACT }; indent: { firstLine: number }; keepNext: boolean } => ({
  spacing: { line: LINE, lineRule: LineRuleType.EXACT },
  indent: { firstLine: TWO_CHARS },
  keepNext: true,
});

export async function briefDocx(brief: Brief, linkOf: LinkOf): Promise<Uint8Array> {
  const children: Paragraph[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: 720, lineRule: LineRuleType.AT_LEAST, after: brief.subtitle === null ? LINE : 0 }, children: textRuns(brief.title, { face: 'title', size: ERHAO }) }),
  ];
  if (brief.subtitle !== null) children.push(body(textRuns(brief.subtitle, { face: 'kai' }), { indentFirst: false, align: 'center', after: LINE }));
  for (const s of numberedSections(brief)) {
    if (s.heading !== '') children.push(new Paragraph({ ...headingLayout(), children: textRuns(s.heading, { face: 'hei' }) }));
    for (const n of s.items) children.push(...item(n.item, n.number, linkOf));
  }
  const pageNumber = new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: font('song'), size: SIHAO })],
  });
  const doc = new Document({
    creator: 'Clauseway',
    title: brief.title,
    styles: { default: { document: { run: { font: font('fang'), size: SANHAO } } } },
    sections: [{
      properties: {
        page: {
          size: { width: 11906, height: 16838 },
          margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), header: mm(15), footer: mm(23) },
        },
      },
      footers: { default: new Footer({ children: [pageNumber] }) },
      children,
    }],
  });
  return Packer.toBuffer(doc, false, [{ path: 'word/fontTable.xml', data: fontTable() }]);
}
