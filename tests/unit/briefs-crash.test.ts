// Killing the process during an export never leaves a partial file at the destination: a child
// (helpers/children/export-brief.ts) writes the HTML of a brief of 1,500 excerpts (1.5 MB) to the
// same file over and over through the exports' writer and is killed with SIGKILL at random
// moments, 10 times. After each kill the file is
// absent or exactly the brief; the child's temporary file is all a kill can leave, and the next
// export to that name removes it.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { engineOver, ROOT, seededLibrary } from '../helpers/library.ts';
import { largeBrief } from '../helpers/briefs.ts';

const KILLS = 10;
const CHILD = join(ROOT, 'tests', 'helpers', 'children', 'export-brief.ts');
const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

test(`${KILLS} SIGKILLs during exports: the destination is always absent or whole`, { timeout: 240_000 }, async (t) => {
  const { library, dir, cleanup } = seededLibrary();
  const { engine, close } = engineOver(library, dir);
  try {
    const brief = await largeBrief(engine, library, 1500);
    const out = join(dir, 'exports', 'brief.html');
    mkdirSync(join(dir, 'exports'));
    let midWrite = 0;
    let whole = 0;
    for (let i = 0; i < KILLS; i++) {
      const child = spawn(process.execPath, [CHILD, dir, brief.id, out], { stdio: ['ignore', 'pipe', 'pipe'] });
      let expected = '';
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => {
          const m = /bytes ([0-9a-f]{64})/.exec(d.toString());
          if (m?.[1]) {
            expected = m[1];
            // Anywhere in the next writes: some kills land while the bytes are being written.
            setTimeout(() => child.kill('SIGKILL'), Math.random() * 150);
          }
        });
        child.on('exit', () => (expected ? resolve() : reject(new Error(`the child stopped early: ${stderr}`))));
      });
      const temps = readdirSync(join(dir, 'exports')).filter((f) => f.endsWith('.tmp'));
      if (temps.length > 0) midWrite++;
      if (existsSync(out)) {
        assert.equal(sha(out), expected, `after kill ${i + 1} the file is the whole brief`);
        whole++;
      }
    }
    t.diagnostic(`${KILLS} kills: ${midWrite} while a file was being written, ${whole} left the previous whole export in place`);
    assert.ok(midWrite > 0, 'some kills fell during a write');
    await engine.exportBrief({ id: brief.id, format: 'html', path: out });
    assert.deepEqual(readdirSync(join(dir, 'exports')), ['brief.html'], 'the next export removed what the kills left');
  } finally {
    close();
    cleanup();
  }
});
