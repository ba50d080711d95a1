// How the preview numbers a brief as an official document does: sections 一、二、… and the
// subheadings inside a section （一）（二）…, counted afresh in each section (only sections with a
// heading count); and an excerpt's citation in one line, as the exports write both.

import type { BriefCitation } from '../../shared/api.ts';

const DIGITS = '零一二三四五六七八九';

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 35 → 三十五; beyond 99 the number as written. */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const digit = (d: number): string => DIGITS.charAt(d);
  return `${tens === 0 ? '' : tens === 1 ? '十' : `${digit(tens)}十`}${ones === 0 ? '' : digit(ones)}`;
}

export const sectionNumber = (i: number): string => `${chineseNumber(i + 1)}、`;
export const subheadingNumber = (i: number): string => `（${chineseNumber(i + 1)}）`;

/** 2019-02-12 → 2019年2月12日; 2019-02 → 2019年2月; 2025 → 2025年. */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${y ?? ''}年${m ? `${Number(m)}月` : ''}${d ? `${Number(d)}日` : ''}`;
}

/** 《粤港澳大湾区发展规划纲要》第六章 第三节: the work and the place in it. */
export const citedWork = (c: BriefCitation): string => `《${c.docTitle}》${c.label}`;

/** （中共中央 国务院，2019年2月）: what the text states of its issuer, number and date, or ''. */
export function citedSource(c: BriefCitation): string {
  const about = [c.issuer, c.docNumber, c.date === null ? null : chineseDate(c.date)].filter((x): x is string => Boolean(x));
  return about.length > 0 ? `（${about.join('，')}）` : '';
}

/**
 * The whole citation in one line, as the exports write it (electron/core/briefs/export/model.ts,
 * which the page cannot import).
 */
export const citationLine = (c: BriefCitation): string => citedWork(c) + citedSource(c);
