// A document's clause tree, built from its Chinese numbering alone. Labels nest in the fixed order
// of LABEL_KINDS (第X章 > 第X节 > 第X条 > 一、 > （一） > 1. > （1） > ①); a label is only taken as
// one when its number follows its predecessor's, so a sentence that happens to start with "三、"
// or "第五条" stays text.

import { fold } from '../../../shared/fold.ts';
import { parseNumeral } from '../../../shared/numerals.ts';
import type { ClauseKind, ResponsibleUnit } from '../../../shared/types.ts';
import type { NormalBlock } from './normalize.ts';
import { citationLabel, labelRank, matchLabel, type Label } from './labels.ts';
import { MAX_CLAUSE_TEXT } from './long-paragraphs.ts';
import { parseUnits } from './units.ts';

export interface ParsedClause {
  kind: ClauseKind;
  /** As printed; empty for unlabelled paragraphs. */
  label: string;
  citeLabel: string;
  number: number | null;
  suffix: number;
  heading: string | null;
  paragraphs: string[];
  table?: string[][];
  units: ResponsibleUnit[];
  children: ParsedClause[];
}

interface OpenClause {
  clause: ParsedClause;
  rank: number;
  /** Its responsible units were printed: what follows unlabelled is no longer part of it. */
  closed: boolean;
}

const PREFACE = /^(?:前言|序言|引言|导言)$/;
/** 本办法自…起施行 / 本政策由…负责解释: the closing provisions of the whole document. */
const CLOSING_PROVISION = /^本(?:政策|办法|措施|方案|意见|规定|通知|细则|计划|条例|规则|决定|指引|实施意见|若干措施)[^。]{0,40}(?:施行|实施|解释|有效期|废止)/;
/** 2019年2月12日, 二〇一九年二月十六日, 2019年5月27日(星期一) as a press release prints its day. */
const DATE_LINE = /^(?:[0-9０-９]{4}|[〇○零一二三四五六七八九]{4})\s*年\s*[0-9０-９一二三四五六七八九十]{1,3}\s*月\s*[0-9０-９一二三四五六七八九十]{1,3}\s*日(?:[（(]?星期[一二三四五六日天][）)]?)?$/;

function newClause(kind: ClauseKind, label?: Label): ParsedClause {
  return {
    kind,
    label: label?.printed ?? '',
    citeLabel: label ? citationLabel(label) : '',
    number: label?.number ?? null,
    suffix: label?.suffix ?? 0,
    heading: null,
    paragraphs: [],
    units: [],
    children: [],
  };
}

/**
 * A heading is a short phrase set before the body: the whole line when it has no sentence
 * punctuation (第一章 规划背景, 一、总体要求), or a first sentence without commas
 * ((一)深化服务业对外开放。争创…). A task that is one long sentence has none.
 */
function splitHeading(rest: string): string | null {
  if (!rest) return null;
  // A short line that is at most one sentence, commas allowed: 二、构建平台生态，激发市场活力. A line
  // ending in a colon is a heading when it is a few words (主要特点：), else a sentence announcing
  // a list (第一款所指的整合是指…进行下列事宜：).
  const announces = /[：:]$/.test(rest) && (rest.length > 13 || /[，,]/.test(rest));
  if (rest.length <= 40 && !/[。；;！？!?]/.test(rest.replace(/[。．.]$/, '')) && !/[）)]$/.test(rest) && !announces) return rest.replace(/[。．.：:]$/, '');
  const m = /^([^。；，,！？：:（(]{2,30})[。．]/.exec(rest);
  if (m && rest.length > m[0].length) return m[1] ?? null;
  return null;
}

/** Sentence and clause punctuation: a law prints its article headings without any. */
const ANY_PUNCT = /[。，,；;：:、！？!?（）()“”"《》]/;
/**
 * 第一条【立法目的】为了… or 第一条（目的和依据）为了… (as Shanghai and Guangzhou print their rules): a
 * heading printed in brackets at the start of the article. Parentheses holding a numeral are an
 * item's label, and a bracket with punctuation inside is a remark, not a heading.
 */
const BRACKETED = /^(?:【([^】]{1,30})】|[（(]([^（）()。，,；;：:、]{2,20})[）)](?=.))/;
const bracketedHeading = (rest: string): string | null => {
  const m = BRACKETED.exec(rest);
  const heading = (m?.[1] ?? m?.[2] ?? '').trim();
  return heading && parseNumeral(heading) === null ? heading : null;
};

/**
 * An article's heading is only what the text prints as one: 【立法目的】, or a short phrase without
 * any punctuation set before the body (第一條 標的 / 本法律旨在…, as Macau prints its laws). The
 * first sentence of an article is its text, never its heading.
 */
function articleHeading(rest: string): string | null {
  const bracketed = bracketedHeading(rest);
  if (bracketed !== null) return bracketed;
  return rest.length > 0 && rest.length <= 20 && !ANY_PUNCT.test(rest) ? rest : null;
}

/**
 * The heading a page sets in bold after an article's label (<b>第一条 立法目的</b>为了…): the bold
 * run less the label, a phrase without sentence punctuation. A bold label alone heads nothing.
 */
function boldHeading(block: NormalBlock, label: Label | null): string | null {
  if (block.boldLead === undefined) return null;
  const lead = block.boldLead.replace(/\s/g, '');
  const printed = (label?.printed ?? '').replace(/\s/g, '');
  if (!lead.startsWith(printed)) return null;
  const heading = lead.slice(printed.length).replace(/^[：:、.．]/, '').replace(/[。．.：:]$/, '');
  return heading.length > 0 && heading.length <= 30 && !/[。，,；;！？!?]/.test(heading) ? heading : null;
}

const headingOf = (kind: ClauseKind, rest: string): string | null => (kind === 'article' ? articleHeading(rest) : splitHeading(rest));

/** What a measure ends with after its text: its responsible units, in parentheses. */
const TRAILING_BRACKET = /[（(][^（()）]*[）)]$/;

/**
 * The heading is the clause's one sentence entire, full stop and all, maybe followed by its
 * responsible units: 允许…举措。（省税务局负责） is a measure of one sentence, not a heading over it.
 */
const isWholeSentence = (heading: string, text: string): boolean => {
  const sentence = text.replace(TRAILING_BRACKET, '').trimEnd();
  return /[。.；;]$/.test(sentence) && heading === sentence.slice(0, -1);
};

/**
 * Headings the text does not print are dropped. A short unpunctuated line heads an article only
 * when the article goes on after it, and only in a law that heads its articles so (most of them),
 * or over a numbered list. A few such lines over text are lines a page or a PDF cut short
 * (…主管部门负责 / 本行政区域…), not headings. Bracketed and bold headings always stand.
 */
function settleHeadings(tree: ParsedClause[], printed: ReadonlySet<ParsedClause>): void {
  const articles: ParsedClause[] = [];
  const collect = (nodes: ParsedClause[]): void => {
    for (const c of nodes) {
      if (c.kind === 'article') articles.push(c);
      // An item that is one sentence and nothing more (（四）废止。) is text, not the heading of itself.
      else if (c.heading !== null && c.paragraphs.length === 1 && c.children.length === 0 && isWholeSentence(c.heading, c.paragraphs[0] ?? '')) c.heading = null;
      collect(c.children);
    }
  };
  collect(tree);
  const phrased = articles.filter((a) => a.heading !== null && !printed.has(a) && bracketedHeading(a.paragraphs[0] ?? '') === null);
  for (const a of phrased) if (a.paragraphs.length <= 1 && a.children.length === 0) a.heading = null;
  // A heading over a numbered list (第十八条 承运人的责任 / 一、…) is no line cut short.
  const headed = phrased.filter((a) => a.heading !== null);
  const overText = headed.filter((a) => labelledOf(a).length === 0);
  if (headed.length * 2 < articles.length) for (const a of overText) a.heading = null;
}

/** Numbering set on lines of its own, unmistakable even where the sequence opens late. */
const HEADING_KINDS = new Set<ClauseKind>(['volume', 'chapter', 'section']);

/** A paragraph that announces a list: 有下列情形之一的，不予受理： */
const INTRODUCES_LIST = /[：:]$/;

function labelledOf(c: ParsedClause): ParsedClause[] {
  return c.children.filter((k) => k.label !== '');
}

/** Cuts the signature block off the end: issuer lines, then a date line. */
export function splitSignature(blocks: NormalBlock[]): { body: NormalBlock[]; signature: NormalBlock[] } {
  let end = blocks.length;
  // Portal fields after the date (a press release's 香港時間16時00分) are metadata, not text.
  const trailing = (b: NormalBlock | undefined): boolean =>
    b !== undefined && b.table === undefined && (b.fields !== undefined || /^[（(]?此件公开发布[）)]?$|^[（(]?此页无正文[）)]?$/.test(fold(b.text)));
  while (end > 0 && trailing(blocks[end - 1])) end--;
  const last = blocks[end - 1];
  if (!last || !DATE_LINE.test(last.text.replace(/\s/g, ''))) return { body: blocks, signature: [] };
  let start = end - 1;
  while (start > 0) {
    const b = blocks[start - 1];
    if (!b || b.table || b.text.length > 40 || /[。；，：:]/.test(b.text) || matchLabel(b.text)) break;
    start--;
    if (end - start > 6) break;
  }
  return { body: blocks.slice(0, start), signature: blocks.slice(start, end) };
}

export function buildTree(input: NormalBlock[]): ParsedClause[] {
  // Portal fields (发布日期：…, 索引号：…) are metadata, not text of the document.
  const blocks = input.filter((b) => !b.fields);
  const labels = blocks.map((b) => (b.table ? null : matchLabel(b.text)));
  const root = newClause('paragraph');
  const stack: OpenClause[] = [{ clause: root, rank: -1, closed: false }];
  const lastNumber = new Map<ClauseKind, number>();
  /** Articles whose heading the source set in bold: it stands whatever the other articles do. */
  const boldHeaded = new Set<ParsedClause>();
  const top = (): OpenClause => stack[stack.length - 1] ?? { clause: root, rank: -1, closed: false };

  /** Where a label of this rank would go, without changing the stack. */
  const parentIndexFor = (rank: number): number => {
    let i = stack.length - 1;
    while (i > 0 && (stack[i]?.rank ?? -1) >= rank) i--;
    return i;
  };

  const accepts = (label: Label, parent: ParsedClause): boolean => {
    const siblings = labelledOf(parent).filter((c) => c.kind === label.kind);
    const prev = siblings[siblings.length - 1];
    if (prev && prev.number !== null) {
      if (label.number === prev.number) return label.suffix > prev.suffix;
      // Tolerate one number lost in conversion, never a jump backwards. 第X条 is unmistakable enough
      // to follow over any gap a damaged file leaves.
      return label.number > prev.number && (label.number - prev.number <= 2 || label.kind === 'article');
    }
    // A first child: 1, or the continuation of a numbering that runs through the document (任务 1…48).
    const last = lastNumber.get(label.kind);
    if (label.number === 1 || (last !== undefined && label.number > last && (label.number - last <= 2 || label.kind === 'article'))) return true;
    // 第X条 followed by a space is unmistakable even when a damaged file lost the articles before it.
    if (label.kind === 'article' && last === undefined) return true;
    // A document published in parts may open at 二、 or （三）, when the next number follows; its lists
    // then continue mid-way too. So may a chapter whose predecessors a file lost (第二章, no 第一章).
    if (last !== undefined || !followedBy(label)) return false;
    if (lastNumber.size === 0) openedLate = true;
    return openedLate || HEADING_KINDS.has(label.kind);
  };

  let openedLate = false;
  let at = 0;
  /** Whether the next label of the same kind carries the next number. */
  const followedBy = (label: Label): boolean => {
    for (let j = at + 1; j < labels.length; j++) {
      const l = labels[j];
      if (l?.kind === label.kind) return l.number === label.number + 1;
    }
    return false;
  };

  /**
   * A list that starts again at 1 after a paragraph announcing it (an article's second paragraph
   * with its own （一）…（五）): the announcing paragraph leaves the last item of the first list and
   * the new list stands beside the first, instead of being swallowed as text of its last item.
   */
  const restartsList = (label: Label, parent: ParsedClause): boolean => {
    if (label.number !== 1 || !labelledOf(parent).some((c) => c.kind === label.kind)) return false;
    const open = top().clause;
    if (open === parent) return false;
    // The announcing paragraph ends the open clause's text, or follows its table (注：under a table).
    const after = open.children[open.children.length - 1];
    const announces = after?.kind === 'paragraph' && after.paragraphs.length === 1 && INTRODUCES_LIST.test(after.paragraphs[0] ?? '');
    if (after && announces) {
      open.children.pop();
      parent.children.push(after);
      return true;
    }
    const intro = open.paragraphs[open.paragraphs.length - 1];
    if (open.paragraphs.length < 2 || !intro || !INTRODUCES_LIST.test(intro)) return false;
    open.paragraphs.pop();
    parent.children.push({ ...newClause('paragraph'), paragraphs: [intro] });
    return true;
  };

  const attachParagraph = (node: ParsedClause): void => {
    // Text after a clause closed by its units, or after closing provisions, belongs to no clause.
    if (top().closed) stack.length = 1;
    top().clause.children.push(node);
  };

  for (; at < blocks.length; at++) {
    const block = blocks[at];
    if (!block) continue;
    if (block.table) {
      const t = newClause('table');
      t.table = block.table;
      t.paragraphs = [block.text];
      attachParagraph(t);
      continue;
    }
    const text = block.text;
    const label = labels[at] ?? null;
    if (label) {
      const rank = labelRank(label.kind);
      const pi = parentIndexFor(rank);
      const parent = stack[pi]?.clause ?? root;
      if (accepts(label, parent) || restartsList(label, parent)) {
        stack.length = pi + 1;
        const clause = newClause(label.kind, label);
        clause.heading = headingOf(label.kind, label.rest);
        const bold = label.kind === 'article' ? boldHeading(block, label) : null;
        if (bold !== null) {
          clause.heading = bold;
          boldHeaded.add(clause);
        }
        if (label.rest) clause.paragraphs.push(label.rest);
        parent.children.push(clause);
        lastNumber.set(label.kind, label.number);
        const units = parseUnits(label.rest);
        if (units) clause.units = units.units;
        stack.push({ clause, rank, closed: units !== null });
        continue;
      }
    }
    if (text.length <= 8 && PREFACE.test(fold(text.replace(/\s/g, '')))) {
      stack.length = 1;
      const clause = newClause('preface');
      clause.heading = text.replace(/\s/g, '');
      root.children.push(clause);
      stack.push({ clause, rank: labelRank('chapter'), closed: false });
      continue;
    }
    if (DATE_LINE.test(text.replace(/\s/g, '')) && mergeSignature(top().clause, block)) continue;
    if (text.startsWith('本') && CLOSING_PROVISION.test(fold(text.slice(0, 60)))) {
      stack.length = 1;
      root.children.push({ ...newClause('paragraph'), paragraphs: [text] });
      stack[0] = { clause: root, rank: -1, closed: true };
      continue;
    }
    const current = top();
    // A clause's text is one row of the search index, built in memory whole: past the bound, its
    // further paragraphs stand as paragraphs of their own under it (only a file of megabytes on a
    // line or two reaches it; see long-paragraphs.ts).
    const full = current.clause.paragraphs.reduce((n, p) => n + p.length + 1, text.length) > MAX_CLAUSE_TEXT;
    // Once a clause holds a table, text after it follows the table instead of joining the lines above.
    if (current.clause !== root && !current.closed && !full && current.clause.children.length === 0) {
      // Body of the open clause: a title on its own line, then its paragraphs.
      current.clause.paragraphs.push(text);
      if (current.clause.heading === null && current.clause.paragraphs.length === 1) {
        current.clause.heading = headingOf(current.clause.kind, text);
        // 第一條 / 標的 on lines of their own, the heading in bold.
        const bold = current.clause.kind === 'article' && current.clause.label !== '' ? boldHeading(block, null) : null;
        if (bold !== null && bold === current.clause.heading) boldHeaded.add(current.clause);
      }
      const units = parseUnits(text);
      if (units) {
        current.clause.units = units.units;
        current.closed = true;
      }
      continue;
    }
    attachParagraph({ ...newClause('paragraph'), paragraphs: [text] });
  }
  settleHeadings(root.children, boldHeaded);
  return root.children;
}

const isSignatureLine = (c: ParsedClause): boolean =>
  c.kind === 'paragraph' && c.paragraphs.length === 1 && (c.paragraphs[0]?.length ?? 99) <= 40 && !/[。；，：:]/.test(c.paragraphs[0] ?? '');

/** A notice signed before the text it prints: the issuer lines and the date become one signature node. */
function mergeSignature(parent: ParsedClause, dateBlock: NormalBlock): boolean {
  let start = parent.children.length;
  while (start > 0 && parent.children.length - start < 4) {
    const prev = parent.children[start - 1];
    if (!prev || !isSignatureLine(prev)) break;
    start--;
  }
  if (start === parent.children.length) return false;
  const lines = parent.children.splice(start).map((c) => c.paragraphs[0] ?? '');
  parent.children.push({ ...newClause('signature'), paragraphs: [...lines, dateBlock.text] });
  return true;
}

export function signatureClause(signature: NormalBlock[]): ParsedClause | null {
  const first = signature[0];
  if (!first) return null;
  return { ...newClause('signature'), paragraphs: signature.map((b) => b.text) };
}
