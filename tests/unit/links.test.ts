// Cross-links on the real seeds (issue 13): citations resolved in any bracket form and in
// Traditional, related and reused clauses with evidence that holds in both texts, the direction
// of reuse and its diff, boilerplate kept out, two documents compared, links computed
// incrementally as documents arrive and leave.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ingestSeeds, MANIFEST_FILE, seedFiles } from '../../electron/core/ingest/ingest-files.ts';
import { citationsIn, CitationResolver, expandShortTitles, numberKey, shortTitlesIn, titleKey } from '../../electron/core/links/citations.ts';
import { LinkReader, linksUpToDate, updateLinks } from '../../electron/core/links/index.ts';
import { Library } from '../../electron/core/store/library.ts';
import { fold } from '../../shared/fold.ts';
import { SHOULD_LINK } from '../fixtures/links-labelled.ts';
import { docByTitle, SEEDS, seededLibrary, tempDir } from '../helpers/library.ts';
import { resolveRef } from '../helpers/links-score.ts';
import { copyFileSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';

let library: Library;
let reader: LinkReader;
let cleanup: () => void;

before(() => {
  ({ library, cleanup } = seededLibrary());
  updateLinks(library);
  reader = new LinkReader(library);
});
after(() => cleanup());

const ref = (doc: string, label: string): string => resolveRef(library, { doc, label });
const ZHUHAI = '中国（珠海）跨境电子商务综合试验区实施方案';
const DONGGUAN = '中国（东莞）跨境电子商务综合试验区实施方案';
const OUTLINE = '粤港澳大湾区发展规划纲要';
const GZ2021A = '附件1 广州市关于推进共建粤港澳大湾区国际金融枢纽的实施意见';
const GZ2021B = '附件2 广州市关于推进共建粤港澳大湾区国际金融枢纽三年行动计划';
const GZ2025 = '广州市关于以高水平开放推动服务贸易和数字贸易高质量发展的若干措施';

test('document numbers are read in every bracket form, and titles in 《》', () => {
  const forms = ['国办发〔2015〕46号', '国办发[2015]46号', '国办发(2015)46号', '国办发（2015）46号', '国办发﹝2015﹞46号', '国办发〔 2015 〕第46号'];
  for (const f of forms) {
    const found = citationsIn(`根据${f}文件精神`);
    const [c] = found;
    assert.ok(c && found.length === 1, f);
    assert.equal(c.kind, 'number');
    assert.equal(c.key, '国办发〔2015〕46号', f);
    assert.equal(c.text, f);
  }
  const titles = citationsIn('贯彻落实《粤港澳大湾区发展规划纲要》和《关于促进中国（珠海）跨境电子商务综合试验区发展的政策措施》');
  assert.deepEqual(titles.map((t) => t.text), ['《粤港澳大湾区发展规划纲要》', '《关于促进中国（珠海）跨境电子商务综合试验区发展的政策措施》']);
  assert.equal(numberKey('粤府函(2019)31号'), numberKey('粤府函〔2019〕31号'));
});

test('citations resolve to the documents of the library, Traditional forms folded; the rest are listed as missing', () => {
  const resolver = new CitationResolver(library.listDocuments());
  const outline = docByTitle(library, OUTLINE);
  // As Hong Kong and Macau print it.
  assert.equal(resolver.resolve({ kind: 'title', key: titleKey('粵港澳大灣區發展規劃綱要') }), outline.id);
  // A notice is cited by the document it prints.
  const ports = docByTitle(library, '广东省人民政府关于印发广东省优化口岸营商环境促进跨境贸易便利化措施的通知');
  assert.equal(resolver.resolve({ kind: 'title', key: titleKey('广东省优化口岸营商环境促进跨境贸易便利化措施') }), ports.id);
  assert.equal(resolver.resolve({ kind: 'number', key: numberKey('粤府函［2019］31号') }), ports.id);
  // Zhuhai's plan cites two State Council papers the seeds do not hold, and the twin notice cites the plan.
  const zhuhai = docByTitle(library, ZHUHAI);
  const cites = reader.documentCitations(zhuhai.id);
  assert.ok(cites);
  assert.ok(cites.unresolved.some((c) => c.text === '国办发〔2015〕46号' && c.kind === 'number'));
  assert.ok(cites.unresolved.some((c) => c.text === '《国务院办公厅关于促进跨境电子商务健康快速发展的指导意见》'));
  const notice = docByTitle(library, '广东省人民政府关于印发中国（珠海）、中国（东莞）跨境电子商务综合试验区实施方案的通知');
  assert.ok(cites.citedBy.some((c) => c.docId === zhuhai.id && c.text === `《${ZHUHAI}》` && library.clause(c.clauseId)?.docId === notice.id));
  for (const c of [...cites.resolved, ...cites.unresolved, ...cites.citedBy]) {
    assert.equal(library.clause(c.clauseId)?.text.slice(c.at[0], c.at[1]), c.text, 'a citation\'s span is its text');
  }
  // The Guangzhou opinion cites the Outline: a citation link, first among the clause's links.
  const toOutline = reader.documentCitations(docByTitle(library, GZ2021A).id)?.resolved.find((c) => c.docId === outline.id);
  assert.ok(toOutline, 'a clause of the seeds cites the Outline by title');
  const [top] = reader.clauseLinks(toOutline.clauseId);
  assert.ok(top);
  assert.equal(top.kind, 'citation');
  assert.equal(top.docId, outline.id);
  assert.equal(top.clauseId, null);
});

test('short titles resolve as the full title they stand for: defined in the document, after its full citation, or one library title\'s ending', () => {
  const outline = docByTitle(library, OUTLINE);
  const opinion = docByTitle(library, GZ2021A);
  // The Guangzhou opinion defines 《规划纲要》 in its first paragraph and cites it so later on.
  const first = library.documentView(opinion.id)?.clauses.find((c) => c.text.includes('（以下简称《规划纲要》）'));
  assert.ok(first, 'the seed defines the short title');
  assert.deepEqual([...shortTitlesIn(first.text)], [['规划纲要', titleKey(OUTLINE)]]);
  const cites = reader.documentCitations(opinion.id);
  const short = cites?.resolved.filter((c) => c.text === '《规划纲要》') ?? [];
  assert.ok(short.length >= 2, 'the definition and the later use');
  assert.ok(short.every((c) => c.docId === outline.id));
  assert.ok(!cites?.unresolved.some((c) => c.text === '《规划纲要》'));
  // Without a definition: after the full title in the same document (two sentences of the seeds).
  const text = '深入推进《粤港澳大湾区发展规划纲要》和省市推进粤港澳大湾区建设系列文件贯彻落实。紧密对接省、市实施《规划纲要》发展目标。';
  const found = citationsIn(text);
  assert.deepEqual(expandShortTitles(found, new Map()), [titleKey(OUTLINE), titleKey(OUTLINE)]);
  // Or the one title of the library it ends after the state's or a place's name (two bench-corpus
  // laws join the seeds); none when two do, when more than a name is left out, or when it is
  // only a kind of document.
  const laws = [
    { id: 'law-a', title: '中华人民共和国治安管理处罚法', docNumber: null },
    { id: 'law-b', title: '浙江省劳动人事争议调解仲裁条例', docNumber: null },
  ];
  const resolver = new CitationResolver([...library.listDocuments(), ...laws]);
  assert.equal(resolver.resolve({ kind: 'title', key: titleKey('治安管理处罚法') }), 'law-a');
  assert.equal(resolver.resolve({ kind: 'title', key: titleKey('劳动人事争议调解仲裁条例') }), 'law-b');
  assert.equal(resolver.resolve({ kind: 'title', key: titleKey('仲裁条例') }), null, 'not every 仲裁条例');
  assert.equal(resolver.resolve({ kind: 'title', key: titleKey('规划纲要') }), null, 'a plan\'s outline, undefined, names none');
  assert.equal(resolver.resolve({ kind: 'title', key: titleKey('跨境电子商务综合试验区实施方案') }), null, 'Zhuhai\'s and Dongguan\'s');
  assert.equal(resolver.resolve({ kind: 'title', key: titleKey('纲要') }), null);
});

test('green finance: the 2025 measures link to the 2021 opinion, the shared words marked in both texts', () => {
  const from = ref(GZ2025, '三（十二）');
  const to = ref(GZ2021A, '二（七）');
  const links = reader.clauseLinks(from);
  const link = links.find((l) => l.clauseId === to);
  assert.ok(link, 'the 2021 clause is among the links');
  assert.ok(link.score > 0 && link.score <= 1);
  assert.ok(link.evidence.terms.some((t) => t.includes('绿色')), link.evidence.terms.join(','));
  const here = library.clause(from)?.text ?? '';
  const there = library.clause(to)?.text ?? '';
  assert.equal(link.evidence.here.length, link.evidence.there.length);
  link.evidence.here.forEach(([s, e], i) => {
    const [s2, e2] = link.evidence.there[i] ?? [0, 0];
    assert.equal(fold(here.slice(s, e)), fold(there.slice(s2, e2)), 'each span reads the same in both texts');
  });
  // Ranked best first, and never inside one document.
  for (let i = 1; i < links.length; i++) assert.ok((links[i - 1]?.score ?? 0) >= (links[i]?.score ?? 0));
  assert.ok(links.every((l) => l.docId !== library.clause(from)?.docId));
});

test('no clause links inside its own document', () => {
  for (const title of [ZHUHAI, OUTLINE, GZ2021B]) {
    const doc = docByTitle(library, title);
    for (const c of library.documentView(doc.id)?.clauses ?? []) {
      for (const l of reader.clauseLinks(c.id)) assert.notEqual(l.docId, doc.id, `${c.citation} → ${l.citation}`);
    }
  }
});

test('reuse: the passage the Guangzhou opinion takes from the Outline, earlier to later, with its diff', () => {
  const later = ref(GZ2021A, '三（十四）');
  const earlier = ref(OUTLINE, '第六章 第三节');
  const link = reader.clauseLinks(later).find((l) => l.clauseId === earlier);
  assert.ok(link);
  assert.equal(link.kind, 'reuse');
  assert.equal(link.direction, 'there→here', 'the Outline (2019) came before the opinion (2021)');
  const text = library.clause(later)?.text ?? '';
  assert.ok(link.evidence.here.some(([s, e]) => text.slice(s, e).includes('跨境人民币拆借、人民币即远期外汇交易业务')));
  const diff = reader.reuseDiff(later, earlier);
  assert.ok(diff);
  assert.equal(diff.from, earlier, 'the earlier clause comes first, whichever was asked first');
  assert.equal(diff.to, later);
  const side = (ops: string[]): string => diff.parts.filter((p) => ops.includes(p.op)).map((p) => p.text).join('');
  assert.equal(side(['same', 'dropped']), library.clause(earlier)?.text);
  assert.equal(side(['same', 'added']), text);
  assert.ok(diff.parts.some((p) => p.op === 'same' && p.text.includes('人民币即远期外汇交易业务')));
});

test('boilerplate does not link: a 指导思想 about commodity markets finds no e-commerce plan', () => {
  const mofcom = ref('商务部等12部门关于推进商品交易市场发展平台经济的指导意见', '一（一）');
  const targets = new Set([ref(ZHUHAI, '一（一）'), ref(DONGGUAN, '一（一）'), ref(GZ2021A, '一（一）')]);
  assert.ok(library.clause(mofcom)?.text.includes('习近平新时代中国特色社会主义思想'));
  assert.deepEqual(reader.clauseLinks(mofcom).filter((l) => l.clauseId && targets.has(l.clauseId)), []);
});

test('compare the Zhuhai and Dongguan plans: their twin clauses side by side, and what each lacks', () => {
  const z = docByTitle(library, ZHUHAI);
  const d = docByTitle(library, DONGGUAN);
  const res = reader.compare(z.id, d.id);
  assert.ok(res);
  const matched = new Set(res.pairs.map((p) => `${p.a}>${p.b}`));
  assert.ok(matched.has(`${ref(ZHUHAI, '第1段')}>${ref(DONGGUAN, '第1段')}`));
  assert.ok(matched.has(`${ref(ZHUHAI, '四')}>${ref(DONGGUAN, '四')}`));
  const twins = SHOULD_LINK.filter((p) => p.from.doc === ZHUHAI && p.to.doc === DONGGUAN);
  const found = twins.filter((p) => matched.has(`${resolveRef(library, p.from)}>${resolveRef(library, p.to)}`));
  assert.ok(found.length >= 7, `${found.length} of ${twins.length} labelled twins are matched`);
  // A measure restated in other words under the same title finds it (完善公共服务平台功能).
  assert.ok(matched.has(`${ref(ZHUHAI, '二（一）1.')}>${ref(DONGGUAN, '三（五）15.')}`));
  // One to one; each clause either matched or listed as the other's lack, once.
  const a = res.pairs.map((p) => p.a);
  const b = res.pairs.map((p) => p.b);
  assert.equal(new Set(a).size, a.length);
  assert.equal(new Set(b).size, b.length);
  assert.deepEqual(a.filter((id) => res.onlyA.includes(id)), []);
  assert.ok(res.onlyA.every((id) => library.clause(id)?.docId === z.id));
  assert.ok(res.onlyB.every((id) => library.clause(id)?.docId === d.id));
  // Dongguan's rail and post tasks have no Zhuhai counterpart.
  assert.ok(res.onlyB.some((id) => library.clause(id)?.text.includes('国际邮件互换局')));
  assert.ok(a.every((id, i) => i === 0 || (library.clause(res.pairs[i - 1]?.a ?? '')?.ord ?? 0) < (library.clause(id)?.ord ?? 0)), 'in A\'s reading order');
});

test('a full run stores each pair of clauses once: as many rows as the links it reports', () => {
  const u = updateLinks(library, { full: true });
  assert.equal(u.full, true);
  assert.ok(u.links > 100);
  assert.equal(library.db.prepare('SELECT count(*) FROM clause_links').pluck().get(), u.links);
  // Retrieval read something for every clause it compared, and scored no more than it touched.
  assert.equal(u.retrieval.clauses, u.clauses);
  assert.ok(u.retrieval.postings > 0 && u.retrieval.scored <= u.retrieval.touched);
});

test('links are computed incrementally as documents arrive, stored, and go with a removed document', () => {
  const { dir, cleanup: done } = tempDir();
  const lib = Library.open(dir);
  try {
    // The Outline's file first (with the manifest that reads it), the others after it.
    const outlineOnly = join(dir, 'first');
    mkdirSync(outlineOnly);
    const last = seedFiles().at(-1) ?? '';
    copyFileSync(last, join(outlineOnly, basename(last)));
    copyFileSync(join(SEEDS, MANIFEST_FILE), join(outlineOnly, MANIFEST_FILE));
    ingestSeeds(lib, outlineOnly);
    const first = updateLinks(lib);
    assert.equal(first.full, true);
    assert.ok(linksUpToDate(dir));
    ingestSeeds(lib);
    assert.equal(linksUpToDate(dir), false);
    const more = updateLinks(lib);
    assert.equal(more.full, false, 'only what arrived is computed');
    assert.equal(more.documents, lib.documentCount() - first.documents);
    assert.ok(linksUpToDate(dir));
    assert.equal(updateLinks(lib).documents, 0, 'nothing to do: nothing is recomputed');
    const r = new LinkReader(lib);
    const later = resolveRef(lib, { doc: GZ2021A, label: '三（十四）' });
    const outlineClause = resolveRef(lib, { doc: OUTLINE, label: '第六章 第三节' });
    assert.ok(r.clauseLinks(later).some((l) => l.clauseId === outlineClause), 'the new clause links to the old');
    assert.ok(r.clauseLinks(outlineClause, 50).some((l) => l.clauseId === later), 'and the old one learns of the new');
    // Removing the Outline takes its links; what cited it is unresolved again.
    const outline = docByTitle(lib, OUTLINE);
    assert.ok(lib.removeDocument(outline.id));
    updateLinks(lib);
    assert.ok(!r.clauseLinks(later).some((l) => l.docId === outline.id));
    const citing = r.documentCitations(docByTitle(lib, GZ2021A).id);
    assert.ok(citing?.unresolved.some((c) => c.text === `《${OUTLINE}》`));
    assert.ok(!citing?.resolved.some((c) => c.docId === outline.id));
  } finally {
    lib.close();
    done();
  }
});
