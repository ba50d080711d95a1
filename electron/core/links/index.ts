// Cross-links between clauses (issue 13): computed at ingest (update.ts), read for the API and the
// command line (read.ts). Manual links are user data: electron/core/annotations/links.ts.

export { updateLinks, linksUpToDate, type LinkUpdate } from './update.ts';
export { LinkReader } from './read.ts';
