/** A file that cannot be imported. The message names the file and the problem, in plain words. */
export class IngestError extends Error {
  readonly file: string;
  readonly problem: string;

  constructor(file: string, problem: string) {
    super(`${file}: ${problem}`);
    this.name = 'IngestError';
    this.file = file;
    this.problem = problem;
  }
}
