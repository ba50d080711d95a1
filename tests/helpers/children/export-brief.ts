// The crash test's child: renders a brief once, prints "bytes SHA256", then writes those bytes to
// one file again and again through the exports' atomic writer, printing "wrote N" after each.
import { createHash } from 'node:crypto';
import { openUserData } from '../../../electron/core/annotations/open.ts';
import { writeExportAtomic } from '../../../electron/core/briefs/export/write.ts';
import { BriefService } from '../../../electron/core/briefs/service.ts';
import { Library } from '../../../electron/core/store/library.ts';

const [dir, id, out] = process.argv.slice(2);
if (!dir || !id || !out) throw new Error('usage: export-brief.ts DATA_DIR BRIEF_ID OUT.html');
const library = Library.open(dir);
const { store } = openUserData(dir);
const bytes = await new BriefService(library, store, () => []).render(id, 'html');
store.close();
library.close();
process.stdout.write(`bytes ${createHash('sha256').update(bytes).digest('hex')}\n`);
for (let n = 1; ; n++) {
  writeExportAtomic(out, bytes);
  process.stdout.write(`wrote ${n}\n`);
}
