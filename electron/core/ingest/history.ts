// The history lines printed under the title of a law or regulation:
//   2023年1月9日 广东省第十三届人民代表大会常务委员会第四十八次会议通过
//   （1999年4月29日第九届全国人民代表大会常务委员会第九次会议通过　根据2009年8月27日…决定修正）
//   2001年12月11日中华人民共和国国务院令第334号公布　自2002年1月1日起施行
// They say who adopted the text (the issuer), when each version was made and when it takes effect.
// Read on the folded line, so the Traditional 會議通過 reads as 会议通过; names are kept as printed.

import { fold } from '../../../shared/fold.ts';
import { isoDate } from './dates.ts';
import type { HistoryEvent, HistoryKind } from '../../../shared/types.ts';

export type { HistoryEvent, HistoryKind };

export interface History {
  events: HistoryEvent[];
  /** Who made the text: the first body to act on it (adopt, revise, promulgate). */
  issuer: string | null;
  /** The date of this version: its latest adoption, approval, amendment or revision. */
  date: string | null;
  /** When it takes effect (自…起施行), when printed. */
  effective: string | null;
}

const NUM = '[0-9一二三四五六七八九十百千零〇○]';
const DATE = `(?:\\d{4}|[〇○零一二三四五六七八九]{4})\\s*年\\s*${NUM}{1,3}\\s*月\\s*${NUM}{1,3}\\s*日`;
const DATE_RE = new RegExp(DATE, 'g');
/** 自2002年1月1日起施行: the effective date printed after the act. */
const FROM_DATE = new RegExp(`自\\s*(${DATE})\\s*起\\s*施行`);
const EVENT_WORD = /(?:通过|批准|修正|修订|公布|发布|施行)/;
/** A history line is short and holds a date and what happened on it. */
const MAX_LINE = 400;

const KINDS: [RegExp, HistoryKind][] = [
  [/施行[）)]?$/, 'effective'],
  [/修订(?:通过)?[）)]?$/, 'revised'],
  [/修正[）)]?$/, 'amended'],
  [/批准(?:的?(?:第.次)?修正)?[）)]?$/, 'approved'],
  [/通过[）)]?$/, 'adopted'],
  [/(?:公布|发布)[）)]?$/, 'promulgated'],
];

/** Where the acting body's name ends: before its meeting (第十次会议, 第20次室务会议), decree or notice. */
const BODY_END = new RegExp(
  `^(.+?)(?:第?${NUM}+次[\\u4e00-\\u9fa5]{0,3}会议|常务会议|(?:令|公告)\\s*第|第\\s*\\d+\\s*号令|公告|令|(?:批准|通过|公布|发布|修订|修正)+[）)]?$)`,
);
/** The term of a congress, 第十三届 or 十三届, is no part of its name. */
const TERM = new RegExp(`第?\\s*${NUM}+\\s*[届屆]`, 'g');

/** Cuts the printed body out of the original line by the offsets found on the folded one. */
function bodyOf(original: string, folded: string): string | null {
  const lead = /^[\s　,，、]*(?:根据|经|由)?/.exec(folded)?.[0].length ?? 0;
  const m = BODY_END.exec(folded.slice(lead));
  if (!m?.[1]) return null;
  let name = original.slice(lead, lead + m[1].length).replace(TERM, '').replace(/\s+/g, '').replace(/\d{4}年$/, '');
  const f = fold(name);
  // The court's and procuratorate's committees act for the institution itself.
  const committee = /(?:审判委员会|检察委员会)$/.exec(f);
  if (committee) name = name.slice(0, name.length - committee[0].length);
  if (/(?:决定|《|》)/.test(f) || name.length < 2 || name.length > 40) return null;
  return name;
}

/** One act may be several events: a joint adoption by two bodies on two dates. */
interface Act {
  events: HistoryEvent[];
}

/** The acts of one line: each date opens an event that runs to the next date. */
function actsOf(line: string): Act[] {
  const folded = fold(line);
  const starts = [...folded.matchAll(DATE_RE)].map((m) => ({ at: m.index, length: m[0].length }));
  const acts: Act[] = [];
  let pending: { date: string; body: string | null }[] = [];
  starts.forEach((s, k) => {
    const end = starts[k + 1]?.at ?? folded.length;
    const date = isoDate(folded.slice(s.at, s.at + s.length));
    // "根据" before the next date belongs to the next event, and so does the comma before it
    // (…会议通过，根据2020年…修正).
    const from = s.at + s.length;
    const text = folded.slice(from, end).replace(/[\s　]*[,，;；]?[\s　]*(?:根据|并经|经)?[\s　]*$/, '');
    // Two bodies meeting on one day: 最高人民法院审判委员会第N次会议、最高人民检察院…会议通过.
    const bodies: (string | null)[] = [];
    let at = 0;
    for (const piece of text.split(/(?<=会议)、/)) {
      if (piece.trim() || bodies.length === 0) bodies.push(bodyOf(line.slice(from + at, from + at + piece.length), piece));
      at += piece.length + 1;
    }
    const kind = KINDS.find(([re]) => re.test(text))?.[1];
    if (!date) return;
    if (!kind) {
      // 最高人民法院审判委员会第N次会议、N年N月N日最高人民检察院…会议通过: one joint act.
      if (/[、和及与]$/.test(text)) pending.push(...bodies.map((body) => ({ date, body })));
      return;
    }
    acts.push({ events: [...pending, ...bodies.map((body) => ({ date, body }))].map((e) => ({ kind, ...e })) });
    pending = [];
  });
  const from = FROM_DATE.exec(folded);
  const fromDate = from?.[1] ? isoDate(from[1]) : null;
  if (fromDate && !acts.some((a) => a.events.some((e) => e.kind === 'effective'))) acts.push({ events: [{ kind: 'effective', date: fromDate, body: null }] });
  return acts;
}

/** Whether a line is a history line: a date, an act, nothing else (no sentence of a text). */
export function isHistoryLine(text: string): boolean {
  if (text.length > MAX_LINE || !/^[(（]?\s*(?:根[据據]\s*)?(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年/.test(text)) return false;
  const folded = fold(text).trim();
  // One line of acts, not a sentence: no full stop inside, no comma but before 自…起施行 or
  // before the next act (…通过，根据…修正).
  if (!EVENT_WORD.test(folded) || /[。；，,]/.test(folded.replace(/[。；]$/, '').replace(/[，,]\s*(?=自|根据)/g, ''))) return false;
  return actsOf(text).length > 0;
}

/**
 * The sentence of a promulgation notice (公告) or decree (主席令) that publishes a text:
 * 《…条例》经深圳市第六届人民代表大会常务委员会第四十四次会议于2020年8月26日修订通过，现予公布，
 * 自2020年10月1日起施行。 It names the text, the body, the date and the kind of act.
 */
const PROMULGATION = new RegExp(
  `《([^》]{2,80})》\\s*(?:已\\s*)?(?:经|由)(.{2,60}?)(?:于\\s*)?(${DATE})\\s*(修订|修正)?\\s*(?:通过|批准)[^。]{0,6}(?:现予|予以)(?:公布|发布)`,
);

/** The name of the text a promulgation sentence publishes, or null. */
export function promulgatedTitle(text: string): string | null {
  if (text.length > MAX_LINE || !text.includes('《') || !/[公发發][布佈]/.test(text)) return null;
  const m = PROMULGATION.exec(fold(text));
  return m?.[1] ? text.slice(m.index + 1, m.index + 1 + m[1].length) : null;
}

function promulgationActs(line: string): Act[] {
  if (line.length > MAX_LINE || !line.includes('《') || !/[公发發][布佈]/.test(line)) return [];
  const folded = fold(line);
  const m = PROMULGATION.exec(folded);
  const date = m?.[3] ? isoDate(m[3]) : null;
  if (!m?.[2] || !date) return [];
  const at = m.index + m[0].indexOf(m[2], m[1]?.length ?? 0);
  const kind: HistoryKind = m[4] === '修订' ? 'revised' : m[4] === '修正' ? 'amended' : 'adopted';
  const acts: Act[] = [{ events: [{ kind, date, body: bodyOf(line.slice(at, at + m[2].length), m[2]) }] }];
  const from = FROM_DATE.exec(folded);
  const effective = from?.[1] ? isoDate(from[1]) : null;
  if (effective) acts.push({ events: [{ kind: 'effective', date: effective, body: null }] });
  return acts;
}

/** A history line whose last act is complete: what follows it is not its continuation. */
export function endsWithAct(text: string): boolean {
  return isHistoryLine(text) && /(?:通过|批准|修正|修订|公布|发布|施行)[）)]?$/.test(fold(text.trim()));
}

/** 立法會根據《澳門特別行政區基本法》第七十一條（一）項，制定本法律。: the body that enacts the text. */
const ENACTING = /^(.{2,16}?)(?:根据|依据|依照)《[^》]{2,40}》.{0,40}?(?:制定|订定|颁布)本(?:法律|行政法规|法规|条例|规章|办法|规定)/;

function enactingBody(lines: string[]): string | null {
  for (const line of lines) {
    const m = ENACTING.exec(fold(line.slice(0, 100)));
    if (m?.[1] && !/[，。；]/.test(m[1])) return line.slice(0, m[1].length);
  }
  return null;
}

/** Reads the history lines among the first lines of a document. */
export function historyOf(lines: string[]): History {
  const acts = lines.flatMap((l) => (isHistoryLine(l) ? actsOf(l) : promulgationActs(l)));
  const events = acts.flatMap((a) => a.events);
  // The first body to act made the text (a city congress adopts, the province approves after it);
  // a joint act names every body: 最高人民法院、最高人民检察院.
  const first = acts.find((a) => a.events.some((e) => e.kind !== 'effective' && e.body));
  let issuer = first ? [...new Set(first.events.flatMap((e) => (e.body ? [e.body] : [])))].join('、') : null;
  issuer ??= enactingBody(lines);
  const versions = events.filter((e) => e.kind !== 'effective').map((e) => e.date).sort();
  const effective = events.find((e) => e.kind === 'effective')?.date ?? null;
  return { events, issuer, date: versions[versions.length - 1] ?? null, effective };
}

/**
 * The closing article's 本条例自2023年3月1日起施行 (or 实施, 生效, 执行), or 自公布之日起施行 — then
 * the date it was first made public (`since`: an amended law keeps the closing article of its first
 * text). Read in the last clauses only: an earlier 自…起 is about something else.
 */
const CLOSING = new RegExp(`本[\\u4e00-\\u9fa5]{0,12}?自\\s*(${DATE}|(?:印发|发布|公布)之日)\\s*起\\s*(?:施行|实施|生效|执行)`);

export function effectiveFromClosing(lastClauses: readonly string[], since: string | null): string | null {
  for (const text of [...lastClauses].reverse()) {
    const m = CLOSING.exec(fold(text));
    if (!m?.[1]) continue;
    return m[1].endsWith('之日') ? (since && /^\d{4}-\d{2}-\d{2}$/.test(since) ? since : null) : isoDate(m[1]);
  }
  return null;
}
