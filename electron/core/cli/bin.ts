// The process around the command line: its arguments, output streams and exit code. bin/clauseway.js
// runs this from the sources; `npm run build` bundles it into out/cli/clauseway.mjs.

import { run } from './main.ts';

process.exitCode = await run(process.argv.slice(2), {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  env: process.env,
});
