// Briefs against the library: what an excerpt quotes and cites is read from the library when it is
// added (and kept), and how each excerpt stands now (current, moved, changed, removed) is worked
// out when the brief is read, from the clause ids' aliases and the document's present text, so a
// re-import never has to touch a brief.

import type { Annotation } from '../../../shared/anchoring/annotation.ts';
import type {
  AnnotationQuery, Brief, BriefCitation, BriefExcerpt, BriefGrouping, BriefItem, BriefItemInput, BriefSection,
} from '../../../shared/api.ts';
import { clauseUri } from '../../../shared/notes/schema.ts';
import { levelRank } from '../../../shared/place-order.ts';
import type { DocumentSummary } from '../../../shared/types.ts';
import { AnnotationError } from '../annotations/errors.ts';
import type { NewBriefItem, StoredBrief, StoredExcerpt, StoredItem } from '../annotations/brief-store.ts';
import type { Library } from '../store/library.ts';

/** How an export links to a clause: clauseway://c/ID in the app, the page address in browser mode. */
export type LinkOf = (clauseId: string) => string;

/** Lists the annotations a filter selects (the API's own listing, with jurisdiction and years). */
export type ListAnnotations = (query: AnnotationQuery) => Annotation[];

export function citationOfDocument(doc: DocumentSummary, clauseCitation: string | null): BriefCitation {
  const text = clauseCitation ?? doc.title;
  const label = clauseCitation === null ? '' : clauseCitation.startsWith(`${doc.title} `) ? clauseCitation.slice(doc.title.length + 1) : clauseCitation;
  return { docId: doc.id, docTitle: doc.title, issuer: doc.issuer, date: doc.date, docNumber: doc.docNumber, jurisdiction: doc.jurisdiction, level: doc.level, label, text };
}

/** A document that is gone from the library, cited from what an annotation remembers of it. */
function rememberedCitation(docId: string, docTitle: string, clauseCitation: string | null): BriefCitation {
  const text = clauseCitation ?? docTitle;
  const label = clauseCitation?.startsWith(`${docTitle} `) ? clauseCitation.slice(docTitle.length + 1) : (clauseCitation ?? '');
  return { docId, docTitle, issuer: null, date: null, docNumber: null, jurisdiction: '', level: 'national', label, text };
}

/** Turns what the caller asks to add into items with their quotes and citations, from the library. */
export function itemsToAdd(library: Library, annotationOf: (id: string) => Annotation | null, listAnnotations: ListAnnotations, inputs: readonly BriefItemInput[]): NewBriefItem[] {
  return inputs.flatMap((input): NewBriefItem[] => {
    switch (input.kind) {
      case 'text': return [{ kind: 'text', note: input.note }];
      case 'heading': return [{ kind: 'heading', text: input.text }];
      case 'annotations': return listAnnotations(input.query).map((a) => excerptOfAnnotation(library, a));
      case 'annotation': {
        const a = annotationOf(input.annotationId);
        if (!a) throw new AnnotationError(`no annotation has the id ${input.annotationId}`);
        return [excerptOfAnnotation(library, a)];
      }
      case 'clause': return [excerptOfClause(library, input)];
    }
  });
}

function excerptOfClause(library: Library, input: Extract<BriefItemInput, { kind: 'clause' }>): NewBriefItem {
  const clause = library.clauseFollowingAliases(input.clauseId);
  const doc = clause ? library.document(clause.docId) : null;
  if (!clause || !doc) throw new AnnotationError(`no clause with id ${input.clauseId} is in the library (see: clauseway outline DOC_ID)`);
  let quote = clause.text;
  if (input.quote !== undefined) {
    const at = input.at ?? clause.text.indexOf(input.quote);
    if (at < 0 || clause.text.slice(at, at + input.quote.length) !== input.quote) {
      throw new AnnotationError(`the quote "${input.quote.slice(0, 40)}" does not occur${input.at === undefined ? '' : ` at offset ${input.at}`} in clause ${clause.id} (${clause.citation})`);
    }
    quote = input.quote;
  }
  return {
    kind: 'excerpt', clauseId: clause.id, annotationId: null, quote, wholeClause: input.quote === undefined,
    color: input.color ?? null, note: input.note ?? null, citation: citationOfDocument(doc, clause.citation),
  };
}

function excerptOfAnnotation(library: Library, a: Annotation): NewBriefItem {
  const first = a.targets[0];
  const doc = library.document(first?.docId ?? a.docId);
  const common = { kind: 'excerpt' as const, annotationId: a.id, color: a.color, note: a.note };
  if (a.kind === 'doc-note' || !first) {
    const citation = doc ? citationOfDocument(doc, null) : rememberedCitation(a.docId, a.docTitle, null);
    return { ...common, clauseId: null, quote: '', wholeClause: false, citation };
  }
  const clause = first.status === 'anchored' ? library.clause(first.clauseId) : null;
  const citation = doc ? citationOfDocument(doc, clause?.citation ?? first.citation) : rememberedCitation(first.docId, a.docTitle, first.citation);
  if (a.kind === 'clause-note') {
    return { ...common, clauseId: first.clauseId, quote: clause?.text ?? first.quote.exact, wholeClause: clause !== null, citation };
  }
  // A highlight across clauses quotes its words in reading order, as one passage.
  return { ...common, clauseId: first.clauseId, quote: a.targets.map((t) => t.quote.exact).join(''), wholeClause: false, citation };
}

/** Reads a brief's excerpts against the library as it is now. */
export class ExcerptResolver {
  private readonly library: Library;
  private readonly linkOf: LinkOf;
  private readonly texts = new Map<string, { id: string; text: string }[]>();

  constructor(library: Library, linkOf: LinkOf) {
    this.library = library;
    this.linkOf = linkOf;
  }

  view(brief: StoredBrief): Brief {
    return { ...brief, sections: brief.sections.map((s): BriefSection => ({ id: s.id, heading: s.heading, items: s.items.map((x) => this.item(x)) })) };
  }

  private item(x: StoredItem): BriefItem {
    return x.kind === 'excerpt' ? this.excerpt(x) : x;
  }

  private documentText(docId: string): { id: string; text: string }[] {
    let texts = this.texts.get(docId);
    if (!texts) {
      texts = this.library.clauseTexts(docId);
      this.texts.set(docId, texts);
    }
    return texts;
  }

  excerpt(x: StoredExcerpt): BriefExcerpt {
    const holds = (text: string): boolean => (x.wholeClause ? text === x.quote : text.includes(x.quote));
    const at = (clauseId: string, status: BriefExcerpt['status']): BriefExcerpt => ({
      ...x,
      status,
      currentClauseId: status === 'moved' ? clauseId : null,
      link: this.linkOf(clauseId),
    });
    // A note on a whole document links to its first clause while the document is there.
    if (x.clauseId === null) {
      const first = this.documentText(x.citation.docId)[0];
      return { ...x, status: first ? 'current' : 'removed', currentClauseId: null, link: first ? this.linkOf(first.id) : '' };
    }
    // Most excerpts' clauses are where they were: one read of each document's text answers them.
    const texts = this.documentText(x.citation.docId);
    const own = texts.find((c) => c.id === x.clauseId);
    if (own && holds(own.text)) return at(own.id, 'current');
    const to = own ? { id: own.id, redirect: null } : this.library.resolveClause(x.clauseId);
    const now = own ?? (to ? this.library.clause(to.id) : null);
    if (now && holds(now.text)) return at(now.id, to?.redirect === null ? 'current' : 'moved');
    // The words may stand in another clause of the document now (a clause split or merged).
    const elsewhere = x.quote === '' ? undefined : texts.find((c) => holds(c.text));
    if (elsewhere) return at(elsewhere.id, 'moved');
    if (now && to?.redirect !== 'removed') return at(x.clauseId, 'changed');
    return at(x.clauseId, 'removed');
  }
}

/**
 * The brief regrouped: one section per jurisdiction (by level in the app's order of places,
 * shared/place-order.ts: national, province, city, SAR, district; each level's places in the order
 * first met) or per document (in the order first met). Each excerpt
 * carries the free text and headings that follow it; what stands before the first excerpt keeps
 * its section, first.
 */
export function groupedSections(brief: Brief, by: BriefGrouping): { heading: string; itemIds: string[] }[] {
  const flat = brief.sections.flatMap((s) => s.items.map((item) => ({ item, section: s })));
  const lead: { heading: string; itemIds: string[] }[] = [];
  const groups = new Map<string, { heading: string; rank: number; first: number; itemIds: string[] }>();
  let current: { itemIds: string[] } | null = null;
  flat.forEach(({ item, section }, i) => {
    if (item.kind !== 'excerpt') {
      if (current) current.itemIds.push(item.id);
      else {
        const last = lead.at(-1);
        if (last && last.heading === section.heading) last.itemIds.push(item.id);
        else lead.push({ heading: section.heading, itemIds: [item.id] });
      }
      return;
    }
    const c = item.citation;
    const key = by === 'document' ? c.docId : c.jurisdiction;
    const heading = by === 'document' ? c.docTitle : c.jurisdiction || '其他';
    const rank = by === 'document' ? 0 : Math.max(0, levelRank(c.level));
    let group = groups.get(key);
    if (!group) {
      group = { heading, rank, first: i, itemIds: [] };
      groups.set(key, group);
    }
    group.itemIds.push(item.id);
    current = group;
  });
  const ordered = [...groups.values()].sort((a, b) => a.rank - b.rank || a.first - b.first);
  return [...lead, ...ordered.map(({ heading, itemIds }) => ({ heading, itemIds }))];
}

export const defaultLinkOf: LinkOf = (clauseId) => clauseUri(clauseId);
