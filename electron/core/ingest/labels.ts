// The numbering labels of Chinese policy and legal texts, as printed at the start of a paragraph.
// Simplified and Traditional print the same numbering but for a few characters (第三条 / 第三條,
// 第二节 / 第二節, 第一编 / 第一編, 两 / 兩): the patterns name both forms, so that a paragraph
// need not be folded (which costs a table look-up a character) to be read.

import { CAPITAL_NUMERAL_CHARS, CHINESE_NUMERAL_CHARS, parseNumeral } from '../../../shared/numerals.ts';
import type { LabelKind } from '../../../shared/types.ts';
import { LABEL_KINDS } from '../../../shared/types.ts';

export interface Label {
  kind: LabelKind;
  /** The label as printed: 第三章, 一、, （七）, (七), 48., （1）. */
  printed: string;
  number: number;
  /** 第十条之一: an article inserted by an amendment keeps its neighbour's number. */
  suffix: number;
  /** The paragraph after the label. */
  rest: string;
}

const CN = `[${CHINESE_NUMERAL_CHARS}兩]{1,8}`;
const CAPITAL = `[${CAPITAL_NUMERAL_CHARS}零]{1,6}`;
const DIGIT = '[0-9０-９]{1,3}';
const SPACE = '[ \\t\\u00a0\\u3000]*';

/** 第五条 … but not a sentence that cites one: 第五条规定的…, 第二章第三节…, 第五条、第六条. */
const AFTER_STRUCTURAL = '(?:[ \\t\\u00a0\\u3000]+|$|(?![的第规規和及或至中所、，。]))';

interface Pattern {
  kind: LabelKind;
  re: RegExp;
}

// Order matters only where two patterns could match the same text.
const PATTERNS: Pattern[] = [
  { kind: 'volume', re: new RegExp(`^(第(${CN})[编編])${AFTER_STRUCTURAL}`) },
  { kind: 'chapter', re: new RegExp(`^(第(${CN})章)${AFTER_STRUCTURAL}`) },
  { kind: 'section', re: new RegExp(`^(第(${CN})[节節])${AFTER_STRUCTURAL}`) },
  { kind: 'article', re: new RegExp(`^(第${SPACE}(${CN}|${DIGIT})${SPACE}[条條](?:之(${CN}))?)${AFTER_STRUCTURAL}`) },
  // 壹、貳、參、 number the level above 一、 (壹、緣起 / 一、… / 貳、計畫目標): read as sections.
  { kind: 'section', re: new RegExp(`^((${CAPITAL})${SPACE}、)`) },
  { kind: 'part', re: new RegExp(`^((${CN})${SPACE}、)`) },
  { kind: 'item', re: new RegExp(`^([（(]${SPACE}(${CN})${SPACE}[）)])`) },
  // 1. 1、 1． but not 1.5亿 or a year: the number is short and followed by no digit.
  { kind: 'point', re: new RegExp(`^((${DIGIT})${SPACE}[.．、](?![0-9０-９]))`) },
  { kind: 'subpoint', re: new RegExp(`^([（(]${SPACE}(${DIGIT})${SPACE}[）)])`) },
  // ⒈ ⒉ and ⑴ ⑵: one character each, as some laws print 目 and sub-items.
  { kind: 'point', re: /^(([\u2488-\u249b]))/ },
  { kind: 'subpoint', re: /^(([\u2474-\u2487]))/ },
  { kind: 'circled', re: /^(([\u2460-\u2473]))/ },
];

/** The number of a one-character label: ① ⑴ ⒈ each start a run of twenty. */
function symbolNumber(ch: string): number | null {
  const c = ch.charCodeAt(0);
  for (const first of [0x2460, 0x2474, 0x2488]) if (c >= first && c < first + 20) return c - first + 1;
  return null;
}

/** The number a label prints: 兩 is 两, ⑴ is 1. */
function numberOf(raw: string): number | null {
  return /^[\u2460-\u249b]$/.test(raw) ? symbolNumber(raw) : parseNumeral(raw.replace(/兩/g, '两'));
}

export function matchLabel(text: string): Label | null {
  for (const { kind, re } of PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    const printed = (m[1] ?? '').trim();
    const number = numberOf(m[2] ?? '');
    if (number === null || number <= 0) continue;
    const suffix = m[3] ? (numberOf(m[3]) ?? 0) : 0;
    const rest = text.slice(m[0].length).trim();
    // "一、" alone or "（一）" alone are labels of an empty line; a lone "1." is more often noise.
    if ((kind === 'point' || kind === 'subpoint') && rest.length === 0) continue;
    return { kind, printed, number, suffix, rest };
  }
  return null;
}

export function labelRank(kind: LabelKind): number {
  return LABEL_KINDS.indexOf(kind);
}

/**
 * The label as it appears in a citation: 二（七）, 第三章 第二节, 第十条, 三 12. Parentheses become
 * full-width so that (七) and （七） cite alike.
 */
export function citationLabel(label: Label): string {
  switch (label.kind) {
    case 'part':
    case 'section':
      return label.printed.replace(/[、\s]/g, '');
    case 'item':
    case 'subpoint':
      return label.printed.replace(/\s/g, '').replace('(', '（').replace(')', '）');
    case 'point':
      return label.printed.replace(/[.．、\s]/g, '') + '.';
    default:
      return label.printed;
  }
}
