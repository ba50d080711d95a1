// Briefs made from the seeds as a user would make them, for the export tests, the crash test and
// the bench: excerpts from the national, provincial and city documents, a highlight with a note
// that has bold words and a link to a clause, free text, headings and two sections.

import type { Brief, BriefItemInput, NoteJSON } from '../../shared/api.ts';
import type { EngineApi } from '../../electron/core/api/engine-api.ts';
import type { Library } from '../../electron/core/store/library.ts';
import { docByTitle } from './library.ts';

const text = (t: string): NoteJSON => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: t }] }] });

function clausesOf(library: Library, title: string, n: number): { id: string; text: string }[] {
  return library.clauseTexts(docByTitle(library, title).id).filter((c) => c.text.length > 40).slice(0, n);
}

/** A brief for a meeting comparing what the Outline, the province, Guangzhou, Zhuhai and Dongguan say. */
export async function meetingBrief(engine: EngineApi, library: Library): Promise<Brief> {
  const brief = await engine.createBrief({ title: '粤港澳大湾区金融与跨境电商政策要点', subtitle: '供2026年12月工作会议参阅' });
  const outline = clausesOf(library, '粤港澳大湾区发展规划纲要', 3);
  const gz = clausesOf(library, '广州市关于推进共建粤港澳大湾区国际金融枢纽的实施意见', 2);
  const zh = clausesOf(library, '中国（珠海）跨境电子商务综合试验区实施方案', 2);
  const dg = clausesOf(library, '中国（东莞）跨境电子商务综合试验区实施方案', 2);
  const [o1, o2, o3] = outline;
  if (!o1 || !o2 || !o3) throw new Error('the Outline has too few clauses');
  const hl = await engine.createAnnotation({
    kind: 'highlight', color: 'yellow', targets: [{ clauseId: o2.id, quote: o2.text.slice(0, 30) }],
    note: { type: 'doc', content: [{ type: 'paragraph', content: [
      { type: 'text', text: '与广州的实施意见' },
      { type: 'text', marks: [{ type: 'strong' }], text: '相互衔接' },
      { type: 'text', text: '，见' },
      { type: 'text', marks: [{ type: 'clause_link', attrs: { clauseId: gz[0]?.id ?? o1.id } }], text: '广州实施意见' },
      { type: 'text', text: '。' },
    ] }] },
    tags: ['金融'],
  });
  const first = brief.sections[0]?.id;
  await engine.updateBriefSection(brief.id, first ?? '', '国家层面的总体要求');
  await engine.addToBrief(brief.id, [
    { kind: 'text', note: text('纲要对大湾区金融合作和跨境贸易提出了总体要求，摘要如下。') },
    { kind: 'clause', clauseId: o1.id },
    { kind: 'annotation', annotationId: hl.id },
    { kind: 'clause', clauseId: o3.id, quote: o3.text.slice(0, 40), color: 'blue' },
  ]);
  const local = await engine.addBriefSection(brief.id, '各地落实情况');
  const local_items: BriefItemInput[] = [
    { kind: 'heading', text: '广州市' },
    ...gz.map((c): BriefItemInput => ({ kind: 'clause', clauseId: c.id, quote: c.text.slice(0, 50), color: 'green' })),
    { kind: 'heading', text: '珠海市与东莞市' },
    ...zh.map((c): BriefItemInput => ({ kind: 'clause', clauseId: c.id })),
    ...dg.map((c): BriefItemInput => ({ kind: 'clause', clauseId: c.id, note: text('东莞与珠海方案结构相同，可逐条对照。') })),
  ];
  const { brief: done } = await engine.addToBrief(brief.id, local_items, { sectionId: local.id });
  return done;
}

/** A brief of `n` whole-clause excerpts taken in library order, for the bench and the crash test. */
export async function largeBrief(engine: EngineApi, library: Library, n: number): Promise<Brief> {
  const brief = await engine.createBrief({ title: `${n}条摘录` });
  const ids = library.listDocuments().flatMap((d) => library.clauseTexts(d.id).filter((c) => c.text.length > 20).map((c) => c.id));
  const items: BriefItemInput[] = Array.from({ length: n }, (_, i) => ({ kind: 'clause', clauseId: ids[i % ids.length] ?? '', color: i % 3 === 0 ? 'yellow' : null }));
  let out = brief;
  for (let i = 0; i < items.length; i += 500) out = (await engine.addToBrief(brief.id, items.slice(i, i + 500))).brief;
  return out;
}
