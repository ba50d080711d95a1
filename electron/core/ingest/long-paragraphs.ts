// A paragraph of megabytes (a file that holds its whole text on one line) is cut into paragraphs of
// at most MAX_PARAGRAPH characters, each ending at a sentence end where one is near. Policy
// paragraphs are a few hundred characters; a clause's text is one row of the search index, which
// SQLite builds in memory whole (a 31 MB line took 1.5–2 GB to import), and one element in the reader.

import type { NormalBlock } from './normalize.ts';

export const MAX_PARAGRAPH = 10_000;
/** A clause's own text stops growing here (structure.ts): its further paragraphs stand as clauses of their own. */
export const MAX_CLAUSE_TEXT = 2 * MAX_PARAGRAPH;

/** Where a sentence ends (after the mark). */
const SENTENCE_END = /[。！？；!?;]/g;

/** The end of the piece that starts at `from`: after the last sentence end in its second half, else at the limit. */
function pieceEnd(text: string, from: number): number {
  const limit = from + MAX_PARAGRAPH;
  if (limit >= text.length) return text.length;
  const window = text.slice(from + MAX_PARAGRAPH / 2, limit);
  let end = -1;
  for (const m of window.matchAll(SENTENCE_END)) end = m.index + 1;
  if (end > 0) return from + MAX_PARAGRAPH / 2 + end;
  // No sentence end: cut at the limit, never between the halves of a surrogate pair.
  const high = text.charCodeAt(limit - 1);
  return high >= 0xd800 && high <= 0xdbff ? limit - 1 : limit;
}

export function splitLongParagraphs(blocks: readonly NormalBlock[]): NormalBlock[] {
  if (blocks.every((b) => b.text.length <= MAX_PARAGRAPH || b.table)) return [...blocks];
  return blocks.flatMap((b) => {
    if (b.text.length <= MAX_PARAGRAPH || b.table) return [b];
    const pieces: NormalBlock[] = [];
    for (let from = 0; from < b.text.length; ) {
      const end = pieceEnd(b.text, from);
      // The first piece is the block as it stood (a heading stays one); the rest are its paragraphs.
      pieces.push(from === 0 ? { ...b, text: b.text.slice(0, end) } : { text: b.text.slice(from, end), line: b.line, heading: false, ...(b.quote ? { quote: true } : {}) });
      from = end;
    }
    return pieces;
  });
}
