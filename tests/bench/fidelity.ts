// `node tests/bench/fidelity.ts [DIR]`: how faithfully the bench corpus is read, beside what its
// files print. Parses every file (nothing is stored) and reports:
//   articles      第X条 clauses against the 第X条 lines each file prints (files that differ listed)
//   headings      the share of articles with a heading (laws rarely print one)
//   metadata      the share of documents with a title found in the text, an issuer and a date
//   validity      the share of documents with a validUntil (a law prints none), a few listed
//   numbers       the share of documents with a document number (令第X号, 〔2019〕31号 …)
//   mojibake      documents whose text reads as few common characters (a wrong decoding)
// Exits non-zero when an article count differs or a document reads as mojibake.

import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { commonShare } from '../../electron/core/ingest/decode.ts';
import { parseSource } from '../../electron/core/ingest/pipeline.ts';
import { BENCH_CORPUS, markdownFiles } from './corpus.ts';

const CORPUS = process.argv[2] ?? BENCH_CORPUS;
/**
 * An article as a file prints it: 第X条 at the start of a line, then a space or the end; or 第X 条
 * with a space inside, which no sentence citing an article prints (第七十五 条体育运动船艇…).
 */
const PRINTED_ARTICLE = /^[ \t\u3000]*第(?:[一二三四五六七八九十百千零〇两0-9]+条(?:之[一二三四五六七八九十]+)?(?=[ \t\u3000]|$)|[ \t\u3000]*[一二三四五六七八九十百千零〇两0-9]+[ \t\u3000]+条)/gm;
/** Below this share of common characters, a document's text is not Chinese read right. */
const MOJIBAKE_SHARE = 0.6;

const pct = (n: number, of: number): string => `${n} / ${of} (${of ? ((100 * n) / of).toFixed(1) : '0'}%)`;

const files = markdownFiles(CORPUS);
const t0 = performance.now();
let documents = 0;
let printed = 0;
let parsed = 0;
let headed = 0;
let titled = 0;
let issued = 0;
let dated = 0;
let numbered = 0;
const valid: string[] = [];
const differ: string[] = [];
const failed: string[] = [];
const garbled: string[] = [];
for (const file of files) {
  const bytes = readFileSync(file);
  const text = bytes.toString('utf8');
  const expected = (text.match(PRINTED_ARTICLE) ?? []).length;
  let source;
  try {
    source = parseSource(file, bytes);
  } catch (e) {
    failed.push(`${file}: ${(e as Error).message}`);
    continue;
  }
  const name = basename(file).replace(/\.[^.]+$/, '');
  let articles = 0;
  for (const d of source.documents) {
    documents++;
    const own = d.clauses.filter((c) => c.kind === 'article');
    articles += own.length;
    headed += own.filter((c) => c.heading !== null).length;
    // Titled by the file's name only when the text does not print that name itself.
    if (d.title !== name || text.slice(0, 300).includes(name)) titled++;
    if (d.issuer) issued++;
    if (d.date) dated++;
    if (d.docNumber) numbered++;
    if (d.validUntil) valid.push(`${name}: ${d.validUntil}`);
    const share = commonShare(d.clauses.map((c) => c.text).join('\n'));
    if (share < MOJIBAKE_SHARE) garbled.push(`${file}: "${d.title}" reads ${share.toFixed(2)} common`);
  }
  printed += expected;
  parsed += articles;
  if (articles !== expected) differ.push(`${file}: prints ${expected}, parsed ${articles}`);
}
const seconds = (performance.now() - t0) / 1000;

const lines = [
  `Fidelity on ${files.length} files of ${CORPUS} (${seconds.toFixed(1)} s, nothing stored)`,
  `  documents                ${documents}; files refused: ${failed.length}`,
  `  articles                 ${parsed} parsed, ${printed} printed; files that differ: ${differ.length}`,
  `  articles with a heading  ${pct(headed, parsed)}`,
  `  documents with a title   ${pct(titled, documents)} (found in the text, not the file's name)`,
  `  documents with an issuer ${pct(issued, documents)}`,
  `  documents with a date    ${pct(dated, documents)}`,
  `  documents with a number  ${pct(numbered, documents)}`,
  `  documents with validity  ${pct(valid.length, documents)}${valid.length ? `, e.g. ${valid.slice(0, 5).join('; ')}` : ''}`,
  `  documents as mojibake    ${garbled.length} (under ${MOJIBAKE_SHARE} common characters)`,
  ...[...failed, ...differ, ...garbled].map((l) => `    ${l}`),
];
process.stdout.write(lines.join('\n') + '\n');
if (failed.length + differ.length + garbled.length > 0) process.exitCode = 1;
