// Anchoring highlights to clause text: selectors, the approximate quote matcher, re-anchoring.

export * from './selectors.ts';
export * from './annotation.ts';
export { TextPositionAnchor } from './text-position.ts';
export { TextQuoteAnchor } from './text-quote.ts';
export { ACCEPT_SCORE, AMBIGUITY_MARGIN, MAX_ERROR_RATE, type Candidate, type Choice } from './match-quote.ts';
export {
  anchorClauseNote,
  anchorHighlight,
  annotationStatus,
  clauseHead,
  targetOf,
  CLAUSE_HEAD_LENGTH,
  DocumentText,
  type AnchorMethod,
  type OrphanReason,
  type TargetOutcome,
} from './anchor.ts';
