/** A problem in a source file, located so that whoever edits the file can fix it. */
export class IngestError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly problem: string,
  ) {
    super(line === null ? `${file}: ${problem}` : `${file}:${line}: ${problem}`);
    this.name = 'IngestError';
  }
}
