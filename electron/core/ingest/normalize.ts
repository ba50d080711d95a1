// Clean the blocks of a file: drop page furniture (navigation, footers, source lines, portal
// buttons, gazette headers); drop tables of contents; rejoin paragraphs that a page break cut in two.

import { fold } from '../../../shared/fold.ts';
import type { Block } from './blocks.ts';
import { RELATED_LIST, fieldsText, furnitureRule, portalFields } from './furniture.ts';
import { endsWithAct } from './history.ts';
import { matchLabel } from './labels.ts';

export interface NormalBlock extends Block {
  /** A page footer or other noise stood between this block and the one before. */
  afterBreak?: boolean;
  /**
   * The fields of a portal's information block (发布日期：…, 文号：…): metadata, not text. Its text
   * is then only the fields that describe the document.
   */
  fields?: Record<string, string>;
}

const TOC_HEAD = /^(?:目\s*录|CONTENTS|目\s*录\s*CONTENTS)$/i;

/** Characters after which a paragraph is complete. */
const CLOSING = /[。！？；：!?;:…）)」』”"】〕》\]]$/;
/**
 * A title ends with the name of its kind of document, maybe followed by a year range, a number or
 * a version in brackets. Read on the folded text: 規劃綱要 and 规划纲要 end alike.
 */
const TITLE_END = /(?:通知|通告|公告|意见|措施|方案|办法|规定|规则|细则|纲要|规划|计划|条例|决定|决议|指引|指南|批[复覆]|报告|协议|法|法律|法令|简报|解释|守则|章程|标准|修正案|公约|安排|备忘录|预案)(?:[（(][^（()）]{1,30}[）)])?$/;

/** Whether a line ends like the title of a document (Simplified or Traditional). */
export function hasTitleEnding(text: string): boolean {
  return TITLE_END.test(fold(text.slice(-48)));
}

function isNoise(text: string): boolean {
  return furnitureRule(text) !== null;
}

/** A portal sets its date, source and buttons as list items: • 2015-03-31, • 来源: 本网, • 分享到. */
const stripBullet = (text: string): string => text.replace(/^[•·▪●○◆■]\s*/, '');

const compact = (s: string): string => s.replace(/[\s*#]/g, '');

/**
 * Removes a table of contents: the heading 目录 and the short entries after it, up to the first
 * entry printed again (the body starts) or the first real paragraph.
 */
function dropTableOfContents(blocks: NormalBlock[]): NormalBlock[] {
  const out: NormalBlock[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (!b) continue;
    if (b.text.length > 20 || !TOC_HEAD.test(fold(compact(b.text)))) {
      out.push(b);
      continue;
    }
    const entries = new Set<string>();
    let j = i + 1;
    for (; j < blocks.length; j++) {
      const e = blocks[j];
      if (!e) break;
      const key = fold(compact(e.text));
      if (entries.has(key)) break; // the body repeats the first entries
      if (e.table || e.text.length > 60 || /[。；]$/.test(e.text)) break;
      entries.add(key);
    }
    // A 目录 heading followed by no entries is just a word; keep going as if nothing happened.
    if (entries.size < 2) {
      out.push(b);
      continue;
    }
    i = j - 1;
  }
  return out;
}

/** A news page often quotes its lead above the article, which then prints it again. */
function dropRepeatedLead(blocks: NormalBlock[]): NormalBlock[] {
  return blocks.filter((b, i) => {
    if (!b.quote) return true;
    const next = blocks[i + 1];
    if (!next) return true;
    const probe = compact(b.text).slice(0, 30);
    return !(probe.length >= 10 && compact(next.text).startsWith(probe));
  });
}

/** A short field, its name and a colon, then its value: 会议时间：2019年3月4日 10:00 - 12:00. */
const FIELD_LINE = /^[\p{Script=Han}]{2,6}[：:][^。；;]{1,40}$/u;

function looksLikeTitle(text: string): boolean {
  return text.length <= 80 && hasTitleEnding(text) && !/[。；，]/.test(text);
}

/**
 * Whether `next` continues `prev`, cut by a page break: `prev` ends mid-sentence and `next` starts
 * no new numbered clause. A short line without closing punctuation is a heading, not a cut.
 */
function continues(prev: NormalBlock, next: NormalBlock): boolean {
  if (prev.table || next.table || next.heading || prev.heading || prev.fields || next.fields) return false;
  if (CLOSING.test(prev.text)) return false;
  if (matchLabel(next.text) || isNoise(next.text) || looksLikeTitle(prev.text) || looksLikeTitle(next.text)) return false;
  if (/^(?:附件|附表)\s*\d*/.test(next.text)) return false;
  // 会议时间：2019年3月4日 / 会议地点：… are fields set on lines of their own, each complete.
  if (FIELD_LINE.test(prev.text) || FIELD_LINE.test(next.text)) return false;
  // 2019年7月25日…会议通过 ends without a full stop and is complete.
  if (endsWithAct(prev.text)) return false;
  // A page break leaves a trace (the footer we dropped); without it, demand a long line.
  const minLength = next.afterBreak ? 20 : 30;
  return prev.text.length >= minLength;
}

/** A portal's label set alone on its line, its value on the next: 刊登日期: / 2023.12.15. */
const LABEL_ALONE = /^[\p{Script=Han}]{2,6}\s*[:：]$/u;

/**
 * Joins each label set alone to its value below it, and drops a gazette page's lists of related
 * laws and categories (相關法規 : then • items), which are the page's, not the text's.
 */
function joinLabels(input: Block[]): Block[] {
  const out: Block[] = [];
  let inList = false;
  for (let i = 0; i < input.length; i++) {
    const b = input[i];
    if (!b) continue;
    const text = stripBullet(b.text).trim();
    if (RELATED_LIST.test(fold(text))) {
      inList = true;
      continue;
    }
    if (inList && /^[•·▪●]/.test(b.text.trim())) continue;
    inList = false;
    const next = input[i + 1];
    if (!b.table && next && !next.table && LABEL_ALONE.test(text) && next.text.length <= 40 && !/[。；]/.test(next.text)) {
      const joined = `${text}${next.text.trim()}`;
      if (portalFields(joined)) {
        out.push({ ...b, text: joined });
        i++;
        continue;
      }
    }
    out.push(b);
  }
  return out;
}

export function normalize(input: Block[]): NormalBlock[] {
  const kept: NormalBlock[] = [];
  let sawNoise = false;
  for (const b of joinLabels(input)) {
    // A portal's information block, as lines or as a table of label and value cells.
    const fields = portalFields(b.table ? b.table.map((r) => r.join(' ')).join(' ') : stripBullet(b.text));
    if (fields) {
      kept.push({ ...b, text: fieldsText(fields), fields });
      continue;
    }
    if (!b.table && isNoise(stripBullet(b.text))) {
      sawNoise = true;
      continue;
    }
    const nb: NormalBlock = { ...b };
    if (sawNoise) nb.afterBreak = true;
    sawNoise = false;
    kept.push(nb);
  }
  const blocks = dropRepeatedLead(dropTableOfContents(kept));
  const out: NormalBlock[] = [];
  for (const b of blocks) {
    const prev = out[out.length - 1];
    if (prev && continues(prev, b)) {
      out[out.length - 1] = { ...prev, text: prev.text + b.text };
    } else {
      out.push(b);
    }
  }
  return out;
}
