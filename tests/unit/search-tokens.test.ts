// fold() and gramsOf() are written for speed (a table per UTF-16 unit, bytes in one buffer): their
// output must be exactly what the plain, character-by-character versions below give, on the seeds,
// on every BMP unit, on surrogates, and on a sample of the bench corpus when it is beside the checkout.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Converter } from 'opencc-js/t2cn';
import { fold } from '../../shared/fold.ts';
import { gramsOf } from '../../electron/core/search/grams.ts';
import { ROOT, seededLibrary } from '../helpers/library.ts';

type Convert = (text: string) => string;
const converter = Converter as unknown as (options: { from: 't' | 'hk' | 'tw'; to: 'cn' }) => Convert;
const converters = (['t', 'hk', 'tw'] as const).map((from) => converter({ from, to: 'cn' }));

/** The fold as it was first written: one character at a time, through opencc. */
function referenceFold(text: string): string {
  const foldChar = (ch: string): string => {
    const code = ch.charCodeAt(0);
    if (code < 0x80) return code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 32) : ch;
    if (code >= 0xff01 && code <= 0xff5e) return foldChar(String.fromCharCode(code - 0xfee0));
    if (code === 0x3000) return ' ';
    if (code < 0x2e80) return ch.toLowerCase().length === 1 ? ch.toLowerCase() : ch;
    for (const convert of converters) {
      const c = convert(ch);
      if (c !== ch && c.length === ch.length) return c;
    }
    return ch;
  };
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      out += text.slice(i, i + 2);
      i++;
    } else out += foldChar(text[i] ?? '');
  }
  return out;
}

/** The token stream as it was first written: a string per token. */
function referenceGrams(folded: string): string {
  const code = (cp: number): string => cp.toString(36).padStart(4, '0');
  const cps = Array.from(folded, (ch) => ch.codePointAt(0) ?? 0);
  return cps.map((cp, i) => `g${code(cp)}${i + 1 < cps.length ? code(cps[i + 1] ?? 0) : ''}`).join(' ');
}

function same(texts: Iterable<string>, where: string): number {
  let n = 0;
  for (const t of texts) {
    const f = fold(t);
    assert.equal(f, referenceFold(t), `${where}: fold of ${JSON.stringify(t.slice(0, 40))}`);
    assert.equal(gramsOf(f), referenceGrams(f), `${where}: grams of ${JSON.stringify(t.slice(0, 40))}`);
    n++;
  }
  return n;
}

test('fold and grams equal the reference on every seed clause and heading', () => {
  const { library, cleanup } = seededLibrary();
  try {
    const rows = library.db.prepare('SELECT text, heading FROM clauses').all() as { text: string; heading: string | null }[];
    const n = same(rows.flatMap((r) => [r.text, ...(r.heading ? [r.heading] : [])]), 'seeds');
    assert.ok(n > 600, `${n} texts`);
  } finally {
    cleanup();
  }
});

test('fold equals the reference on every BMP unit; both keep surrogates as they are', () => {
  for (let c = 0; c < 0x10000; c++) {
    const s = String.fromCharCode(c);
    if (fold(s) !== referenceFold(s)) assert.fail(`U+${c.toString(16)}: ${fold(s)} ≠ ${referenceFold(s)}`);
  }
  same(['', 'Ａ', '𠮷', 'a𠮷B', '\ud800', 'x\udc00y', '\ud800\ud800\udc00', '綠色　ＣＥＰＡ，２０１９😀', 'Ab\ud83d', '粵港澳大灣區'.repeat(3000)], 'edge cases');
});

test('fold and grams equal the reference on a sample of the bench corpus', (t) => {
  const dir = [resolve(ROOT, '..', 'shared'), resolve(ROOT, '..', '..', 'shared')].map((d) => join(d, 'bench-corpus', 'laws')).find((d) => existsSync(d));
  if (!dir) {
    t.skip('the bench corpus is not beside the checkout');
    return;
  }
  const files: string[] = [];
  const walk = (d: string): void => {
    for (const f of readdirSync(d).sort()) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (f.endsWith('.md')) files.push(p);
    }
  };
  walk(dir);
  const sample = files.filter((_, i) => i % 40 === 0);
  assert.ok(sample.length > 50);
  same(sample.flatMap((f) => readFileSync(f, 'utf8').split(/\n+/)), 'bench corpus');
});
