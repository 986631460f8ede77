/** A file that is not a journal this reader can read (apart from the reader, which loads its codecs, for instanceof checks). */
export class JournalFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "JournalFormatError";
  }
}
