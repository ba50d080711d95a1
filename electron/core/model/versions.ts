// Versions of one text: the 2017 and the 2023 行政复议法 are two documents (each as printed, each
// with its own clauses and ids) that the library links as versions of one another, newest first.

import { fold } from '../../../shared/fold.ts';
import type { DocumentVersion, VersionStatus } from '../../../shared/types.ts';

/**
 * A trailing note of the version in a title: a date ((2023-09-01), （2023年9月1日）), an amendment
 * （2017年修正）, 〔2021年修订本〕, an edition (2020年版) or a trial (试行). Not a period: the plan
 * （2021—2025年） and the plan （2026—2030年） are two plans.
 */
const VERSION_NOTE = /[(（〔[【]\s*(?:\d{4}\s*[-./]\s*\d{1,2}\s*[-./]\s*\d{1,2}|\d{4}\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?(?:修正|修订|修改)?(?:文本|本|版)?|试行)\s*[)）〕\]】]$/;

/**
 * What versions of one text share: the title folded (Traditional reads as Simplified), without
 * spaces and without a trailing note of the version.
 */
export function versionKey(title: string): string {
  return fold(title).replace(/\s+/g, '').replace(VERSION_NOTE, '');
}

interface Candidate {
  id: string;
  title: string;
  date: string | null;
  effective: string | null;
  validUntil: string | null;
}

/**
 * The versions newest first, each with where it stands on `today` (an ISO date): the newest one in
 * effect is current, a newer one not yet in effect is upcoming, older ones are superseded, and one
 * past its stated validity is expired.
 */
export function rankVersions(candidates: readonly Candidate[], today: string): DocumentVersion[] {
  // Ordered by the date of each version; its effective date may be its first text's (本法自公布之日起施行).
  const made = (c: Candidate): string => c.date ?? c.effective ?? '';
  const since = (c: Candidate): string => (c.effective && c.effective > made(c) ? c.effective : made(c));
  const sorted = [...candidates].sort((a, b) => (made(b) < made(a) ? -1 : made(b) > made(a) ? 1 : a.id < b.id ? -1 : 1));
  // The newest version in effect stands (or has lapsed); every older one was replaced by it.
  let replaced = false;
  return sorted.map((c): DocumentVersion => {
    let status: VersionStatus;
    if (since(c) > today) status = 'upcoming';
    else if (replaced) status = 'superseded';
    else {
      replaced = true;
      status = c.validUntil && c.validUntil < today ? 'expired' : 'current';
    }
    return { id: c.id, title: c.title, date: c.date, effective: c.effective, status };
  });
}
