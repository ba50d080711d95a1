// The command line's link commands (issue 13): a clause's links, two documents compared, and the
// reader's own links. The computed links are read from the library; manual links are user data,
// opened only by the commands that need them.

import type { ClauseLink } from '../../../shared/api.ts';
import { clauseSnapshot, MAX_WHY, ManualLinks, openUserData, type AnnotationStore } from '../annotations/index.ts';
import { LinkReader } from '../links/index.ts';
import { CommandError, type CommandContext } from './usage.ts';

export interface LinkOptions {
  limit?: string;
  why?: string;
}

function withLinks<T>(ctx: CommandContext, f: (links: ManualLinks, store: AnnotationStore) => T): T {
  const { store, notices } = openUserData(ctx.dataDir);
  for (const n of notices) ctx.err(`clauseway: ${n}\n`);
  try {
    return f(new ManualLinks(store), store);
  } finally {
    store.close();
  }
}

function exactly(args: string[], n: number, usage: string): string[] {
  if (args.length !== n) throw new CommandError(`usage: clauseway ${usage}`);
  return args;
}

function linkLine(l: ClauseLink): string {
  const what = l.kind === 'manual' ? `manual${l.status === 'orphan' ? ' (orphan)' : ''}${l.why ? `: ${l.why}` : ''}` : `${l.kind} ${l.score.toFixed(3)}`;
  const terms = l.evidence.terms.length ? `\n    ${l.evidence.terms.slice(0, 4).join(' · ')}` : '';
  return `${what}  ${l.clauseId ?? l.docId}  ${l.citation}${terms}`;
}

/** Runs a link command; null when `command` is not one. */
export function runLinkCommand(command: string, args: string[], ctx: CommandContext, options: LinkOptions): number | null {
  const reader = new LinkReader(ctx.library);
  switch (command) {
    case 'related': {
      const [id = ''] = exactly(args, 1, 'related CLAUSE_ID [--limit N]');
      const limit = options.limit === undefined ? undefined : Number(options.limit);
      if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) throw new CommandError(`--limit must be a positive whole number, not "${options.limit ?? ''}"`);
      const links = withLinks(ctx, (manual) => reader.allLinks(id, manual, limit));
      if (!links) throw new CommandError(`no clause with id ${id} (see: clauseway outline DOC_ID)`);
      ctx.print(links, () => (links.length ? links.map(linkLine).join('\n') + '\n' : `no links for ${id}\n`));
      return 0;
    }
    case 'compare': {
      const [a = '', b = ''] = exactly(args, 2, 'compare DOC_A DOC_B');
      const res = reader.compare(a, b);
      if (!res) throw new CommandError(`no document with id ${ctx.library.document(a) ? b : a} (see: clauseway docs)`);
      const cite = (id: string): string => ctx.library.clause(id)?.citation ?? id;
      ctx.print(res, () =>
        [
          `${res.pairs.length} matched clauses:`,
          ...res.pairs.map((p) => `  ${p.score.toFixed(3)}  ${cite(p.a)}  ↔  ${cite(p.b)}`),
          `only in ${a}: ${res.onlyA.length}`,
          ...res.onlyA.map((id) => `  ${cite(id)}`),
          `only in ${b}: ${res.onlyB.length}`,
          ...res.onlyB.map((id) => `  ${cite(id)}`),
        ].join('\n') + '\n',
      );
      return 0;
    }
    case 'link': {
      const [a = '', b = ''] = exactly(args, 2, 'link CLAUSE_A CLAUSE_B [--why TEXT]');
      if ((options.why ?? '').length > MAX_WHY) throw new CommandError(`--why may have up to ${MAX_WHY} characters`);
      const link = withLinks(ctx, (manual) => manual.create(clauseSnapshot(ctx.library, a), clauseSnapshot(ctx.library, b), options.why));
      ctx.print({ id: link.id }, () => `linked ${link.ends[0].citation} ↔ ${link.ends[1].citation}: ${link.id}\n`);
      return 0;
    }
    case 'unlink': {
      const [id = ''] = exactly(args, 1, 'unlink LINK_ID');
      if (!withLinks(ctx, (manual) => manual.delete(id))) throw new CommandError(`no link with id ${id} (see: clauseway related CLAUSE_ID)`);
      ctx.print({ id, deleted: true }, () => `unlinked ${id}\n`);
      return 0;
    }
    default:
      return null;
  }
}
