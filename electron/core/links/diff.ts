// The diff of a reused passage, character by character (jsdiff's diffChars), on the folded texts
// so that a Traditional copy of a Simplified clause differs only where the words do; each part is
// then cut from the texts as displayed (folding keeps lengths, so the offsets agree).

import { diffChars } from 'diff';
import { fold } from '../../../shared/fold.ts';
import type { ReuseDiffResponse } from '../../../shared/api.ts';

export function diffParts(earlier: string, later: string): ReuseDiffResponse['parts'] {
  const parts: ReuseDiffResponse['parts'] = [];
  let a = 0;
  let b = 0;
  for (const change of diffChars(fold(earlier), fold(later))) {
    const n = change.value.length;
    if (change.added) {
      parts.push({ op: 'added', text: later.slice(b, b + n) });
      b += n;
    } else if (change.removed) {
      parts.push({ op: 'dropped', text: earlier.slice(a, a + n) });
      a += n;
    } else {
      parts.push({ op: 'same', text: later.slice(b, b + n) });
      a += n;
      b += n;
    }
  }
  return parts;
}
