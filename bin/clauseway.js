#!/usr/bin/env node
// Entry point of the `clauseway` command. The engine is TypeScript run by Node's type stripping,
// which needs Node 22.18 or later: npm scripts and npx use the Node pinned in devDependencies.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  process.stderr.write(`clauseway needs Node 22.18 or later (this is ${process.version}); run it through npm or npx in the project folder, which use the pinned Node.\n`);
  process.exit(1);
}
const { run } = await import('../electron/core/cli/main.ts');
process.exitCode = await run(process.argv.slice(2), {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  env: process.env,
});
