// Seed 001 as a user might get it next year, edited the way real revisions are: words added to
// the opening, a sentence inserted inside a clause, a new paragraph, one item deleted, two items
// merged into one, and every item after them renumbered.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEEDS } from './library.ts';
import { formatNumeral } from './numerals.ts';

export const SEED_001 = '001_551b2c05a62b80d5.txt';

export interface EditedSeed {
  text: string;
  /** Words added to the opening paragraph. */
  opening: string;
  /** The sentence inserted inside (五). */
  inserted: string;
  /** The new paragraph before 一、. */
  paragraph: string;
  /** The line of the deleted item (七), as printed. */
  deleted: string;
  /** The texts of (九) and (十), now one item. */
  merged: [string, string];
}

const ITEM = /^\(([一二三四五六七八九十]+)\)/;

export function editSeed001(): EditedSeed {
  const lines = readFileSync(join(SEEDS, SEED_001), 'utf8').split('\n');
  const at = (prefix: string): number => {
    const i = lines.findIndex((l) => l.startsWith(prefix));
    assert.ok(i >= 0, `seed 001 has a line starting ${prefix}`);
    return i;
  };
  const opening = '以鲲鹏计划为名';
  lines[0] = (lines[0] ?? '').replace('日前印发', `日前${opening}印发`);
  const inserted = '探索设立跨境资本服务中心。';
  const five = at('(五)');
  lines[five] = (lines[five] ?? '').replace('。', `。${inserted}`);
  const nine = at('(九)');
  const ten = at('(十)');
  const merged: [string, string] = [(lines[nine] ?? '').replace(ITEM, ''), (lines[ten] ?? '').replace(ITEM, '')];
  lines[nine] = `${lines[nine] ?? ''}${merged[1]}`;
  lines.splice(ten, 1);
  const seven = at('(七)');
  const deleted = lines[seven] ?? '';
  lines.splice(seven, 1);
  const paragraph = '本措施自印发之日起实施。';
  lines.splice(at('一、'), 0, paragraph);
  let n = 0;
  const renumbered = lines.map((l) => (ITEM.test(l) ? l.replace(ITEM, `(${formatNumeral(++n)})`) : l));
  return { text: renumbered.join('\n'), opening, inserted, paragraph, deleted, merged };
}
