/**
 * What every compressed input of one triage (the files of one upload, of one CLI call: gzip, xz, zstd, bzip2, gzip
 * piped to stdin) consumed and decoded together. Each stream's own ratio check starts after `ratioCheckAfterBytes`
 * of its output: many small bombs, each under it, were each decoded whole. The same ratio, from the first input and
 * over every further `ratioCheckAfterBytes` of output of them all, refuses the input that crosses it and, unread,
 * every compressed input after it (those read before are kept, as an archive keeps the members read before its bomb).
 * The gzip logs the engine decodes itself and the others, decoded while the inputs are expanded, count in one.
 */
import { ExpansionRatio } from "./expansion-ratio";
import { IngestError } from "./ingest-error";

export class DecompressionBudget {
  private readonly ratio: ExpansionRatio;
  /** Why the budget refused an input, once it did. */
  refusal?: string;

  constructor(
    private readonly maxRatio: number,
    ratioCheckAfterBytes: number,
  ) {
    this.ratio = new ExpansionRatio(maxRatio, ratioCheckAfterBytes);
  }

  addConsumed(n: number): void {
    this.ratio.addConsumed(n);
  }

  /**
   * Counts bytes decoded from `input` (`a gzip stream`, a file name); throws once the compressed inputs together are
   * a bomb, and for every compressed input after.
   */
  addDecoded(n: number, input: string): void {
    this.refuseIfSpent(input);
    const crossed = this.ratio.addProduced(n);
    if (!crossed) return;
    this.refusal = `the compressed inputs given together expand more than ${this.maxRatio}× (${crossed.read} compressed bytes → ${crossed.made}+ bytes)`;
    throw new IngestError("decompression-bomb", `Refusing ${input}: ${this.refusal}: decompression bombs, each too small to be refused alone.`);
  }

  /**
   * A compressed input read after the budget refused one: refused before it is decoded, a real log as much as the
   * next bomb — decoding each later input up to a check of its own would bring back the cost the budget bounds
   * (N small bombs × the check), and the refusal names the remedy.
   */
  refuseIfSpent(input: string): void {
    if (this.refusal)
      throw new IngestError(
        "decompression-bomb",
        `Refusing ${input} unread: an earlier compressed input given with it was refused (${this.refusal}). Triage it without the refused inputs to have it read.`,
      );
  }
}
