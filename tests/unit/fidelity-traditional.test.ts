// A Traditional copy of a text, in any encoding a Hong Kong, Macau or Taiwan user's file comes in,
// reads as its Simplified original: the same documents, clause trees, titles and metadata. The
// copies are made here from real texts (seeds and bench-corpus laws) with opencc's s2hk and s2twp,
// then encoded as Big5-HKSCS, UTF-16 and GBK by the encoders' own tables.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fold } from '../../shared/fold.ts';
import type { DocumentRecord, Encoding, ParsedSource } from '../../electron/core/model/records.ts';
import { parseSource } from '../../electron/core/ingest/pipeline.ts';
import { FIXTURES, SEEDS } from '../helpers/library.ts';
import { encodeLegacy, encodeUtf16, toTraditional } from '../helpers/traditional.ts';

const SOURCES: [string, string][] = [
  [SEEDS, '001_551b2c05a62b80d5.txt'],
  [SEEDS, '002_509c6d008cb003c1.txt'],
  [FIXTURES, 'hk-national-security-law.excerpt.md'],
  [FIXTURES, 'shanghai-foreign-investment-approval.excerpt.md'],
  [FIXTURES, 'qianhai-regulation.zh-hans.txt'],
];

/**
 * What a reader sees of a document, its words folded to one script. The original's words go
 * through the same conversion as the copy first: s2twp also swaps Taiwan's vocabulary (信息 → 資訊).
 */
function reading(d: DocumentRecord, words: (s: string) => string = (s) => s): unknown {
  const w = (s: string | null): string | null => (s === null ? null : fold(words(s)));
  return {
    title: w(d.title),
    issuer: w(d.issuer),
    jurisdictions: d.jurisdictions,
    date: d.date,
    docNumber: w(d.docNumber),
    kind: d.kind,
    validUntil: d.validUntil,
    clauses: d.clauses.map((c) => [c.depth, c.kind, w(c.label), w(c.heading), c.units.map((u) => w(u.name))]),
  };
}

const copies: [string, (text: string) => Uint8Array, Encoding][] = [
  ['Big5-HKSCS', (t) => encodeLegacy(t, 'big5'), 'big5'],
  ['GBK', (t) => encodeLegacy(t, 'gbk'), 'gb18030'],
  ['UTF-16LE with a BOM', (t) => encodeUtf16(t, 'le', true), 'utf-16le'],
  ['UTF-16BE without one', (t) => encodeUtf16(t, 'be', false), 'utf-16be'],
  ['UTF-8', (t) => new TextEncoder().encode(t), 'utf-8'],
];

for (const [dir, name] of SOURCES) {
  describe(`${name} in Traditional`, () => {
    const simplified = readFileSync(join(dir, name), 'utf8');
    const original = parseSource(name, new TextEncoder().encode(simplified));

    for (const variant of ['hk', 'twp'] as const) {
      const traditional = toTraditional(simplified, variant);
      const expected = original.documents.map((d) => reading(d, (s) => toTraditional(s, variant)));
      test(`s2${variant}: the copy is Traditional, not the original again`, () => {
        assert.notEqual(traditional, simplified);
        assert.ok(/[條區廣東關於與發會]/.test(traditional));
      });
      for (const [encoding, encode, label] of copies) {
        test(`s2${variant} as ${encoding}: same documents, trees and metadata, decoded as ${label} without a warning`, () => {
          const parsed: ParsedSource = parseSource(name, encode(traditional));
          assert.equal(parsed.encoding, label);
          assert.deepEqual(parsed.warnings, original.warnings);
          assert.deepEqual(parsed.documents.map((d) => reading(d)), expected);
        });
      }
    }
  });
}

test('the originals do have the structure and metadata the copies are compared on', () => {
  const law = parseSource('law.md', readFileSync(join(FIXTURES, 'hk-national-security-law.excerpt.md')));
  const doc = law.documents[0];
  assert.ok(doc);
  assert.equal(doc.issuer, '全国人民代表大会常务委员会');
  assert.equal(doc.date, '2020-06-30');
  assert.ok(doc.clauses.filter((c) => c.kind === 'article').length >= 8);
  const seed = parseSource('002.txt', readFileSync(join(SEEDS, '002_509c6d008cb003c1.txt')));
  assert.equal(seed.documents.length, 2);
  assert.ok(seed.documents.some((d) => d.clauses.filter((c) => c.units.length > 0).length >= 40));
});
