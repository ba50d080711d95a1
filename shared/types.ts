// View types shared by the engine, the CLI and (later) the renderer. Plain data only: these cross
// process boundaries as JSON, so they hold no classes, dates or functions.

import type { Expansion, QueryProblem } from './query.ts';

/** Administrative level of a jurisdiction, from the State Council down to a city. */
export type Level = 'national' | 'province' | 'sar' | 'city' | 'district';

export interface Jurisdiction {
  name: string;
  level: Level;
}

/** policy: binding text with numbered provisions; notice: a covering notice; news: reporting. */
export type DocKind = 'policy' | 'notice' | 'news';

export interface DocumentSummary {
  id: string;
  title: string;
  issuer: string | null;
  /** The primary jurisdiction; `jurisdictions` lists all of them (an agreement has two). */
  jurisdiction: string;
  level: Level;
  jurisdictions: Jurisdiction[];
  /** ISO date, as precise as the text says: `2019-02-12`, `2019-02` or `2025`. */
  date: string | null;
  docNumber: string | null;
  kind: DocKind;
  /** Last day of validity when the text states one (ISO date). */
  validUntil: string | null;
  /** When it takes effect, when the text says (自…起施行), as an ISO date. */
  effective: string | null;
  clauseCount: number;
  source: string;
  /** The fields the user corrected (user data, kept across re-imports); absent when none. */
  corrected?: MetadataField[];
  /** Where it stands among the versions of its text in the library, and how many there are; absent when it has none. */
  version?: { status: VersionStatus; count: number };
}

export type HistoryKind = 'adopted' | 'approved' | 'amended' | 'revised' | 'promulgated' | 'effective';

/** One line of a law's history as printed under its title (…会议通过, …修正, 自…起施行). */
export interface HistoryEvent {
  kind: HistoryKind;
  /** ISO date. */
  date: string;
  /** The body that acted, as printed, without its term (第十三届): 广东省人民代表大会常务委员会. */
  body: string | null;
}

/**
 * Where a document stands among the versions of one text in the library (the same title, the same
 * place): `current` is the newest in effect; `upcoming` not in effect yet; `superseded` replaced
 * by a newer version; `expired` past its stated validity.
 */
export type VersionStatus = 'current' | 'upcoming' | 'superseded' | 'expired';

export interface DocumentVersion {
  id: string;
  title: string;
  date: string | null;
  effective: string | null;
  status: VersionStatus;
}
/** A document's metadata a user may correct (the heuristics' values are the default). */
export const METADATA_FIELDS = ['title', 'issuer', 'jurisdiction', 'level', 'date', 'docNumber', 'kind', 'validUntil'] as const;
export type MetadataField = (typeof METADATA_FIELDS)[number];

/**
 * How a clause is numbered. The order of this list is the nesting order used when a document
 * mixes styles: 第X编 holds 第X章, which holds 第X节 … down to ①.
 */
export const LABEL_KINDS = [
  'volume', // 第一编
  'chapter', // 第一章, and 前言 beside them
  'section', // 第一节
  'article', // 第一条
  'part', // 一、
  'item', // （一） (一)
  'point', // 1. 1、 1．
  'subpoint', // （1） (1)
  'circled', // ①
] as const;
export type LabelKind = (typeof LABEL_KINDS)[number];

/** Unlabelled nodes: lead paragraphs, paragraphs that belong to no numbered clause, tables, signatures. */
export type ClauseKind = LabelKind | 'preface' | 'paragraph' | 'table' | 'signature';

export type UnitRole = 'lead' | 'cooperate' | 'support' | 'responsible';

export interface ResponsibleUnit {
  name: string;
  role: UnitRole;
}

export interface OutlineNode {
  id: string;
  label: string;
  heading: string | null;
  kind: ClauseKind;
  children: OutlineNode[];
}

export interface ClauseDetail {
  id: string;
  docId: string;
  label: string;
  heading: string | null;
  kind: ClauseKind;
  text: string;
  citation: string;
  units: ResponsibleUnit[];
  parentId: string | null;
  ord: number;
  /**
   * Set when the id asked for was retired by a re-import: `from` is that id; `moved` means its
   * text is in this clause now, `removed` that its text is gone and this clause stood before it.
   */
  redirect?: { from: string; reason: 'moved' | 'removed' };
}

export interface FindHit {
  id: string;
  docId: string;
  label: string;
  text: string;
}

/** `listed`: no words were asked, only filters; the clauses come in library order. */
export type MatchTier = 'phrase' | 'terms' | 'listed';

export interface SearchHit {
  clauseId: string;
  docId: string;
  /** Higher is better; comparable within one response. */
  score: number;
  /** `phrase`: the whole query occurs as typed; `terms`: every term occurs, apart. */
  tier: MatchTier;
  /** The excerpt with matches in <mark>, everything else HTML-escaped. */
  snippet: string;
  /** The same excerpt as plain text with mark ranges, for renderers that build their own nodes. */
  excerpt: { text: string; marks: [number, number][]; clippedStart: boolean; clippedEnd: boolean };
  label: string;
  /** The path of labels from the document down (第六章 第三节), as the citation prints it after the title. */
  labelPath: string;
  heading: string | null;
  /** Where the query stands in the heading. */
  headingMarks: [number, number][];
  /** Where the query's words stand in the document's title (from the Lunr index's positions). */
  titleMarks: [number, number][];
  citation: string;
}

export interface SearchResponse {
  query: string;
  terms: string[];
  /** The terms as matched (folded), with their other forms: what a renderer marks in the text it shows. */
  folded: string[];
  /** The other forms searched beside the terms typed (跨境电商 → 跨境电子商务), to be shown. */
  expansions: Expansion[];
  hits: SearchHit[];
  /** How many clauses match in all, before the limit; null unless asked for. */
  total: number | null;
  /** How many hits of the ranking come before these (the offset asked for). */
  offset: number;
  /** What could not be read in the query, as codes; i18n.ts has their words (queryProblemText). */
  problems: QueryProblem[];
  ms: number;
}

/** One clause as the reader shows it: the document's clauses come flat, in reading order. */
export interface ReaderClause {
  id: string;
  parentId: string | null;
  depth: number;
  kind: ClauseKind;
  label: string;
  heading: string | null;
  text: string;
  citation: string;
  units: ResponsibleUnit[];
  table: string[][] | null;
}
