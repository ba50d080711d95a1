// The `clauseway` command line: the engine without a window. Options may stand before or after the
// subcommand. Errors go to stderr, naming the file and the problem, with a non-zero exit.

import { parseArgs } from 'node:util';
import type { OutlineNode } from '../../../shared/types.ts';
import { IngestError } from '../ingest/errors.ts';
import { ingestFile, ingestSeeds } from '../ingest/ingest-files.ts';
import { defaultDataDir } from '../paths.ts';
import { DatabaseError } from '../store/database.ts';
import { Library, type IngestOutcome } from '../store/library.ts';

const USAGE = `Usage: clauseway [--data DIR] [--json] <command> [args]

Commands:
  ingest [FILE…]     import files (the bundled seeds when none is given)
  docs               list the documents in the library
  outline DOC_ID     the clause tree of a document
  clause CLAUSE_ID   one clause: text, citation, responsible units
  find TEXT          every clause whose text contains TEXT exactly

Options:
  --data DIR   where the library lives (default: $CLAUSEWAY_DATA, else the app's data folder)
  --json       machine-readable output
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

function outlineText(nodes: OutlineNode[], depth = 0): string[] {
  return nodes.flatMap((n) => {
    const name = [n.label, n.heading].filter(Boolean).join(' ') || `(${n.kind})`;
    return [`${'  '.repeat(depth)}${name}  [${n.id}]`, ...outlineText(n.children, depth + 1)];
  });
}

export function run(argv: string[], io: Io): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { data: { type: 'string' }, json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
    });
  } catch (e) {
    io.err(`clauseway: ${(e as Error).message}\n\n${USAGE}`);
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
    switch (command) {
      case 'ingest': {
        const outcomes: IngestOutcome[] = [];
        let failed = 0;
        if (args.length === 0) {
          outcomes.push(...ingestSeeds(library));
        } else {
          for (const file of args) {
            try {
              outcomes.push(ingestFile(library, file));
            } catch (e) {
              if (!(e instanceof IngestError)) throw e;
              failed++;
              io.err(`clauseway: ${e.message}\n`);
            }
          }
        }
        for (const o of outcomes) for (const w of o.warnings) io.err(`warning: ${o.source}: ${w}\n`);
        print(outcomes, () => outcomes.map(describeOutcome).join('\n') + (outcomes.length ? '\n' : ''));
        return failed > 0 ? 1 : 0;
      }
      case 'docs': {
        const docs = library.listDocuments();
        print(docs, () =>
          docs.map((d) => [d.id, (d.date ?? '—').padEnd(10), `${d.jurisdiction}(${d.level})`, d.kind.padEnd(6), String(d.clauseCount).padStart(4), d.title].join('  ')).join('\n') + '\n',
        );
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
        const c = library.clause(id);
        if (!c) throw new UsageError(`no clause with id ${id}`);
        const { id: cid, docId, label, heading, text, citation, units } = c;
        print({ id: cid, docId, label, heading, text, citation, units }, () => {
          const unitLines = units.length ? `\n${units.map((u) => `  ${u.role}: ${u.name}`).join('\n')}` : '';
          return `${citation}\n\n${text}\n${unitLines}\n`;
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
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`clauseway: ${e.message}\n`);
      return 2;
    }
    if (e instanceof IngestError || e instanceof DatabaseError) {
      io.err(`clauseway: ${e.message}\n`);
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
