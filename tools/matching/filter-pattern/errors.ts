/** Raised when a filter pattern does not follow the AWS JSON filter pattern grammar. */
export class FilterPatternSyntaxError extends Error {
  /** Zero-based offset in the pattern where the problem was found. */
  readonly position: number;

  /**
   * @param reason what is wrong, without the position (it is appended to the message).
   * @param position zero-based offset in the pattern.
   */
  constructor(reason: string, position: number) {
    super(`${reason} at position ${position}`);
    this.name = "FilterPatternSyntaxError";
    this.position = position;
  }
}
