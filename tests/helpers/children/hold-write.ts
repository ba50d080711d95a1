// A long write: takes the library's write lock, says so on stdout, holds it for argv[3] ms, commits.
import { writeTransaction } from '../../../electron/core/store/database.ts';
import { Library } from '../../../electron/core/store/library.ts';

const [dir, ms] = process.argv.slice(2);
if (!dir || !ms) throw new Error('usage: hold-write.ts DIR MS');
const library = Library.open(dir);
writeTransaction(library.db, () => {
  library.db.prepare("UPDATE library_meta SET value = value + 1 WHERE key = 'revision'").run();
  process.stdout.write('locked\n');
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(ms));
});
library.close();
