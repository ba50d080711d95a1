// Imported files that try to run a script: every way an HTML page can carry one (inline <script>,
// event handlers on <img> and <svg>, javascript: and data: links, <iframe srcdoc>, a refresh to a
// javascript: URL, CSS expressions and url(javascript:)), text that prints markup (&lt;script&gt;…)
// and a Word file whose text is markup. Each one's payload would set `window.__pwned` and call
// alert(): the import spec reads both, and the page's CSP violations, after showing each document.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { docxOf } from '../helpers/docx.ts';
import { SEEDS } from '../helpers/library.ts';

/** What a payload does when it runs: the sentinel the spec reads, and a dialog it traps. */
const RUN = (what: string): string => `window.__pwned='${what}';alert('${what}')`;
/** Markup printed as text: the reader must show these characters, never make elements of them. */
export const PRINTED_MARKUP = `<img src=x onerror="${RUN('printed')}">`;

/**
 * A green-finance measure of seed 001 (its label made the files' second), so that each file links to
 * the seed's clause and to the others; it ends in printed markup, which the links panel shows too.
 */
const MEASURE = (readFileSync(join(SEEDS, '001_551b2c05a62b80d5.txt'), 'utf8').split('\n').find((l) => l.startsWith('(十二)')) ?? '').replace('(十二)', '（二）');

export interface Hostile {
  file: string;
  title: string;
}

const escape = (s: string): string => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

const PAYLOADS: readonly { what: string; head?: string; body: string }[] = [
  { what: 'script', body: `<script>${RUN('script')}</script><script src="data:text/javascript,${RUN('script-src')}"></script>` },
  { what: 'img-onerror', body: `<img src="missing.png" onerror="${RUN('img')}"><img src=x onload="${RUN('img-load')}">` },
  { what: 'svg-onload', body: `<svg onload="${RUN('svg')}"><script>${RUN('svg-script')}</script><text>矢量</text></svg>` },
  { what: 'links', body: `<a href="javascript:${RUN('javascript-link')}">点此查看</a>和<a href="data:text/html,<script>${RUN('data-link')}</script>">附件</a><form action="javascript:${RUN('form')}"><button>提交</button></form>` },
  { what: 'iframe', body: `<iframe srcdoc="<script>parent.${RUN('iframe')}</script>"></iframe><object data="javascript:${RUN('object')}"></object><embed src="javascript:${RUN('embed')}">` },
  { what: 'meta-refresh', head: `<meta http-equiv="refresh" content="0;url=javascript:${RUN('refresh')}"><base href="javascript:${RUN('base')}//">`, body: '<noscript><p>请启用脚本</p></noscript>' },
  { what: 'style', head: `<style>body{background:url("javascript:${RUN('css-url')}");width:expression(${RUN('expression')})}</style>`, body: `<p style="background-image:url(javascript:${RUN('style-attr')});behavior:url(x.htc)" onmouseover="${RUN('mouseover')}">样式</p>` },
];

function page(n: number, title: string, payload: (typeof PAYLOADS)[number]): string {
  return `<!DOCTYPE html>\n<html><head><meta charset="utf-8">${payload.head ?? ''}<title>${title}</title></head>
<body onload="${RUN('body-onload')}">\n<h1>${title}</h1>
<p>一、样本说明</p>
<p>（一）本样本第${n}份（${payload.what}）。${payload.body}以下文字照原样印出标记：${escape(PRINTED_MARKUP)}。</p>
<p>${MEASURE}${escape(PRINTED_MARKUP)}</p>\n</body></html>\n`;
}

/** Writes the hostile files into `dir` (created) and answers them with the titles they must get. */
export async function writeHostileFiles(dir: string): Promise<Hostile[]> {
  mkdirSync(dir, { recursive: true });
  const files = PAYLOADS.map((p, i): Hostile => {
    const title = `关于恶意标记样本第${i + 1}份的通知`;
    writeFileSync(join(dir, `hostile-${p.what}.html`), page(i + 1, title, p));
    return { file: `hostile-${p.what}.html`, title };
  });
  const title = `关于恶意标记样本第${PAYLOADS.length + 1}份的通知`;
  writeFileSync(join(dir, 'hostile-word.docx'), await docxOf([title, '一、样本说明', `（一）本样本为Word文件，其文字是标记：<script>${RUN('docx-script')}</script>${PRINTED_MARKUP}。`, `${MEASURE}${PRINTED_MARKUP}`]));
  return [...files, { file: 'hostile-word.docx', title }];
}
