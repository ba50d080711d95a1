// The `clauseway` command line: the engine without a window. Options may stand before or after the
// subcommand. Errors go to stderr, naming the file and the problem, with a non-zero exit.

import { parseArgs } from 'node:util';
import { MESSAGES, queryProblemText } from '../../../shared/i18n.ts';
import type { DocumentSummary, DocumentVersion, HistoryEvent, OutlineNode } from '../../../shared/types.ts';
import { AnnotationError } from '../annotations/errors.ts';
import { IngestError } from '../ingest/errors.ts';
import { dashedFileProblem } from './dashed-names.ts';
import { ANNOTATION_USAGE, BRIEF_USAGE, CommandError, IMPORT_USAGE, LINK_USAGE, type CommandContext } from './usage.ts';
import { defaultDataDir } from '../paths.ts';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { DatabaseError, describeSqliteError } from '../store/database.ts';
import { DATABASE_FILE, Library, type IngestOutcome } from '../store/library.ts';

const USAGE = `Usage: clauseway [--data DIR] [--json] <command> [args]

Commands:
  ingest [FILE|DIR…] import files, and the text, Markdown, HTML and Word files in folders
                     (the bundled seeds when none is given)
  docs               list the documents in the library
  doc DOC_ID         one document: its metadata, history lines and versions in the library
  outline DOC_ID     the clause tree of a document
  clause CLAUSE_ID   one clause: text, citation, responsible units
  find TEXT          every clause whose text contains TEXT exactly
  search QUERY       ranked search: terms must all occur, "quoted phrases" exactly, A OR B, -word left out;
                     filters also in the query (alone, they list their clauses):
                     jurisdiction:珠海市 level:city kind:policy year:2018-2021 unit:市商务局
  remove DOC_ID      remove a document from the library (its annotations stay, as orphans)
${ANNOTATION_USAGE}
${BRIEF_USAGE}
${LINK_USAGE}
${IMPORT_USAGE}

Options:
  --data DIR   where the library lives (default: $CLAUSEWAY_DATA, else the app's data folder)
  --json       machine-readable output
  --limit N, --jurisdiction X, --level L, --kind K, --year Y[-Y], --doc ID   (search)
  --quote, --color, --note, --tag, --at, --out, --status, --doc   (annotations)
  --format, --annotation, --subtitle, --section, --out   (briefs)
  --limit N (related), --why TEXT (link)
  --title, --issuer, --date, --doc-number, --valid-until, --reset   (correct)
  -h, --help   this help
`;

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  env: NodeJS.ProcessEnv;
}

class UsageError extends Error {}

function describeOutcome(o: IngestOutcome): string {
  const what = `${o.documents} document${o.documents === 1 ? '' : 's'}, ${o.clauses} clauses`;
  return o.status === 'unchanged' ? `unchanged ${o.source} (${what})` : `${o.status} ${o.source}: ${what}`;
}

const HISTORY_WORDS: Record<HistoryEvent['kind'], string> = {
  adopted: '通过', approved: '批准', amended: '修正', revised: '修订', promulgated: '公布', effective: '施行',
};
const VERSION_WORDS: Record<DocumentVersion['status'], string> = {
  current: '现行有效', upcoming: '尚未施行', superseded: '已被修改', expired: '已失效',
};

function docText(d: DocumentSummary, history: HistoryEvent[], versions: DocumentVersion[]): string {
  const lines = [
    d.title,
    ...[['发布机关', d.issuer], ['日期', d.date], ['施行', d.effective], ['文号', d.docNumber], ['有效期至', d.validUntil]]
      .flatMap(([k, v]) => (v ? [`  ${k ?? ''}: ${v}`] : [])),
    ...history.map((e) => `  ${e.date} ${e.body ?? ''}${HISTORY_WORDS[e.kind]}`),
    ...versions.map((v) => `  ${v.id === d.id ? '*' : ' '} ${v.id}  ${(v.date ?? v.effective ?? '—').padEnd(10)}  ${VERSION_WORDS[v.status]}`),
  ];
  return lines.join('\n') + '\n';
}

function outlineText(nodes: OutlineNode[], depth = 0): string[] {
  return nodes.flatMap((n) => {
    const name = [n.label, n.heading].filter(Boolean).join(' ') || `(${n.kind})`;
    return [`${'  '.repeat(depth)}${name}  [${n.id}]`, ...outlineText(n.children, depth + 1)];
  });
}

/**
 * Runs one command. Each loads only what it needs (the ingest pipeline, the user data): a listing
 * should not pay for the parsers.
 */
export async function run(argv: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        data: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        limit: { type: 'string' },
        jurisdiction: { type: 'string' },
        level: { type: 'string' },
        kind: { type: 'string' },
        year: { type: 'string' },
        doc: { type: 'string' },
        quote: { type: 'string' },
        color: { type: 'string' },
        note: { type: 'string' },
        tag: { type: 'string', multiple: true },
        at: { type: 'string' },
        out: { type: 'string' },
        status: { type: 'string' },
        // briefs (issue 14)
        format: { type: 'string' },
        annotation: { type: 'string', multiple: true },
        subtitle: { type: 'string' },
        section: { type: 'string' },
        why: { type: 'string' },
        // import (issue 15): correct
        title: { type: 'string' },
        issuer: { type: 'string' },
        date: { type: 'string' },
        'doc-number': { type: 'string' },
        'valid-until': { type: 'string' },
        reset: { type: 'string', multiple: true },
      },
    });
  } catch (e) {
    const dashed = dashedFileProblem(argv);
    io.err(dashed === null ? `clauseway: ${(e as Error).message}\n\n${USAGE}` : `clauseway: ${dashed}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...args] = positionals;
  if (values.help || !command) {
    (values.help ? io.out : io.err)(USAGE);
    return values.help ? 0 : 2;
  }
  const json = values.json;
  const print = (data: unknown, text: () => string): void => {
    io.out(json ? `${JSON.stringify(data, null, 2)}\n` : text());
  };
  const dataDir = values.data ?? defaultDataDir(io.env);

  let library: Library | null = null;
  try {
    library = Library.open(dataDir);
    const ctx: CommandContext = { library, dataDir, options: values, print, err: io.err, env: io.env };
    switch (command) {
      case 'ingest':
      case 'import': {
        const { expandPaths, ingestSeeds } = await import('../ingest/ingest-files.ts');
        const { ingestMany } = await import('../ingest/batch.ts');
        const { reanchorAfter } = await import('./annotations.ts');
        const { correctAfter } = await import('./import.ts');
        // A file that fails is reported (in English) and the rest of the list goes on; --json lists
        // it too, after the files read, with the reason's code and values (shared/api.ts).
        const refused: { source: string; status: 'refused'; reason: string; code: string; params: Record<string, string | number> }[] = [];
        const outcomes: IngestOutcome[] = args.length === 0
          ? ingestSeeds(library)
          : await ingestMany(library, expandPaths(args).map((path) => ({ path })), {
            onError: (path, e) => {
              const why = e instanceof IngestError ? e.why : { code: 'other', params: {} };
              refused.push({ source: path, status: 'refused', reason: e instanceof IngestError ? e.problem : e.message, ...why });
              io.err(`clauseway: ${e.message}\n`);
            },
          });
        for (const o of outcomes) for (const w of o.warnings) io.err(`warning: ${o.source}: ${w}\n`);
        // The user's corrections go back on what was read again; then the links of what arrived (and
        // of what it resolves), before annotations and links are placed again.
        correctAfter(ctx, outcomes.flatMap((o) => o.docIds));
        const { updateLinks } = await import('../links/index.ts');
        updateLinks(library);
        reanchorAfter(ctx, outcomes.flatMap((o) => o.docIds));
        // Bring the stored Lunr shards up to date now, so that the next start loads them as they are.
        library.openSearcher();
        print([...outcomes, ...refused], () => outcomes.map(describeOutcome).join('\n') + (outcomes.length ? '\n' : ''));
        return refused.length > 0 ? 1 : 0;
      }
      case 'docs': {
        const { markCorrected } = await import('./import.ts');
        const docs = markCorrected(ctx, library.listDocuments());
        print(docs, () =>
          docs.map((d) => [d.id, (d.date ?? '—').padEnd(10), `${d.jurisdiction}(${d.level})`, d.kind.padEnd(6), String(d.clauseCount).padStart(4), d.title].join('  ')).join('\n') + '\n',
        );
        return 0;
      }
      case 'doc': {
        const id = one(args, 'doc DOC_ID');
        const view = library.documentView(id);
        if (!view) throw new UsageError(`no document with id ${id} (see: clauseway docs)`);
        const { summary, history, versions } = view;
        print({ ...summary, history, versions }, () => docText(summary, history, versions));
        return 0;
      }
      case 'outline': {
        const id = one(args, 'outline DOC_ID');
        const tree = library.outline(id);
        if (!tree) throw new UsageError(`no document with id ${id} (see: clauseway docs)`);
        print(tree, () => outlineText(tree).join('\n') + '\n');
        return 0;
      }
      case 'clause': {
        const id = one(args, 'clause CLAUSE_ID');
        const c = library.clauseFollowingAliases(id);
        if (!c) throw new UsageError(`no clause with id ${id}`);
        const { id: cid, docId, label, heading, text, citation, units, redirect } = c;
        print({ id: cid, docId, label, heading, text, citation, units, ...(redirect ? { redirectedFrom: redirect.from, redirect: redirect.reason } : {}) }, () => {
          const unitLines = units.length ? `\n${units.map((u) => `  ${u.role}: ${u.name}`).join('\n')}` : '';
          const note = redirect
            ? `(${redirect.from} was retired by a re-import: ${redirect.reason === 'moved' ? 'its text is in this clause now' : 'its text was removed; this clause stood before it'})\n`
            : '';
          return `${note}${citation}\n\n${text}\n${unitLines}\n`;
        });
        return 0;
      }
      case 'find': {
        const text = args.join(' ');
        if (!text) throw new UsageError('find needs the text to look for');
        const hits = library.find(text);
        print(hits, () => hits.map((h) => `${h.id}  ${h.label}  ${h.text.length > 80 ? h.text.slice(0, 80) + '…' : h.text}`).join('\n') + '\n');
        return 0;
      }
      case 'search': {
        const query = args.join(' ');
        const limit = values.limit === undefined ? 20 : Number(values.limit);
        if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit must be a positive whole number, not "${values.limit ?? ''}"`);
        // Flags are the same filters as in the query text; the query text wins where both are given.
        const flags = [values.jurisdiction && `jurisdiction:${values.jurisdiction}`, values.level && `level:${values.level}`, values.kind && `kind:${values.kind}`, values.year && `year:${values.year}`, values.doc && `doc:${values.doc}`];
        if (!query && !flags.some(Boolean)) throw new UsageError('search needs a query or a filter');
        const searcher = library.openSearcher();
        const res = searcher.search([...flags.filter(Boolean), query].join(' '), { limit, count: !json });
        for (const p of res.problems) io.err(`clauseway: ${queryProblemText(MESSAGES.en, p)}\n`);
        if (res.problems.length > 0) return 2;
        const hits = res.hits.map((h) => ({ clauseId: h.clauseId, docId: h.docId, score: h.score, snippet: h.snippet }));
        print(hits, () => `${res.total ?? res.hits.length} clauses match; the best ${res.hits.length}:\n` + res.hits.map((h) => `${h.clauseId}  ${h.citation}\n    ${h.snippet.replace(/<\/?mark>/g, '**')}`).join('\n') + '\n');
        return 0;
      }
      case 'remove': {
        const id = one(args, 'remove DOC_ID');
        if (!library.removeDocument(id)) throw new UsageError(`no document with id ${id} (see: clauseway docs)`);
        // Its links went with its clauses; what cited it is unresolved now.
        const { updateLinks } = await import('../links/index.ts');
        updateLinks(library);
        const { reanchorAfter } = await import('./annotations.ts');
        reanchorAfter(ctx, [id]);
        library.openSearcher();
        print({ removed: id }, () => `removed ${id}\n`);
        return 0;
      }
      case 'correct': {
        const { runCorrect } = await import('./import.ts');
        return runCorrect(args, ctx, values);
      }
      // briefs (issue 14)
      case 'brief': {
        const { runBriefCommand } = await import('./briefs.ts');
        return await runBriefCommand(args, ctx);
      }
      default: {
        const { runLinkCommand } = await import('./links.ts');
        const linked = runLinkCommand(command, args, ctx, { limit: values.limit, why: values.why });
        if (linked !== null) return linked;
        const { runAnnotationCommand } = await import('./annotations.ts');
        const code = runAnnotationCommand(command, args, ctx);
        if (code === null) throw new UsageError(`unknown command "${command}"`);
        return code;
      }
    }
  } catch (e) {
    if (e instanceof UsageError || e instanceof CommandError) {
      io.err(`clauseway: ${e.message}\n`);
      return 2;
    }
    if (e instanceof IngestError || e instanceof DatabaseError || e instanceof AnnotationError) {
      io.err(`clauseway: ${e.message}\n`);
      return 1;
    }
    // SQLite's own errors never reach a user raw: name the library and say what to do.
    if (e instanceof Database.SqliteError) {
      io.err(`clauseway: ${describeSqliteError(join(dataDir, DATABASE_FILE), e).message}\n`);
      return 1;
    }
    throw e;
  } finally {
    library?.close();
  }
}

function one(args: string[], usage: string): string {
  const [first, ...more] = args;
  if (!first || more.length > 0) throw new UsageError(`usage: clauseway ${usage}`);
  return first;
}
