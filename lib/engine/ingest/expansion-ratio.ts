/**
 * Compressed bytes read and bytes decoded by several streams together (an archive's members, the gzip inputs of one
 * triage), checked against a ratio from the start and over every window of `checkAfterBytes` of output: real data
 * read before a run of bombs dilutes the overall ratio, never a window's.
 */
export class ExpansionRatio {
  consumed = 0;
  produced = 0;
  private windowConsumed = 0;
  private windowProduced = 0;

  constructor(
    private readonly maxRatio: number,
    private readonly checkAfterBytes: number,
  ) {}

  addConsumed(n: number): void {
    this.consumed += n;
    this.windowConsumed += n;
  }

  /** Counts `n` decoded bytes; returns what was read and made when the ratio is crossed (overall, else in the window). */
  addProduced(n: number): { read: number; made: number } | undefined {
    this.produced += n;
    this.windowProduced += n;
    if (this.produced > this.checkAfterBytes && this.produced > Math.max(1, this.consumed) * this.maxRatio) return { read: this.consumed, made: this.produced };
    if (this.windowProduced <= this.checkAfterBytes) return undefined;
    if (this.windowProduced > Math.max(1, this.windowConsumed) * this.maxRatio) return { read: this.windowConsumed, made: this.windowProduced };
    this.windowConsumed = this.windowProduced = 0;
    return undefined;
  }
}
