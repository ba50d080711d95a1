// The user-data engine: what the API, the CLI and the tests call.

export { AnnotationError } from './errors.ts';
export { backupUserData, openUserData, restoreUserData, USER_DATA_FILE, type OpenedUserData, type OpenUserDataOptions } from './open.ts';
export { AnnotationStore, type AnnotationFilter, type AnnotationPatch, type ClauseSnapshot, type NewAnnotation, type TargetInput } from './store.ts';
export { reanchorDocument, type ReanchorClause, type ReanchorReport } from './reanchor.ts';
export { exportAnnotations, importAnnotations, toWebAnnotation, type ImportReport } from './jsonld.ts';
export { listBackups, DAILY_KEPT } from './backup.ts';
export { clauseSnapshot, reanchorDocuments, reconcileWithLibrary } from './corpus.ts';
export { Corrections } from './corrections.ts';
export { ManualLinks, MAX_WHY, type ManualLink, type ManualLinkEnd, type ResolveClause } from './links.ts';
