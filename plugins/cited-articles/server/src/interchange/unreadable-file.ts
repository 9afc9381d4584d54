/** A file that cannot be imported at all, with the line (1-based) the reader is sent to. */
export class UnreadableFileError extends Error {
  constructor(
    message: string,
    readonly line: number
  ) {
    super(message);
  }
}
