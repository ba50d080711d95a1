// The bench row of issue 15: importing a file at the 32 MB limit, as the command line does (parse,
// store, search indexes), with its peak memory (max RSS) beside a baseline measured in the same run:
// reading and decoding the same file. Two files of the same text: one line of 32 MB (the case that
// took 1.5–2.1 GB before long paragraphs were cut) and the same text with a line break after every
// sentence. Each step runs in a process of its own so that its peak is its own.
// `node tests/bench/big-file.ts` runs this row alone.

import { execFileSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { ingestFile } from '../../electron/core/ingest/ingest-files.ts';
import { MAX_FILE_BYTES } from '../../electron/core/ingest/pipeline.ts';
import { Library } from '../../electron/core/store/library.ts';
import { SEEDS, tempDir } from '../helpers/library.ts';

const TARGET_MB = 600;
type Step = 'baseline' | 'import';

interface Measured {
  seconds: number;
  peakRssMb: number;
  clauses: number;
}

/** A file of exactly MAX_FILE_BYTES: the Outline's text over and over, padded with spaces. */
function writeAtLimit(path: string, lines: boolean): void {
  const text = readFileSync(join(SEEDS, '004_02dc7fb0eb02e0f1.txt'), 'utf8').replace(/\s+/g, '');
  const unit = Buffer.from(lines ? text.replace(/。/g, '。\n') : text, 'utf8');
  const fd = openSync(path, 'w');
  try {
    let size = 0;
    while (size + unit.length <= MAX_FILE_BYTES) size += writeSync(fd, unit);
    writeSync(fd, Buffer.alloc(MAX_FILE_BYTES - size, 0x20));
  } finally {
    closeSync(fd);
  }
}

function runStep(step: Step, file: string, dataDir: string): Measured {
  const t0 = performance.now();
  let clauses = 0;
  if (step === 'baseline') {
    clauses = new TextDecoder().decode(readFileSync(file)).length > 0 ? 0 : -1;
  } else {
    const library = Library.open(dataDir);
    try {
      clauses = ingestFile(library, file).clauses;
      // As `clauseway ingest` ends: the document index brought up to date.
      library.openSearcher();
    } finally {
      library.close();
    }
  }
  return { seconds: (performance.now() - t0) / 1000, peakRssMb: process.resourceUsage().maxRSS / 1024, clauses };
}

function child(step: Step, file: string, dataDir: string): Measured {
  const out = execFileSync(process.execPath, [import.meta.filename, '--step', step, file, dataDir], { encoding: 'utf8' });
  return JSON.parse(out) as Measured;
}

export function bigFileReport(): string {
  const { dir, cleanup } = tempDir('clauseway-bench-big-');
  try {
    const rows: string[] = [];
    let worst = 0;
    for (const lines of [false, true]) {
      const file = join(dir, lines ? 'sentences.txt' : 'one-line.txt');
      writeAtLimit(file, lines);
      const base = child('baseline', file, join(dir, 'unused'));
      const imported = child('import', file, join(dir, lines ? 'lib-lines' : 'lib-one'));
      worst = Math.max(worst, imported.peakRssMb);
      const name = lines ? '32 MB, a line a sentence' : '32 MB, one line';
      rows.push(`| ${name} | read + decode (baseline) | | ${base.seconds.toFixed(2)} | ${base.peakRssMb.toFixed(0)} | 1 |`);
      rows.push(`| ${name} | import | ${imported.clauses} | ${imported.seconds.toFixed(2)} | ${imported.peakRssMb.toFixed(0)} | ${(imported.peakRssMb / base.peakRssMb).toFixed(1)} |`);
    }
    const verdict = worst < TARGET_MB ? 'met    ' : 'NOT met';
    return [
      `A file at the ${MAX_FILE_BYTES / 1048576} MB limit`,
      '',
      '| file | step | clauses | seconds | peak RSS MB | × baseline RSS |',
      '|---|---|---|---|---|---|',
      ...rows,
      '',
      `${verdict} peak memory importing a file at the limit ${worst.toFixed(0)} MB under ${TARGET_MB} MB`,
    ].join('\n');
  } finally {
    cleanup();
  }
}

const args = process.argv.slice(2);
if (args[0] === '--step') {
  const [, step, file, dataDir] = args;
  process.stdout.write(JSON.stringify(runStep(step === 'import' ? 'import' : 'baseline', file ?? '', dataDir ?? '')) + '\n');
} else if (import.meta.main) {
  process.stdout.write(`${bigFileReport()}\n`);
}
