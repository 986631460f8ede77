/** Messages the web UI and the CLI share. Free of zod: the CLI loads this on every run. */

/** What the web UI says about an upload with no log text (0 bytes, or a gzip of nothing). */
export const EMPTY_UPLOAD_MESSAGE = "The upload is empty: no log text was received.";

/** What the CLI says about an input (a file, stdin) with no log text: the user gave a file, nothing was uploaded. */
export const EMPTY_INPUT_MESSAGE = "The input is empty: it holds no log text.";
