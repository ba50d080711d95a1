// `npm run screenshots`: runs the end-to-end flows that take the README's screenshots (the reader's
// whole flow; annotating: the selection's toolbar, a note being written, the annotations view;
// cross-links: the links panel, the wording compared, two plans compared; briefs: the builder and
// the preview; importing: the summary and the metadata form) and writes them to docs/screenshots/
// under the names the README links to. `npm test` takes the same
// screenshots into its own output (test-results/) and leaves the tracked ones alone.

import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT, SCREENSHOTS_ENV } from './app.ts';

const cli = createRequire(import.meta.url).resolve('@playwright/test/cli');
const run = spawnSync(process.execPath, [cli, 'test', 'tests/e2e/annotations.spec.ts', 'tests/e2e/reader.spec.ts', 'tests/e2e/links.spec.ts', 'tests/e2e/import.spec.ts', '--grep', 'the whole flow|annotating:|cross-links:|a folder: progress, the summary'], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, [SCREENSHOTS_ENV]: join(ROOT, 'docs', 'screenshots') },
});
process.exit(run.status ?? 1);
