// How long a document says it is in force, read only where the text states its own validity:
//   本政策自发布之日起施行，有效期至2021年12月31日。   (a day)
//   本办法自印发之日起施行，有效期3年。                 (years, counted from when it takes effect)
//   本规定自2019年1月1日起施行，至2021年12月31日止。    本规定试行二年。
// A law or regulation states none: the 有效期 its articles speak of belongs to licences and
// certificates (许可证有效期为五年, 注册商标的有效期为十年), never to the text. So a sentence
// counts only when the document names itself as its subject (本办法, 本实施细则, 此通知) and says
// nothing between that and its validity but when it takes effect; a sentence with no subject
// (有效期至…) counts only among the closing paragraphs, where such a line stands on its own.

import { fold } from '../../../shared/fold.ts';
import { parseNumeral } from '../../../shared/numerals.ts';
import { isoDate } from './dates.ts';

const NUM = '[0-9一二三四五六七八九十〇○零]';
const DATE = `(?:\\d{4}|[〇○零一二三四五六七八九]{4})\\s*年\\s*${NUM}{1,3}\\s*月\\s*${NUM}{1,3}\\s*日`;
/** The document naming itself: 本办法, 本实施细则, 本若干措施, 此通知 (read folded: 本辦法 too). */
const SELF = '(?:本|此)[\\u4e00-\\u9fa5]{0,8}?(?:办法|规定|细则|措施|方案|意见|通知|决定|规则|政策|计划|条例|指引|指南|制度|文件|通告|公告|清单|目录|法)';
/** When it takes effect, the only thing allowed between the subject and its validity. */
const TAKES_EFFECT = '(?:(?:自|从|于)[^，,。；;]{1,30}?(?:施行|实施|执行|生效|试行)[，,]?)?';
const TERM_WORD = '(?:有效期限?|试行期限?|实施期限?|执行期限?)';
/** 有效期至DATE, 有效期自DATE起至DATE止, 至DATE止 (after 施行), 有效期为N年, 试行N年. */
const TERM =
  `(?:${TERM_WORD}(?:为|是)?(?:自${DATE}起?)?(?:至|到|截至|截止)(${DATE})` +
  `|(?:至|到)(${DATE})止` +
  `|(?:${TERM_WORD}(?:为|是)?|试行)([0-9一二三四五六七八九十两]{1,3})年)`;

const OWN = new RegExp(`^${SELF}${TAKES_EFFECT}(?:的)?${TERM}`);
const SUBJECTLESS = new RegExp(`^${TAKES_EFFECT}${TERM}`);
/** The date a 自…起施行 clause names, when it names one. */
const FROM = new RegExp(`^(?:${SELF})?(?:自|从|于)(${DATE})`);
/** 自发布之日起30日后施行: it takes effect that many days after its date. */
const DAYS_AFTER = /^[^，,]*?之日起([0-9一二三四五六七八九十]{1,3})日后(?:施行|实施|执行|生效)/;
/** A label before the sentence: 第三十条, 十、, （五）, 5. */
const LABEL = /^(?:第[0-9一二三四五六七八九十百零〇]{1,8}条|[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）]|\d{1,3}[.、．])/;
/** How many of the last paragraphs may hold a validity line with no subject. */
const CLOSING_PARAGRAPHS = 8;

/** `start` plus `years` years and `days` days: 有效期3年 from 2019-02-16 runs to 2022-02-15 (-1 day). */
function addTime(start: string, years: number, days: number): string {
  const d = new Date(`${start}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const isDay = (s: string | null): s is string => s !== null && /^\d{4}-\d{2}-\d{2}$/.test(s);

/** The validity one sentence states, or undefined when it states none. */
function stated(sentence: string, closing: boolean, date: string | null, effective: string | null): string | null | undefined {
  const m = OWN.exec(sentence) ?? (closing ? SUBJECTLESS.exec(sentence) : null);
  if (!m) return undefined;
  const until = m[1] ?? m[2];
  if (until) return isoDate(until);
  const years = parseNumeral(m[3] ?? '');
  // Counted from the day it takes effect: printed in the sentence (a day, or days after its date),
  // else known, else its date.
  const from = FROM.exec(sentence)?.[1];
  const after = parseNumeral(DAYS_AFTER.exec(sentence)?.[1] ?? '');
  const start = from ? isoDate(from) : after !== null ? date : (effective ?? date);
  return years && isDay(start) ? addTime(start, years, (after ?? 0) - 1) : null;
}

/**
 * The last day a document is valid, as it states it (see above); null when it states none, or
 * states years with no date to count them from. `date` is the document's date, `effective` the
 * day it takes effect.
 */
export function validityOf(text: string, date: string | null, effective: string | null = null): string | null {
  const paragraphs = fold(text).split('\n');
  const firstClosing = paragraphs.length - CLOSING_PARAGRAPHS;
  for (let p = paragraphs.length - 1; p >= 0; p--) {
    for (const raw of (paragraphs[p] ?? '').split(/[。；;！？]/)) {
      const sentence = raw.replace(/\s/g, '').replace(LABEL, '');
      if (!/有效期|试行|至|到/.test(sentence)) continue;
      const found = stated(sentence, p >= firstClosing, date, effective);
      if (found !== undefined) return found;
    }
  }
  return null;
}
