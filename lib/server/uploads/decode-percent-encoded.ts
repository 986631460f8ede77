/** Percent-decoding of names clients send (X-Filename, RFC 5987 `filename*`); a malformed escape keeps `fallback`. */
export function decodePercentEncoded(text: string, fallback: string | undefined): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch (e) {
    // decodeURIComponent's one refusal is URIError (a stray `%` or bad UTF-8): the name as sent is still a name.
    if (!(e instanceof URIError)) throw e;
    return fallback;
  }
}
