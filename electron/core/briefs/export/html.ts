// The brief as one self-contained HTML file: the preview, the HTML export and the page the PDF is
// printed from. Styles inline, no script, and a Content Security Policy that would refuse one;
// every text is escaped, and a note is written from its ProseMirror nodes through an allowlist
// (paragraphs, lists, bold, italic, clause links), never as stored markup. Laid out after
// GB/T 9704-2012: A4, margins 37/35/28/26 mm, title 二号 小标宋, headings 三号 黑体 and 楷体, body
// 三号 仿宋, page numbers "— 1 —" at the foot.

import type { Brief, BriefExcerpt, BriefItem } from '../../../../shared/api.ts';
import type { LinkOf } from '../briefs.ts';
import { citedSource, citedWork, noteParagraphs, numberedSections, SHADES, statusNote, type NoteParagraph, type Run } from './model.ts';

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** Only our own schemes and the loopback address of browser mode become links. */
const safeHref = (href: string): string | null => (/^(clauseway:\/\/|http:\/\/127\.0\.0\.1(:\d+)?\/)/.test(href) ? escape(href) : null);

// Fonts named as GB/T 9704 names them, then the ones Windows, macOS and Linux carry.
export const FONTS = {
  title: '"方正小标宋简体", "FZXiaoBiaoSong-B05S", "STZhongsong", "华文中宋", "Noto Serif CJK SC", serif',
  hei: '"黑体", "SimHei", "STHeiti", "Noto Sans CJK SC", sans-serif',
  kai: '"楷体_GB2312", "KaiTi_GB2312", "KaiTi", "楷体", "STKaiti", "Noto Serif CJK SC", serif',
  fang: '"仿宋_GB2312", "FangSong_GB2312", "FangSong", "仿宋", "STFangsong", "Noto Serif CJK SC", serif',
} as const;

// 三号 is 16 pt, 二号 22 pt; GB/T 9704 sets 22 lines of 28 characters on the type area, about
// 28.9 pt a line.
const STYLE = `
@page { size: A4; margin: 37mm 26mm 35mm 28mm;
  @bottom-center { content: "— " counter(page) " —"; font-family: "宋体", "SimSun", "Noto Serif CJK SC", serif; font-size: 14pt; } }
html { background: #fff; color: #000; }
body { margin: 0 auto; max-width: 156mm; font-family: ${FONTS.fang}; font-size: 16pt; line-height: 28.9pt; }
h1 { font-family: ${FONTS.title}; font-size: 22pt; line-height: 1.5; font-weight: normal; text-align: center; margin: 0 0 14pt; }
.subtitle { font-family: ${FONTS.kai}; text-align: center; margin: 0 0 28.9pt; }
h2 { font-family: ${FONTS.hei}; font-size: 16pt; font-weight: normal; margin: 0; text-indent: 2em; page-break-after: avoid; }
h3 { font-family: ${FONTS.kai}; font-size: 16pt; font-weight: normal; margin: 0; text-indent: 2em; page-break-after: avoid; }
p { margin: 0; text-indent: 2em; text-align: justify; }
.excerpt { margin: 0; }
.excerpt blockquote { margin: 0; }
.excerpt blockquote p { text-indent: 2em; }
.cite { font-size: 14pt; line-height: 24pt; margin: 2pt 0 8pt 2em; text-indent: 0; text-align: left; }
.cite a, .note a { color: inherit; text-decoration: none; border-bottom: 0.5pt solid #888; }
.status { font-size: 14pt; line-height: 24pt; text-indent: 0; margin: 0 0 6pt; }
.note p { font-family: ${FONTS.kai}; margin-left: 2em; text-indent: 0; }
.note .label { font-family: ${FONTS.hei}; }
.text li, .note li { margin: 0; }
mark { color: inherit; padding: 0 1pt; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
@media screen { body { padding: 24mm 0; } }
`;

function runsHTML(runs: readonly Run[]): string {
  return runs
    .map((r) => {
      let html = escape(r.text).replace(/\n/g, '<br>');
      if (r.bold) html = `<strong>${html}</strong>`;
      if (r.italic) html = `<em>${html}</em>`;
      const href = r.link === null ? null : safeHref(r.link);
      return href === null ? html : `<a href="${href}">${html}</a>`;
    })
    .join('');
}

function paragraphsHTML(paragraphs: readonly NoteParagraph[], lead = ''): string {
  return paragraphs
    .map((p, i) => {
      const indent = p.depth > 0 ? ` style="margin-left: ${2 + p.depth * 1.5}em; text-indent: -1.5em"` : '';
      const marker = p.marker === '' ? '' : `${escape(p.marker)} `;
      return `<p${indent}>${i === 0 ? lead : ''}${marker}${runsHTML(p.runs)}</p>`;
    })
    .join('\n');
}

function excerptHTML(x: BriefExcerpt, linkOf: LinkOf): string {
  const shade = x.color === null ? null : SHADES[x.color];
  const quoted = (text: string): string => (shade === null ? escape(text) : `<mark style="background: #${shade}">${escape(text)}</mark>`);
  const quote = x.quote === '' ? '' : `<blockquote>${x.quote.split('\n').map((line) => `<p>${quoted(line)}</p>`).join('\n')}</blockquote>`;
  const href = safeHref(x.link);
  const work = escape(citedWork(x.citation));
  const cite = `<p class="cite">——${href === null ? work : `<a href="${href}">${work}</a>`}${escape(citedSource(x.citation))}</p>`;
  const status = statusNote(x);
  const note = x.note === null ? '' : `<div class="note">${paragraphsHTML(noteParagraphs(x.note, linkOf), '<span class="label">批注：</span>')}</div>`;
  return `<figure class="excerpt" data-status="${x.status}">${quote}\n${cite}${status === null ? '' : `\n<p class="status">${escape(status)}</p>`}${note}</figure>`;
}

function itemHTML(item: BriefItem, number: string, linkOf: LinkOf): string {
  if (item.kind === 'heading') return `<h3>${escape(number + item.text)}</h3>`;
  if (item.kind === 'text') return `<div class="text">${paragraphsHTML(noteParagraphs(item.note, linkOf))}</div>`;
  return excerptHTML(item, linkOf);
}

export function briefHTML(brief: Brief, linkOf: LinkOf): string {
  const body = numberedSections(brief)
    .map((s) => `<section>${s.heading === '' ? '' : `<h2>${escape(s.heading)}</h2>\n`}${s.items.map((n) => itemHTML(n.item, n.number, linkOf)).join('\n')}</section>`)
    .join('\n');
  const subtitle = brief.subtitle === null ? '' : `<p class="subtitle">${escape(brief.subtitle)}</p>\n`;
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="generator" content="Clauseway">
<title>${escape(brief.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escape(brief.title)}</h1>
${subtitle}${body}
</body>
</html>
`;
}
