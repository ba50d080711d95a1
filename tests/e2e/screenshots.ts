// `npm run screenshots`: runs the end-to-end flows that take the README's screenshots (the reader's
// whole flow; annotating: the selection's toolbar, a note being written, the annotations view;
// cross-links: the links panel, the wording compared, two plans compared; briefs: the builder and
// the preview; importing: the summary and the metadata form; the units view; the library of the
// bench corpus with its facets; a law's history and versions) and writes them to docs/screenshots/
// under the names the README links to. `npm test` takes the same
// screenshots into its own output (test-results/) and leaves the tracked ones alone.

import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT, SCREENSHOTS_ENV } from './app.ts';

const cli = createRequire(import.meta.url).resolve('@playwright/test/cli');
const specs = ['annotations', 'reader', 'links', 'import', 'briefs', 'search-units', 'library', 'versions'].map((s) => `tests/e2e/${s}.spec.ts`);
const flows = ['the whole flow', 'annotating:', 'cross-links:', 'a folder: progress, the summary', 'a brief from a search result', 'units: the view', 'library at scale', 'versions:'];
const run = spawnSync(process.execPath, [cli, 'test', ...specs, '--grep', flows.join('|')], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, [SCREENSHOTS_ENV]: join(ROOT, 'docs', 'screenshots') },
});
process.exit(run.status ?? 1);
