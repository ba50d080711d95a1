// Packs the app with electron-builder against a stand-in for the Electron distribution, which this
// machine cannot download: `electron-builder --dir` for Linux, with the repository's own
// electron-builder.yml, into a folder of its own. The stand-in is laid out as Electron's Linux zip
// is (the `electron` executable, resources/, locales/, LICENSE, version; no default_app.asar,
// which electron-builder would read as an archive) and carries Electron's fuse
// wire with its default states, so that electron-builder flips the fuses in it as in a release.
// tests/unit/packaging.test.ts inspects the result; `npm run package:check` runs that test.

import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

/** @electron/fuses finds the wire after this sentinel: a version byte, a length byte, one byte per fuse. */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/**
 * Electron's defaults, in the wire's order: RunAsNode, EnableCookieEncryption,
 * EnableNodeOptionsEnvironmentVariable, EnableNodeCliInspectArguments,
 * EnableEmbeddedAsarIntegrityValidation, OnlyLoadAppFromAsar, LoadBrowserProcessSpecificV8Snapshot,
 * GrantFileProtocolExtraPrivileges ('1' on, '0' off).
 */
const DEFAULT_FUSES = '10110001';

function writeStandInElectron(dir: string): void {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  mkdirSync(join(dir, 'locales'), { recursive: true });
  const script = `#!/bin/sh\necho 'a stand-in for Electron, for packaging checks only' >&2\nexit 1\n`;
  const wire = Buffer.concat([Buffer.from(`# ${FUSE_SENTINEL}`), Buffer.from([1, DEFAULT_FUSES.length]), Buffer.from(`${DEFAULT_FUSES}\n`)]);
  writeFileSync(join(dir, 'electron'), Buffer.concat([Buffer.from(script), wire]), { mode: 0o755 });
  writeFileSync(join(dir, 'locales', 'en-US.pak'), '');
  writeFileSync(join(dir, 'locales', 'zh-CN.pak'), '');
  writeFileSync(join(dir, 'LICENSE'), 'stand-in\n');
  writeFileSync(join(dir, 'version'), '0.0.0-stand-in\n');
}

export interface PackResult {
  /** linux-unpacked: the executable, resources/app.asar, resources/app.asar.unpacked, resources/seeds. */
  appOutDir: string;
  executable: string;
  log: string;
}

/**
 * Builds the bundles into `work`/stage/out, stages them with package.json, the builder's config,
 * the seeds and node_modules (linked), and packs them for Linux on this machine's architecture.
 */
export function packWithStandIn(work: string): PackResult {
  const stage = join(work, 'stage');
  const dist = join(work, 'electron-dist');
  const output = join(work, 'packages');
  mkdirSync(stage, { recursive: true });
  writeStandInElectron(dist);
  const node = process.execPath;
  const run = (args: string[]): string => {
    const r = spawnSync(node, args, { cwd: stage, encoding: 'utf8', env: { ...process.env, ELECTRON_BUILDER_OFFLINE: 'true' } });
    const log = `${r.stdout}${r.stderr}`;
    if (r.status !== 0) throw new Error(`${args.slice(0, 2).join(' ')} failed (${r.status ?? r.signal ?? '?'}):\n${log}`);
    return log;
  };
  run([join(ROOT, 'build', 'build.ts'), '--out', join(stage, 'out')]);
  for (const f of ['package.json', 'package-lock.json', 'electron-builder.yml']) copyFileSync(join(ROOT, f), join(stage, f));
  symlinkSync(join(ROOT, 'seeds'), join(stage, 'seeds'));
  symlinkSync(join(ROOT, 'node_modules'), join(stage, 'node_modules'));
  const log = run([
    join(ROOT, 'node_modules', 'electron-builder', 'cli.js'),
    '--dir',
    '--linux',
    `--${process.arch}`,
    '--config',
    'electron-builder.yml',
    `-c.electronDist=${dist}`,
    `-c.directories.output=${output}`,
  ]);
  const appOutDir = join(output, process.arch === 'x64' ? 'linux-unpacked' : `linux-${process.arch}-unpacked`);
  return { appOutDir, executable: join(appOutDir, 'clauseway'), log };
}

if (import.meta.main) {
  const work = resolve(process.argv[2] ?? join(ROOT, 'dist', 'pack-check'));
  const { appOutDir, log } = packWithStandIn(work);
  process.stdout.write(`${log}\npacked with the stand-in Electron into ${appOutDir}\n`);
}
