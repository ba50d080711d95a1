// Split a file's blocks into documents. A compilation (a newsletter issue, a notice with its
// attachments) holds several; each starts at a title: a line ending with the name of its kind of
// document (…的通知, …实施方案), or an attachment marker (附件2), followed by an addressee, a
// preamble or numbered text.

import { fold } from '../../../shared/fold.ts';
import { isHistoryLine, promulgatedTitle } from './history.ts';
import { matchLabel } from './labels.ts';
import { docNumberIn, isNumberTitle, isSerialLine } from './metadata.ts';
import { hasTitleEnding, type NormalBlock } from './normalize.ts';

export interface Segment {
  /** The title as printed, lines joined; null when the segment starts without one. */
  title: string | null;
  /** 附件1, when the document is printed as an attachment. */
  attachment: string | null;
  /** Blocks after the title. */
  blocks: NormalBlock[];
  line: number;
}

const ATTACHMENT = /^附件\s*([0-9０-９一二三四五六七八九十]{1,3})\s*[：:]?\s*(.*)$/;
const ADDRESSEE = /^[^。；]{2,80}[：:]$/;
/** How the body of a document opens (read folded: 為 is 为). */
const PREAMBLE = /^(?:为|根据|按照|依据|现将|经|近日|日前|当前|[^，。]{0,20}(?:印发|发布)了?|[^，。]{0,12}行使)/;
const YEAR_RANGE = /^[（(]\s*\d{4}\s*[-—–－~至]\s*\d{4}\s*年?\s*[）)]$/;
const DATE_IN_LINE = /\d{4}\s*年\s*\d{1,2}\s*月|[〇○零一二三四五六七八九]{4}年/;
const HAS_SENTENCE_PUNCT = /[。；，！？]/;
const HAN = /\p{Script=Han}/u;

function isTitleLine(text: string): boolean {
  if ((text.match(/《/g) ?? []).length !== (text.match(/》/g) ?? []).length || /^[》，、）)]/.test(text)) return false;
  // A Macau text is titled by its number: 第90/2023號行政命令.
  if (isNumberTitle(text)) return true;
  return text.length >= 6 && text.length <= 90 && hasTitleEnding(text) && !HAS_SENTENCE_PUNCT.test(text) && !matchLabel(text) && !/^[《“"]/.test(text);
}

/** A title printed over several short lines: 广州市关于推进共建粤港澳大湾区 / 国际金融枢纽的实施意见. */
function titleAt(blocks: NormalBlock[], i: number): { title: string; length: number } | null {
  let text = '';
  for (let k = 0; k < 3; k++) {
    const b = blocks[i + k];
    if (!b || b.table || b.fields || HAS_SENTENCE_PUNCT.test(b.text) || b.text.length > 90 || DATE_IN_LINE.test(b.text) || isNumberLine(b.text)) return null;
    // A decree's header (中华人民共和国国务院令 / 第493号) stands above the title, no part of it.
    if (DECREE_HEADER.test(fold(b.text.replace(/\s/g, ''))) && isSerialLine(blocks[i + k + 1]?.text ?? '')) return null;
    // The lines of one title are set alike; a label or a heading mark starts something else.
    if (k > 0 && (matchLabel(b.text) || b.heading !== blocks[i]?.heading)) return null;
    text += (k > 0 && /[A-Za-z0-9]$/.test(text) && /^[A-Za-z0-9]/.test(b.text) ? ' ' : '') + b.text;
    if (isTitleLine(b.text) || (k > 0 && isTitleLine(text))) {
      // A year range printed under the title belongs to it: …三年行动计划 /（2021-2023年）.
      const after = blocks[i + k + 1];
      if (after && YEAR_RANGE.test(after.text)) return { title: text + after.text, length: k + 2 };
      // A Macau law is titled by its number, its name on the line below: 第26/2024號法律《…》.
      if (after && isNumberTitle(text) && isNameLine(after)) return { title: `${text}《${after.text}》`, length: k + 2 };
      return { title: text, length: k + 1 };
    }
  }
  return null;
}

/** A line that is a document number alone (穗府辦〔2015〕14號, or a decree's 第493号) is no part of a title. */
function isNumberLine(text: string): boolean {
  const n = docNumberIn(text);
  return (n !== null && n.length >= text.replace(/\s/g, '').length - 2 && !isNumberTitle(text)) || isSerialLine(text);
}

/** The first line of a decree's or an announcement's header: 中华人民共和国国务院令, 国家税务总局公告. */
const DECREE_HEADER = /^[\u4e00-\u9fa5]{2,30}(?:令|公告|通告)$/;

/** A short line that names something: no sentence, no label, no history, no field. */
function isNameLine(b: NormalBlock): boolean {
  return !b.table && !b.fields && b.text.length <= 60 && !HAS_SENTENCE_PUNCT.test(b.text) && !matchLabel(b.text) && !isHistoryLine(b.text);
}

/**
 * The headline of a news or portal page, whose title ends with no kind of document
 * (昂船洲分區計劃大綱草圖獲核准): the first line, when the source sets it apart as a heading or
 * it is a short line over a longer paragraph. A headline may hold a comma or a colon, not a sentence.
 */
function headlineAt(blocks: NormalBlock[], i: number): string | null {
  const b = blocks[i];
  const next = blocks.slice(i + 1).find((n) => !n.fields);
  if (!b || b.table || b.fields || b.text.length < 4 || b.text.length > 60 || /[。；]/.test(b.text) || ADDRESSEE.test(b.text)) return null;
  if (matchLabel(b.text) || isHistoryLine(b.text) || DATE_IN_LINE.test(b.text) || /^[（(“"]/.test(b.text)) return null;
  // A headline may open with the title it reports on (《…总体发展规划》正式发布), not be that title alone;
  // and a Chinese text's headline is Chinese (a site's "Network" link is not).
  if (/^《[^》]*》.{0,1}$/.test(b.text) || (b.text.startsWith('《') && !b.text.includes('》')) || !HAN.test(b.text)) return null;
  if (!next || next.table) return b.heading ? b.text : null;
  return b.heading || (b.text.length <= 40 && next.text.length > b.text.length * 2) ? b.text : null;
}

function opensDocument(next: NormalBlock | undefined): boolean {
  if (!next) return false;
  return ADDRESSEE.test(next.text) || PREAMBLE.test(fold(next.text.slice(0, 24))) || matchLabel(next.text) !== null;
}

/** The documents named by a notice that prints them: 关于印发《X》、《Y》的通知. */
function printedDocuments(noticeTitle: string): string[] {
  const m = /印发(.+?)的通知/.exec(fold(noticeTitle));
  if (!m?.[1]) return [];
  const inner = m[1];
  const quoted = [...inner.matchAll(/《([^》]+)》/g)].map((q) => q[1] ?? '');
  if (quoted.length > 0) return quoted;
  return inner.split(/、(?=中国|关于|[^、]{6,})/).map((s) => s.trim());
}

/** For comparing titles: no spaces, one script. */
const compact = (s: string): string => fold(s.replace(/\s/g, ''));

export interface SplitOptions {
  /** Take the first line as the title of a page whose title ends with no kind of document. */
  headlines: boolean;
}

export function splitDocuments(blocks: NormalBlock[], options: SplitOptions = { headlines: true }): Segment[] {
  const segments: Segment[] = [];
  let current: Segment = { title: null, attachment: null, blocks: [], line: blocks[0]?.line ?? 1 };
  const startSegment = (title: string | null, attachment: string | null, line: number): void => {
    if (current.title !== null || current.blocks.length > 0) segments.push(current);
    current = { title, attachment, blocks: [], line };
  };

  let segmentHasLabels = false;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (!b) continue;
    const att = b.table ? null : ATTACHMENT.exec(b.text);
    if (att && b.text.length <= 90 && !HAS_SENTENCE_PUNCT.test(b.text)) {
      const rest = (att[2] ?? '').trim();
      const following = rest ? null : titleAt(blocks, i + 1);
      if (rest || following) {
        startSegment(rest || following?.title || null, `附件${att[1] ?? ''}`, b.line);
        segmentHasLabels = false;
        i += following?.length ?? 0;
        continue;
      }
    }
    // The line after 第二章 or 第三节 (bare, or with a name cut short) continues that heading.
    const prevLabel = i > 0 ? matchLabel(blocks[i - 1]?.text ?? '') : null;
    const afterHeadingLabel = prevLabel !== null && prevLabel.rest.length <= 30 && !/[。；]$/.test(prevLabel.rest);
    const t = !b.table && !afterHeadingLabel ? titleAt(blocks, i) : null;
    if (t && current.title !== null && compact(current.title).endsWith(compact(t.title))) {
      // The title printed again above the body (a cover line, then the text): not a new document.
      i += t.length - 1;
      continue;
    }
    // Once numbered text has begun, a title-like line before an article is a sub-heading of it.
    const next = t ? blocks.slice(i + t.length).find((n) => !n.fields) : undefined;
    const opens = t !== null && (opensDocument(next) && !(segmentHasLabels && matchLabel(next?.text ?? '')));
    // The file's start: nothing before but portal fields and the site's links in Latin letters.
    const atStart = segments.length === 0 && current.title === null && current.blocks.every((x) => x.fields || !HAN.test(x.text));
    if (t && (opens || atStart)) {
      startSegment(t.title, null, b.line);
      segmentHasLabels = false;
      i += t.length - 1;
      continue;
    }
    const headline = atStart && options.headlines ? headlineAt(blocks, i) : null;
    if (headline) {
      // The site's links above a Chinese headline (Network, English) are the page's, not the text's.
      current.blocks = current.blocks.filter((x) => x.fields);
      startSegment(headline, null, b.line);
      continue;
    }
    if (!segmentHasLabels && !b.table && matchLabel(b.text)) segmentHasLabels = true;
    current.blocks.push(b);
  }
  startSegment(null, null, 0);
  // A page without a printed title may still name it in its information block (标题：…).
  for (const seg of segments) seg.title ??= seg.blocks.find((x) => x.fields?.['标题'])?.fields?.['标题'] ?? null;
  return mergeSegments(segments);
}

/**
 * A few lines before the first title (a news lead) belong to that document; a notice that prints
 * a single document is one document with it, while a notice of several keeps them apart.
 */
function mergeSegments(segments: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i];
    if (!s) continue;
    const next = segments[i + 1];
    // A portal's information block counts for nothing: its fields describe the text below.
    if (s.title === null && i === 0 && next && s.blocks.filter((b) => !b.fields).length <= 3) {
      next.blocks = [...s.blocks, ...next.blocks];
      next.line = s.line;
      continue;
    }
    // The 公告 or 主席令 that publishes the next text (《X》经…通过，现予公布) is its preamble.
    if (next?.title && !next.attachment && s.blocks.length <= 12 && s.blocks.some((b) => compact(promulgatedTitle(b.text) ?? '') === compact(next.title ?? ''))) {
      const heading: NormalBlock[] = s.title ? [{ text: s.title, line: s.line, heading: true }] : [];
      next.blocks = [...heading, ...s.blocks, ...next.blocks];
      next.line = s.line;
      continue;
    }
    const prev = out[out.length - 1];
    if (prev?.title && s.title && !s.attachment) {
      const printed = printedDocuments(prev.title);
      if (printed.length === 1 && compact(printed[0] ?? '') === compact(s.title)) {
        prev.blocks.push({ text: s.title, line: s.line, heading: true }, ...s.blocks);
        continue;
      }
    }
    out.push(s);
  }
  return out;
}
