// Anchoring highlights to clause text and re-anchoring them after real edits of a seed: the
// expected place of every highlight comes from an independent oracle (where its words, unique in
// the document, occur in the edited text), never from the matcher.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  anchorClauseNote,
  anchorHighlight,
  annotationStatus,
  clauseHead,
  DocumentText,
  targetOf,
  TextQuoteAnchor,
  type ClauseText,
  type HighlightTarget,
  type SuccessorOf,
  type TargetOutcome,
} from '../../shared/anchoring/index.ts';
import { approximateSearch, levenshtein } from '../../shared/anchoring/edit-distance.ts';
import { documentsOf, documentTitled, FINANCE_SEED, MEASURES_SEED, replaceOnce, seedText } from '../fixtures/annotations-seeds.ts';

const MEASURES = '广州市关于以高水平开放推动服务贸易和数字贸易高质量发展的若干措施';
const noAliases: SuccessorOf = () => null;
const original: readonly ClauseText[] = documentTitled(documentsOf(MEASURES_SEED), MEASURES).clauses.map((c) => ({ id: c.id, text: c.text }));

const clauseStarting = (clauses: readonly ClauseText[], head: string): ClauseText => {
  const c = clauses.find((x) => x.text.startsWith(head));
  if (!c) throw new Error(`no clause starts with ${head}`);
  return c;
};
const select = (clause: ClauseText, quote: string): HighlightTarget => {
  const at = clause.text.indexOf(quote);
  assert.ok(at >= 0, `"${quote}" is in the clause`);
  return targetOf(clause, at, at + quote.length);
};
const placed = (o: TargetOutcome, clauses: readonly ClauseText[]): string => {
  if (o.status !== 'anchored') assert.fail(`expected an anchored target: ${JSON.stringify(o)}`);
  return clauses.find((c) => c.id === o.clauseId)?.text.slice(o.start, o.end) ?? '';
};

describe('edit distance', () => {
  test('levenshtein counts edits; approximate search finds a place with its errors', () => {
    assert.equal(levenshtein('便利专业人才', '便利专业人才'), 0);
    assert.equal(levenshtein('贸易便利化', '贸易便利'), 1);
    assert.equal(levenshtein('', '人才'), 2);
    const text = '拓展境外职业资格(工种)认可清单,持续探索扩大对港澳职业资格认可范围';
    const found = approximateSearch(text, '拓展境外职业资格，工种，认可清单', 3);
    assert.equal(found.length, 1);
    assert.deepEqual(found[0], { start: 0, end: 16, errors: 2 });
    assert.deepEqual(approximateSearch(text, '完全不同的句子内容出现', 2), []);
  });
});

describe('selectors', () => {
  test('a quote keeps 32 characters of context each side and finds itself again', () => {
    const clause = clauseStarting(original, '便利专业人才跨境流动');
    const target = select(clause, '支持外国人才来穗创新创业');
    assert.equal(target.quote.prefix.length, 32);
    assert.equal(target.quote.suffix.length, 32);
    assert.equal(clause.text.slice(target.position.start - 32, target.position.start), target.quote.prefix);
    const anchor = TextQuoteAnchor.fromSelector(target.quote);
    const found = anchor.locate(clause.text, target.position.start);
    assert.equal(found.kind, 'match');
    assert.equal(found.best.start, target.position.start);
  });

  test('an empty quote or a range outside the text is refused', () => {
    const clause = clauseStarting(original, '便利专业人才跨境流动');
    assert.throws(() => targetOf(clause, 5, 5), /start < end/);
    assert.throws(() => targetOf(clause, 0, clause.text.length + 1), /runs past the end/);
    assert.throws(() => new TextQuoteAnchor(''), /cannot be empty/);
  });
});

describe('re-anchoring in one clause', () => {
  const clause = clauseStarting(original, '便利专业人才跨境流动');
  const doc = (text: string): DocumentText => new DocumentText([{ id: clause.id, text }]);
  const quote = '拓展境外职业资格(工种)认可清单';

  test('an unchanged text anchors by position', () => {
    const o = anchorHighlight(select(clause, quote), doc(clause.text), noAliases);
    assert.equal(o.status === 'anchored' && o.method, 'position');
    assert.equal(o.status === 'anchored' && o.moved, false);
  });

  test('a sentence inserted before the quote: found exactly, at its new offset', () => {
    const text = replaceOnce(clause.text, '促进外国高端人才和专业人才引进。', '促进外国高端人才和专业人才引进。新设一站式人才服务窗口。');
    const o = anchorHighlight(select(clause, quote), doc(text), noAliases);
    assert.equal(placed(o, [{ id: clause.id, text }]), quote);
    assert.equal(o.status === 'anchored' && o.method, 'exact');
  });

  test('punctuation changed inside the quote: found approximately, covering the new words', () => {
    const text = replaceOnce(clause.text, '(工种)', '〔工种〕');
    const o = anchorHighlight(select(clause, quote), doc(text), noAliases);
    assert.equal(placed(o, [{ id: clause.id, text }]), '拓展境外职业资格〔工种〕认可清单');
    assert.equal(o.status === 'anchored' && o.method, 'approximate');
  });

  test('full-width and half-width forms fold: the place is still the stored position', () => {
    const text = replaceOnce(clause.text, '(工种)', '（工种）');
    const o = anchorHighlight(select(clause, quote), doc(text), noAliases);
    assert.equal(placed(o, [{ id: clause.id, text }]), '拓展境外职业资格（工种）认可清单');
    assert.equal(o.status === 'anchored' && o.method, 'position');
  });

  test('Traditional characters fold to Simplified: the quote is found exactly', () => {
    const text = replaceOnce(clause.text, '拓展境外职业资格', '拓展境外職業資格');
    const o = anchorHighlight(select(clause, quote), doc(text), noAliases);
    assert.equal(placed(o, [{ id: clause.id, text }]), '拓展境外職業資格(工种)认可清单');
  });

  test('the sentence deleted: an orphan, not the next best words', () => {
    const text = replaceOnce(clause.text, '拓展境外职业资格(工种)认可清单,', '');
    assert.deepEqual(anchorHighlight(select(clause, quote), doc(text), noAliases), { status: 'orphan', reason: 'not-found' });
  });

  test('a short common phrase whose sentence was deleted does not jump to another occurrence', () => {
    const target = select(clause, '职业资格');
    const text = replaceOnce(clause.text, '拓展境外职业资格(工种)认可清单,', '');
    assert.ok(text.includes('职业资格'), 'the phrase still occurs elsewhere in the clause');
    assert.equal(anchorHighlight(target, doc(text), noAliases).status, 'orphan');
  });

  test('the clause pasted twice after an insertion: two places score alike → ambiguous orphan', () => {
    const text = `新增段落。${clause.text}\n${clause.text}`;
    const target = select(clause, '支持外国人才来穗创新创业');
    assert.deepEqual(anchorHighlight(target, doc(text), noAliases), { status: 'orphan', reason: 'ambiguous' });
  });
});

describe('re-anchoring in the document', () => {
  const doc = new DocumentText(original);
  const measure = clauseStarting(original, '便利专业人才跨境流动');
  const moved = original.filter((c) => c.id !== measure.id).concat([{ id: 'renumbered', text: measure.text }]);

  test('a renumbered clause (new id, same text) is found in the same document', () => {
    const target = select(measure, '支持外国人才来穗创新创业');
    const o = anchorHighlight(target, new DocumentText(moved), noAliases);
    assert.equal(o.status === 'anchored' && o.clauseId, 'renumbered');
    assert.equal(placed(o, moved), '支持外国人才来穗创新创业');
  });

  test("the successor given by the re-import's aliases is looked at first", () => {
    const target = select(measure, '支持外国人才来穗创新创业');
    const o = anchorHighlight(target, new DocumentText(moved), (id) => (id === measure.id ? 'renumbered' : null));
    assert.equal(o.status === 'anchored' && o.method, 'position');
  });

  test('words the news lead repeats from (七): an orphan once (七) is gone from its id, anchored with its alias', () => {
    const seven = clauseStarting(original, '推进数据跨境安全有序流动');
    const target = select(seven, '探索建设算力服务平台');
    const lead = original.find((c) => c.text.includes('探索建设算力服务平台') && c.id !== seven.id);
    assert.ok(lead, 'the lead repeats the measure');
    const renumbered = original.map((c) => (c.id === seven.id ? { id: 'seven-renumbered', text: c.text } : c));
    assert.equal(anchorHighlight(target, new DocumentText(renumbered), noAliases).status, 'orphan');
    const o = anchorHighlight(target, new DocumentText(renumbered), (id) => (id === seven.id ? 'seven-renumbered' : null));
    assert.equal(o.status === 'anchored' && o.clauseId, 'seven-renumbered');
    assert.equal(anchorHighlight(target, doc, noAliases).status, 'anchored');
  });

  test('a note on a whole clause follows the clause by its opening words, and stays on its id otherwise', () => {
    const head = clauseHead(measure);
    const o = anchorClauseNote(head, new DocumentText(moved), noAliases);
    assert.equal(o.status === 'anchored' && o.clauseId, 'renumbered');
    const rewritten = original.map((c) => (c.id === measure.id ? { id: c.id, text: '全文改写。' } : c));
    const kept = anchorClauseNote(head, new DocumentText(rewritten), noAliases);
    assert.equal(kept.status === 'anchored' && kept.method, 'clause');
    const gone = original.filter((c) => c.id !== measure.id);
    assert.equal(anchorClauseNote(head, new DocumentText(gone), noAliases).status, 'orphan');
  });

  test('an annotation is anchored only when every target is; otherwise an orphan keeping all targets', () => {
    const a: TargetOutcome = { status: 'anchored', clauseId: 'x', start: 0, end: 1, method: 'exact', score: 1, moved: false };
    const b: TargetOutcome = { status: 'orphan', reason: 'not-found' };
    assert.equal(annotationStatus([a, a]), 'anchored');
    assert.equal(annotationStatus([a, b]), 'orphan');
    assert.equal(annotationStatus([]), 'orphan');
  });
});

/** Sentences (to 。；) that occur once in the whole document: the oracle can place them. */
function uniqueSentences(clauses: readonly ClauseText[]): HighlightTarget[] {
  const all = clauses.map((c) => c.text).join('\n');
  const out: HighlightTarget[] = [];
  for (const c of clauses) {
    for (const m of c.text.matchAll(/[^。；\n]{6,}[。；]/g)) {
      const first = all.indexOf(m[0]);
      if (first !== -1 && all.indexOf(m[0], first + 1) === -1) out.push(targetOf(c, m.index, m.index + m[0].length));
    }
  }
  return out;
}

/** Where words unique in the old document are now: the one clause and offset, or none. */
function oracle(clauses: readonly ClauseText[], words: string): { clauseId: string; start: number } | 'gone' | 'many' {
  const hits = clauses.flatMap((c) => [...c.text.matchAll(new RegExp(words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g'))].map((m) => ({ clauseId: c.id, start: m.index })));
  if (hits.length === 0) return 'gone';
  return hits.length === 1 && hits[0] ? hits[0] : 'many';
}

describe('re-anchoring a whole seed after real edits', () => {
  // Edits inside sentences: a sentence holding `from` now reads with `to`.
  const inSentence: [string, string][] = [
    ['深化跨境理财通,', '深化跨境理财通,扩大跨境保险服务范围,'],
    ['为在穗外商投资企业提供国内互联网虚拟专用网业务。', '为在穗外商投资企业提供国内互联网虚拟专用网业务；'],
    ['有效规避汇率波动,保障资金安全', '有效规避汇率波动、保障资金安全'],
  ];
  let text = seedText(MEASURES_SEED);
  // A sentence inserted between two sentences of an annotated measure.
  text = replaceOnce(text, '(三)提升服务贸易标准化水平。', '(三)提升服务贸易标准化水平。建立服务贸易标准化工作专班，定期评估试点成效。');
  for (const [from, to] of inSentence) text = replaceOnce(text, from, to);
  // A paragraph deleted, and the measures after it renumbered as an editor would.
  const deleted = documentTitled(documentsOf(MEASURES_SEED), MEASURES).clauses.find((c) => c.text.startsWith('增强国际运输服务能力'));
  assert.ok(deleted);
  text = text.replace(/^\(九\)增强国际运输服务能力[^\n]*\n/m, '');
  const numbers = ['九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十', '二十一', '二十二'];
  for (let i = 1; i < numbers.length; i++) text = replaceOnce(text, `\n(${numbers[i] ?? ''})`, `\n(${numbers[i - 1] ?? ''})`);
  const edited = documentTitled(documentsOf(MEASURES_SEED, text), MEASURES).clauses;
  const targets = uniqueSentences(original);

  test('the edits took: one measure fewer, and ids after the deleted one moved', () => {
    assert.equal(edited.length, original.length - 1);
    assert.ok(targets.length > 100, `${targets.length} sentences annotated`);
    assert.ok(!edited.some((c) => c.id === deleted.id && c.text === deleted.text));
    const textOf = new Map(edited.map((c) => [c.id, c.text]));
    const displaced = targets.filter((t) => !(textOf.get(t.clauseId) ?? '').includes(t.quote.exact));
    assert.ok(displaced.length > 30, `${displaced.length} highlights no longer in the clause their id names`);
  });

  test('≥ 99% of highlights on unchanged words re-anchor to the same words; the others are orphans; none misplaced', () => {
    const doc = new DocumentText(edited);
    const counts = { unchanged: 0, sameWords: 0, changed: 0, changedPlaced: 0, deleted: 0 };
    const misplaced: string[] = [];
    for (const t of targets) {
      const edit = inSentence.find(([from]) => t.quote.exact.includes(from));
      const words = edit ? t.quote.exact.replace(edit[0], edit[1]) : t.quote.exact;
      const where = oracle(edited, words);
      const o = anchorHighlight(t, doc, noAliases);
      if (where === 'many') continue;
      if (where === 'gone') {
        counts.deleted++;
        if (o.status === 'anchored') misplaced.push(`${t.quote.exact} (deleted) → ${placed(o, edited)}`);
        continue;
      }
      const right = o.status === 'anchored' && o.clauseId === where.clauseId && o.start === where.start && placed(o, edited) === words;
      if (edit) counts.changed++;
      else counts.unchanged++;
      if (right && edit) counts.changedPlaced++;
      else if (right) counts.sameWords++;
      else if (o.status === 'anchored') misplaced.push(`${t.quote.exact} → ${placed(o, edited)}`);
    }
    assert.deepEqual(misplaced, []);
    assert.ok(counts.sameWords / counts.unchanged >= 0.99, JSON.stringify(counts));
    // Sentences edited inside are re-placed over their new words here (or would be orphans).
    assert.equal(counts.changed, inSentence.length);
    assert.equal(counts.changedPlaced, counts.changed, JSON.stringify(counts));
    assert.ok(counts.deleted >= 3, JSON.stringify(counts));
  });

  test('the deleted measure’s highlights are orphans, never moved onto another measure', () => {
    const doc = new DocumentText(edited);
    const onDeleted = targets.filter((t) => t.clauseId === deleted.id);
    assert.ok(onDeleted.length >= 3);
    for (const t of onDeleted) assert.equal(anchorHighlight(t, doc, noAliases).status, 'orphan', t.quote.exact);
  });

  test('the same text parsed again (a rebuilt library) re-anchors 100% by position', () => {
    const rebuilt = new DocumentText(documentTitled(documentsOf(MEASURES_SEED), MEASURES).clauses);
    const methods = new Set(targets.map((t) => { const o = anchorHighlight(t, rebuilt, noAliases); return o.status === 'anchored' ? o.method : 'orphan'; }));
    assert.deepEqual([...methods], ['position']);
  });
});

describe('another seed', () => {
  test('repeated responsible-unit lines of the finance plan anchor by their context', () => {
    const plan = documentTitled(documentsOf(FINANCE_SEED), '三年行动计划').clauses;
    const units = '（市地方金融监管局、发展改革委牵头，人民银行广州分行、广东银保监局、广东证监局支持）';
    const holders = plan.filter((c) => c.text.includes(units));
    assert.ok(holders.length >= 2, 'the same units line closes several tasks');
    const [first, second] = holders;
    assert.ok(first && second);
    const target = select(second, units);
    // The task's own text is edited: the quote stays in its clause, and its prefix is still there.
    const editedPlan = plan.map((c) => (c.id === second.id ? { id: c.id, text: `新增：${c.text}` } : c));
    const o = anchorHighlight(target, new DocumentText(editedPlan), noAliases);
    assert.equal(o.status === 'anchored' && o.clauseId, second.id);
  });
});
