// The briefs bench: a brief of 200 excerpts (whole clauses of the seeds, every third highlighted,
// every fifth with a note) exported to each format, median of three, beside a baseline in the
// same run: the brief read and written as JSON through the same atomic writer, and, for PDF,
// Chromium printing a page of one line. Target: each format within 5 s. PDF is measured when a
// Chromium is installed.

import { join } from 'node:path';
import { chromiumPdf, findChromium } from '../../electron/core/briefs/export/pdf.ts';
import { writeExportAtomic } from '../../electron/core/briefs/export/write.ts';
import { ingestSeeds } from '../../electron/core/ingest/ingest-files.ts';
import { Library } from '../../electron/core/store/library.ts';
import type { BriefFormat, BriefItemInput } from '../../shared/api.ts';
import { engineOver, tempDir } from '../helpers/library.ts';

const EXCERPTS = 200;
const TARGET_MS = 5000;

async function median(runs: number, f: () => Promise<unknown>): Promise<number> {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await f();
    ms.push(performance.now() - t);
  }
  return ms.sort((a, b) => a - b)[Math.floor(runs / 2)] ?? 0;
}

export async function briefsReport(): Promise<string> {
  const { dir, cleanup } = tempDir('clauseway-bench-briefs-');
  const library = Library.open(dir);
  const { engine, close } = engineOver(library, dir);
  try {
    ingestSeeds(library);
    const ids = library.listDocuments().flatMap((d) => library.clauseTexts(d.id).filter((c) => c.text.length > 20).map((c) => c.id));
    const note = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '此条须与各市措施对照。' }] }] };
    const items: BriefItemInput[] = Array.from({ length: EXCERPTS }, (_, i) => ({
      kind: 'clause', clauseId: ids[(i * 3) % ids.length] ?? '', color: i % 3 === 0 ? 'yellow' : null, note: i % 5 === 0 ? note : null,
    }));
    const brief = await engine.createBrief({ title: `${EXCERPTS}条摘录的简报` });
    await engine.addToBrief(brief.id, items);
    const rows: string[] = [];
    const baseline = await median(3, async () => {
      const b = await engine.getBrief(brief.id);
      writeExportAtomic(join(dir, 'brief.json'), new TextEncoder().encode(JSON.stringify(b)));
    });
    rows.push(`| read the brief and write it as JSON (baseline) | ${baseline.toFixed(0)} | | 1 | | |`);
    const formats: BriefFormat[] = ['html', 'md', 'docx', ...(findChromium() === null ? [] : ['pdf' as const])];
    for (const format of formats) {
      let size = 0;
      const ms = await median(3, async () => {
        size = (await engine.exportBrief({ id: brief.id, format, path: join(dir, `brief.${format}`) })).size;
      });
      rows.push(`| export to ${format.toUpperCase()} | ${ms.toFixed(0)} | ${(size / 1024).toFixed(0)} | ${(ms / baseline).toFixed(1)} | ≤ ${TARGET_MS / 1000} s | ${ms <= TARGET_MS ? 'met' : 'not met'} |`);
    }
    if (formats.includes('pdf')) {
      // What any PDF costs here: Chromium starting and printing a page of one line.
      const print = chromiumPdf();
      const empty = await median(3, () => print('<!DOCTYPE html><html lang="zh-CN"><body><p>空白页</p></body></html>'));
      rows.push(`| Chromium printing a one-line page (the PDF's fixed cost) | ${empty.toFixed(0)} | | ${(empty / baseline).toFixed(1)} | | |`);
    } else rows.push('| export to PDF | (no Chromium installed: not measured) | | | | |');
    return [`Briefs (${EXCERPTS} excerpts, median of 3)`, '', '| step | ms | KB | × baseline | target | |', '|---|---|---|---|---|---|', ...rows].join('\n');
  } finally {
    close();
    library.close();
    cleanup();
  }
}
