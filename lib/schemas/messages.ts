/** Messages the web UI and the CLI share. Free of zod: the CLI loads this on every run. */

/** What the web UI and the CLI both say about an input with no log text (0 bytes, or a gzip of nothing). */
export const EMPTY_LOG_MESSAGE = "The upload is empty: no log text was received.";
