#!/usr/bin/env node
// Entry point of the `clauseway` command. The engine is TypeScript run by Node's type stripping,
// which needs Node 22.18 or later: npm scripts and npx use the Node pinned in devDependencies.
// (`npm run build` also bundles the command into out/cli/clauseway.mjs, which needs no stripping.)
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  process.stderr.write(`clauseway needs Node 22.18 or later (this is ${process.version}); run it through npm or npx in the project folder, which use the pinned Node.\n`);
  process.exit(1);
}
await import('../electron/core/cli/bin.ts');
