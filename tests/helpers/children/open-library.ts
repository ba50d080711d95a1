// A process that opens (and so sets up or migrates) a library and closes it: argv[2] is the folder.
import { Library } from '../../../electron/core/store/library.ts';

const dir = process.argv[2];
if (!dir) throw new Error('usage: open-library.ts DIR');
Library.open(dir).close();
