// `npm start`: build, then open the desktop app. Where no Electron binary can be had (this
// machine cannot download one), say so plainly and start browser mode instead.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

/** The Electron binary the electron package installed, without triggering its download. */
export function electronBinary(): string | null {
  const dir = join(ROOT, 'node_modules', 'electron');
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const bin = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(bin) ? bin : null;
}

if (import.meta.main) {
  const built = spawnSync(process.execPath, [join(ROOT, 'build', 'build.ts')], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
  const args = process.argv.slice(2);
  const bin = electronBinary();
  if (bin) {
    const child = spawn(bin, [ROOT, ...args], { stdio: 'inherit' });
    child.on('exit', (code) => process.exit(code ?? 0));
  } else {
    process.stdout.write('No Electron binary is installed on this machine (node_modules/electron has none), so the desktop window cannot open here.\nStarting browser mode instead: the same reader, served to your browser from this computer only.\n\n');
    const { serve } = await import('../electron/core/server/serve.ts');
    await serve(args);
  }
}
