/** Why one corpus file could not be used. The loader reports it and carries on with the rest. */
export class CorpusFileError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
    this.name = 'CorpusFileError';
  }
}
