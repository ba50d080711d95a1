#!/usr/bin/env node
// Entry point of the `clauseway` command. The engine is TypeScript run by Node's type stripping,
// which needs Node 22.18 or later: npm scripts and npx use the Node pinned in devDependencies.
// `npm run build` also bundles the command into out/cli/clauseway.mjs; while that bundle is newer
// than every engine source it runs instead (no stripping: a command starts about 4× sooner).
import { readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  process.stderr.write(`clauseway needs Node 22.18 or later (this is ${process.version}); run it through npm or npx in the project folder, which use the pinned Node.\n`);
  process.exit(1);
}

const root = new URL('../', import.meta.url);
const bundle = new URL('out/cli/clauseway.mjs', root);

/** The newest modification time of the files below a folder. */
function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = `${dir}/${e.name}`;
    t = Math.max(t, e.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return t;
}

function bundleIsFresh() {
  try {
    const built = statSync(bundle).mtimeMs;
    return ['electron/core', 'shared'].every((d) => newest(fileURLToPath(new URL(d, root))) <= built);
  } catch {
    return false;
  }
}

await import(bundleIsFresh() ? bundle.href : '../electron/core/cli/bin.ts');
