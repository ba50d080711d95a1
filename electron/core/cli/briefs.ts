// `clauseway brief …`: make a brief, add clauses and annotations to it, list and show briefs, and
// export one to DOCX, PDF, HTML or Markdown, written atomically at --out.

import { resolve } from 'node:path';
import type { Annotation } from '../../../shared/anchoring/annotation.ts';
import { COLORS, isColor } from '../../../shared/anchoring/annotation.ts';
import type { AnnotationQuery, Brief, BriefFormat, BriefItemInput } from '../../../shared/api.ts';
import { openUserData, type AnnotationStore } from '../annotations/index.ts';
import { BriefService } from '../briefs/service.ts';
import { citationLine, numberedSections } from '../briefs/export/model.ts';
import { chromiumPdf } from '../briefs/export/pdf.ts';
import { CommandError, type CommandContext } from './usage.ts';

const FORMATS: readonly BriefFormat[] = ['docx', 'pdf', 'html', 'md'];
const CLAUSE_ID = /^[0-9a-f]{12}-[0-9a-f]{10}$/;

/** The command line lists annotations by what the store knows; the rest needs the app's filter. */
function storeListing(store: AnnotationStore): (q: AnnotationQuery) => Annotation[] {
  return ({ jurisdiction, yearFrom, yearTo, text, ...filter }) => {
    if (jurisdiction !== undefined || yearFrom !== undefined || yearTo !== undefined || text !== undefined) {
      throw new CommandError('the command line selects annotations by --tag and --color');
    }
    return store.list(filter);
  };
}

async function withBriefs<T>(ctx: CommandContext, f: (briefs: BriefService) => T | Promise<T>): Promise<T> {
  const { store, notices } = openUserData(ctx.dataDir);
  for (const n of notices) ctx.err(`clauseway: ${n}\n`);
  try {
    return await f(new BriefService(ctx.library, store, storeListing(store), { printToPdf: chromiumPdf({ ...process.env, ...ctx.env }) }));
  } finally {
    store.close();
  }
}

function showText(b: Brief): string {
  const lines = [`${b.title}${b.subtitle ? `\n${b.subtitle}` : ''}  [${b.id}]`];
  for (const s of numberedSections(b)) {
    if (s.heading) lines.push('', s.heading);
    for (const { item, number } of s.items) {
      if (item.kind === 'heading') lines.push(`${number}${item.text}`);
      else if (item.kind === 'text') lines.push('  （文字）');
      else lines.push(`  “${item.quote.length > 60 ? `${item.quote.slice(0, 60)}…` : item.quote}”`, `    ——${citationLine(item.citation)}${item.status === 'current' ? '' : `  [${item.status}]`}  ${item.link}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Runs `brief SUB …`. */
export async function runBriefCommand(args: string[], ctx: CommandContext): Promise<number> {
  const [sub, ...rest] = args;
  const { options } = ctx;
  switch (sub) {
    case 'create': {
      const title = rest.join(' ').trim();
      if (!title) throw new CommandError('usage: clauseway brief create TITLE [--subtitle TEXT]');
      const b = await withBriefs(ctx, (briefs) => briefs.create({ title, subtitle: options.subtitle ?? null }));
      ctx.print({ id: b.id }, () => `${b.id}  ${b.title}\n`);
      return 0;
    }
    case 'add': {
      const [id, ...clauseIds] = rest;
      const annotations = options.annotation ?? [];
      const byFilter = options.tag !== undefined || options.color !== undefined;
      if (!id || (clauseIds.length === 0 && annotations.length === 0 && !byFilter)) {
        throw new CommandError('usage: clauseway brief add BRIEF_ID CLAUSE_ID… [--annotation ID]… [--tag T] [--color C] [--quote TEXT] [--section ID]');
      }
      const bad = clauseIds.find((c) => !CLAUSE_ID.test(c));
      if (bad !== undefined) throw new CommandError(`"${bad}" is not a clause id (see: clauseway outline DOC_ID); give annotations with --annotation ID`);
      if (options.quote !== undefined && clauseIds.length !== 1) throw new CommandError('--quote takes words of one clause: give exactly one CLAUSE_ID with it');
      const color = options.color;
      if (color !== undefined && !isColor(color)) throw new CommandError(`--color must be one of ${COLORS.join(', ')}, not "${color}"`);
      const items: BriefItemInput[] = [
        ...clauseIds.map((clauseId): BriefItemInput => ({ kind: 'clause', clauseId, ...(options.quote === undefined ? {} : { quote: options.quote }) })),
        ...annotations.map((annotationId): BriefItemInput => ({ kind: 'annotation', annotationId })),
        ...(byFilter ? [{ kind: 'annotations' as const, query: { ...(options.tag?.[0] ? { tag: options.tag[0] } : {}), ...(color ? { color } : {}) } }] : []),
      ];
      const done = await withBriefs(ctx, (briefs) => briefs.add(id, items, options.section === undefined ? {} : { sectionId: options.section }));
      ctx.print({ id, added: done.added }, () => `${done.added.length} added to ${done.brief.title} (${done.brief.excerptCount} excerpts)\n`);
      return 0;
    }
    case 'list': {
      if (rest.length > 0) throw new CommandError('usage: clauseway brief list');
      const list = await withBriefs(ctx, (briefs) => briefs.list());
      ctx.print(list, () => list.map((b) => `${b.id}  ${b.updated.slice(0, 10)}  ${String(b.excerptCount).padStart(3)} excerpts  ${b.title}`).join('\n') + (list.length ? '\n' : ''));
      return 0;
    }
    case 'show': {
      const [id, ...more] = rest;
      if (!id || more.length > 0) throw new CommandError('usage: clauseway brief show BRIEF_ID');
      const b = await withBriefs(ctx, (briefs) => briefs.get(id));
      if (!b) throw new CommandError(`no brief has the id ${id} (see: clauseway brief list)`);
      ctx.print(b, () => showText(b));
      return 0;
    }
    case 'export': {
      const [id, ...more] = rest;
      const format = options.format as BriefFormat | undefined;
      if (!id || more.length > 0 || !options.out || format === undefined) throw new CommandError('usage: clauseway brief export BRIEF_ID --format docx|pdf|html|md --out FILE');
      if (!FORMATS.includes(format)) throw new CommandError(`--format must be one of ${FORMATS.join(', ')}, not "${format}"`);
      const path = resolve(options.out);
      const done = await withBriefs(ctx, (briefs) => briefs.export({ id, format, path }));
      ctx.print({ path: done.path, format, size: done.size }, () => `${format.toUpperCase()} written to ${path} (${done.size} bytes)\n`);
      return 0;
    }
    default:
      throw new CommandError(`unknown brief command "${sub ?? ''}" (create, add, list, show or export)`);
  }
}
