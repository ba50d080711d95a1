// Crash safety of the user data: a child process saving annotations (this same file, run with
// CLAUSEWAY_CRASH_CHILD) is killed with SIGKILL at random moments, 50 times: during its start and
// daily backup, or while it saves. After each kill the data opens without a recovery, passes
// `PRAGMA integrity_check`, and holds every save the child acknowledged (it prints an id only
// after the commit returned). About 30 s on the 2-core machine, mostly child start-up.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openUserData } from '../../electron/core/annotations/open.ts';
import type { ClauseSnapshot } from '../../electron/core/annotations/store.ts';
import { noteFromText } from '../../shared/notes/index.ts';
import { COLORS } from '../../shared/anchoring/index.ts';

const CHILD = 'CLAUSEWAY_CRASH_CHILD';
const KILLS = 50;

function runChild(dir: string, day: number): void {
  const clauses = JSON.parse(readFileSync(join(dir, 'clauses.json'), 'utf8')) as ClauseSnapshot[];
  const { store } = openUserData(join(dir, 'data'), { now: () => new Date(Date.UTC(2026, 0, 1 + day)) });
  const saved: string[] = [];
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)] as T;
  for (let n = 0; ; n++) {
    const clause = pick(clauses);
    const roll = Math.random();
    if (roll < 0.7 || saved.length === 0) {
      const at = Math.floor(Math.random() * (clause.text.length - 8));
      const quote = clause.text.slice(at, at + 2 + Math.floor(Math.random() * 6));
      const a = store.create({ kind: 'highlight', color: pick(COLORS), targets: [{ clause, quote, at }], note: n % 3 === 0 ? noteFromText(`笔记 ${n}`).toJSON() : null, tags: [`t${n % 5}`] });
      saved.push(a.id);
      process.stdout.write(`${a.id}\n`);
    } else if (roll < 0.8) {
      const a = store.create({ kind: 'clause-note', clause, note: noteFromText(`条文笔记 ${n}`).toJSON() });
      saved.push(a.id);
      process.stdout.write(`${a.id}\n`);
    } else if (roll < 0.9) {
      store.update(pick(saved), { tags: [`u${n % 7}`], note: noteFromText(`改 ${n}`).toJSON() });
    } else {
      const id = pick(saved);
      if (store.get(id)?.deleted === null) store.delete(id);
      else store.restore(id);
    }
  }
}

const childDir = process.env[CHILD];
if (childDir !== undefined) {
  runChild(childDir, Number(process.env['CLAUSEWAY_CRASH_DAY'] ?? '0'));
} else {
  test(`${KILLS} SIGKILLs while saving: integrity holds and every acknowledged save is there`, { timeout: 240_000 }, async (t) => {
    const [{ tempDir }, { measuresDocument }] = await Promise.all([import('../helpers/library.ts'), import('../fixtures/annotations-store.ts')]);
    const { dir, cleanup } = tempDir('clauseway-crash-');
    try {
      const doc = measuresDocument();
      const clauses: ClauseSnapshot[] = doc.clauses.filter((c) => c.text.length > 40).map((c) => ({ id: c.id, docId: doc.id, text: c.text, citation: c.citation, docTitle: doc.title }));
      writeFileSync(join(dir, 'clauses.json'), JSON.stringify(clauses));
      const acknowledged = new Set<string>();
      let killedWhileSaving = 0;
      // How long a child takes to its first save, as seen in the rounds that wait for it: the
      // random kills span twice that, so that on a loaded machine too they fall while opening
      // and while saving alike.
      let slowestStart = 300;
      for (let i = 0; i < KILLS; i++) {
        const spawned = performance.now();
        const child = spawn(process.execPath, [import.meta.filename], { env: { ...process.env, [CHILD]: dir, CLAUSEWAY_CRASH_DAY: String(Math.floor(i / 5)) }, stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        let err = '';
        child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
        const firstAck = new Promise<void>((resolve) => {
          child.stdout.on('data', (d: Buffer) => {
            out += d.toString();
            if (out.includes('\n')) resolve();
          });
        });
        const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => { resolve(code); }));
        // Half the kills land anywhere from start-up on (opening, migrating, the daily backup),
        // half while saves are under way.
        if (i % 2 === 0) await new Promise((r) => setTimeout(r, Math.random() * 2 * slowestStart));
        else {
          await Promise.race([firstAck, exited]);
          slowestStart = Math.max(slowestStart, performance.now() - spawned);
          await new Promise((r) => setTimeout(r, Math.random() * 150));
        }
        child.kill('SIGKILL');
        const code = await exited;
        assert.equal(code, null, `the child died by itself: ${err}`);
        const lines = out.split('\n');
        lines.pop(); // a line still being written was not acknowledged
        for (const id of lines) acknowledged.add(id);
        if (lines.length > 0 && i % 2 === 0) killedWhileSaving++;

        const { store, notices } = openUserData(join(dir, 'data'), { now: () => new Date(Date.UTC(2026, 0, 1 + Math.floor(i / 5))) });
        try {
          assert.deepEqual(notices.filter((n) => n.includes('could not be used')), [], 'no recovery was needed');
          assert.equal(store.db.pragma('integrity_check', { simple: true }), 'ok');
          const missing = [...acknowledged].filter((id) => store.get(id) === null);
          assert.deepEqual(missing, [], `after kill ${i + 1}`);
          assert.deepEqual(readdirSync(join(dir, 'data', 'backups')).filter((f) => f.endsWith('.tmp')), [], 'a half-written backup is cleared');
        } finally {
          store.close();
        }
      }
      t.diagnostic(`${acknowledged.size} saves acknowledged over ${KILLS} kills; ${killedWhileSaving} random-moment kills fell while saving`);
      assert.ok(acknowledged.size > KILLS, `${acknowledged.size} saves acknowledged`);
      assert.ok(killedWhileSaving > 0, 'some random kills fell while saving');
    } finally {
      cleanup();
    }
  });
}
