// The command line's annotation commands: annotate a clause, list annotations, export and import
// them as W3C Web Annotation JSON-LD, back the user data up and restore it. The user data is
// opened only by the commands that need it.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Annotation } from '../../../shared/anchoring/annotation.ts';
import { COLORS, isColor } from '../../../shared/anchoring/annotation.ts';
import { noteFromText } from '../../../shared/notes/note.ts';
import {
  backupUserData, clauseSnapshot, exportAnnotations, importAnnotations, openUserData, reanchorDocuments,
  restoreUserData, USER_DATA_FILE, type AnnotationFilter, type AnnotationStore,
} from '../annotations/index.ts';
import type { CommandContext } from './usage.ts';
import { CommandError } from './usage.ts';

/** The user data of a library's folder, for the length of `f`. */
function withUserData<T>(ctx: CommandContext, f: (store: AnnotationStore) => T): T {
  const { store, notices } = openUserData(ctx.dataDir);
  for (const n of notices) ctx.err(`clauseway: ${n}\n`);
  try {
    return f(store);
  } finally {
    store.close();
  }
}

interface Listed {
  id: string;
  kind: Annotation['kind'];
  clauseId: string | null;
  docId: string;
  quote: string;
  citation: string;
  color: Annotation['color'];
  note: string;
  tags: string[];
  status: Annotation['status'];
  created: string;
  updated: string;
}

/** An annotation as the command line lists it: one line of facts, the note as plain text. */
function listed(a: Annotation): Listed {
  const first = a.targets[0];
  return {
    id: a.id,
    kind: a.kind,
    clauseId: first?.clauseId ?? null,
    docId: a.docId,
    quote: a.targets.map((t) => t.quote.exact).join(''),
    citation: first?.citation ?? a.docTitle,
    color: a.color,
    note: a.noteText,
    tags: a.tags,
    status: a.status,
    created: a.created,
    updated: a.updated,
  };
}

function colorOf(value: string | undefined): Annotation['color'] & string {
  const color = value ?? 'yellow';
  if (!isColor(color)) throw new CommandError(`--color must be one of ${COLORS.join(', ')}, not "${color}"`);
  return color;
}

/** Runs an annotation command; null when `command` is not one. */
export function runAnnotationCommand(command: string, args: string[], ctx: CommandContext): number | null {
  const { options } = ctx;
  switch (command) {
    case 'annotate': {
      const [clauseId, ...more] = args;
      if (!clauseId || more.length > 0) throw new CommandError('usage: clauseway annotate CLAUSE_ID --quote TEXT');
      if (!options.quote) throw new CommandError('annotate needs --quote TEXT: the words to highlight, as the clause prints them');
      const at = options.at === undefined ? undefined : Number(options.at);
      if (at !== undefined && (!Number.isInteger(at) || at < 0)) throw new CommandError(`--at must be an offset in the clause's text (0 or more), not "${options.at ?? ''}"`);
      const color = colorOf(options.color);
      const clause = clauseSnapshot(ctx.library, clauseId);
      const made = withUserData(ctx, (store) =>
        store.create({
          kind: 'highlight',
          color,
          targets: [{ clause, quote: options.quote ?? '', ...(at === undefined ? {} : { at }) }],
          note: options.note === undefined ? null : noteFromText(options.note).toJSON(),
          tags: options.tag ?? [],
        }),
      );
      ctx.print({ id: made.id }, () => `${made.id}  ${clause.citation}  “${made.targets[0]?.quote.exact ?? ''}”\n`);
      return 0;
    }
    case 'annotations': {
      const [sub, ...rest] = args;
      if (sub === 'export') {
        if (rest.length > 0 || !options.out) throw new CommandError('usage: clauseway annotations export --out FILE');
        const out = options.out;
        const done = withUserData(ctx, (store) => exportAnnotations(store, out));
        ctx.print(done, () => `${done.count} annotations written to ${done.file}\n`);
        return 0;
      }
      if (sub === 'import') {
        const [file, ...extra] = rest;
        if (!file || extra.length > 0) throw new CommandError('usage: clauseway annotations import FILE');
        const report = withUserData(ctx, (store) => {
          const r = importAnnotations(store, file);
          reanchorDocuments(store, ctx.library, r.docIds);
          return r;
        });
        for (const s of report.skipped) ctx.err(`clauseway: ${file}: annotation ${s.index + 1}${s.id ? ` (${s.id})` : ''} skipped: ${s.problem}\n`);
        ctx.print(report, () => `${report.added} added, ${report.updated} updated, ${report.unchanged} unchanged, ${report.skipped.length} skipped\n`);
        return 0;
      }
      if (sub !== undefined) throw new CommandError(`unknown annotations command "${sub}" (export or import)`);
      const filter: AnnotationFilter = {};
      if (options.doc) filter.docId = options.doc;
      if (options.tag?.[0]) filter.tag = options.tag[0];
      if (options.color) filter.color = colorOf(options.color);
      if (options.status) {
        if (options.status !== 'anchored' && options.status !== 'orphan') throw new CommandError(`--status must be anchored or orphan, not "${options.status}"`);
        filter.status = options.status;
      }
      const found = existsSync(join(ctx.dataDir, USER_DATA_FILE)) ? withUserData(ctx, (store) => store.list(filter)) : [];
      const rows = found.map(listed);
      const line = (r: Listed): string => `${r.id}  ${r.status}  ${r.color ?? '—'}  ${r.citation}  “${r.quote}”${r.note ? `  ${r.note.replace(/\n/g, ' / ')}` : ''}`;
      ctx.print(rows, () => rows.map(line).join('\n') + (rows.length ? '\n' : ''));
      return 0;
    }
    case 'backup': {
      if (args.length > 0) throw new CommandError('usage: clauseway backup');
      const file = withUserData(ctx, (store) => backupUserData(store));
      ctx.print({ backup: file }, () => `user data backed up to ${file}\n`);
      return 0;
    }
    case 'restore': {
      const [file, ...extra] = args;
      if (!file || extra.length > 0) throw new CommandError('usage: clauseway restore FILE');
      const { store, notices } = openUserData(ctx.dataDir);
      let restored;
      try {
        restored = restoreUserData(store, file);
      } catch (e) {
        store.close();
        throw e;
      }
      restored.store.close();
      for (const n of restored.notices.slice(1)) ctx.err(`clauseway: ${n}\n`);
      for (const n of notices) ctx.err(`clauseway: ${n}\n`);
      ctx.print({ restored: file, aside: restored.aside }, () => `${restored.notices[0] ?? `restored ${file}`}\n`);
      return 0;
    }
    default:
      return null;
  }
}

/**
 * After an import or a removal: the annotations on the documents it touched are placed again, if
 * this library has user data at all. Says what moved or became an orphan.
 */
export function reanchorAfter(ctx: CommandContext, docIds: readonly string[]): void {
  if (docIds.length === 0 || !existsSync(join(ctx.dataDir, USER_DATA_FILE))) return;
  const reports = withUserData(ctx, (store) => reanchorDocuments(store, ctx.library, docIds));
  const sum = (k: 'annotations' | 'moved' | 'orphaned' | 'recovered'): number => reports.reduce((n, r) => n + r[k], 0);
  if (sum('annotations') > 0) {
    ctx.err(`annotations: ${sum('annotations')} on the documents imported placed again; ${sum('moved')} moved, ${sum('orphaned')} became orphans, ${sum('recovered')} found again (see: clauseway annotations --status orphan)\n`);
  }
}

