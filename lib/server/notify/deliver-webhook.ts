/**
 * POSTs a JSON body to a webhook, retrying with exponential backoff on network errors, 5xx and 429 (its
 * Retry-After honoured, capped). 4xx other than 429 is final: the URL or payload is wrong and retrying will not
 * help. The last deliveries are kept in memory for the admin page.
 */
export type WebhookDelivery = {
  url: string;
  /** Host only: the path of a Slack webhook is its secret. */
  target: string;
  ok: boolean;
  attempts: number;
  status?: number;
  error?: string;
  at: string;
  summary: string;
};

export type DeliverWebhookOptions = {
  url: string;
  body: unknown;
  summary: string;
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  fetchImpl?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  timeoutMs?: number;
};

const RECENT_LIMIT = 50;
const recent = (globalThis as unknown as { oopscopeWebhookDeliveries?: WebhookDelivery[] });

export function recentWebhookDeliveries(): WebhookDelivery[] {
  return [...(recent.oopscopeWebhookDeliveries ?? [])];
}

function remember(d: WebhookDelivery): void {
  const list = (recent.oopscopeWebhookDeliveries ??= []);
  list.unshift(d);
  list.length = Math.min(list.length, RECENT_LIMIT);
}

function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return seconds * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/**
 * A failed delivery as fetch reports it: a network error or bad URL (TypeError, "fetch failed"), or the timeout
 * (DOMException TimeoutError/AbortError). Worth recording and retrying; anything else is a bug and propagates.
 */
function isDeliveryFailure(e: unknown): e is Error {
  return e instanceof TypeError || (e instanceof DOMException && (e.name === "TimeoutError" || e.name === "AbortError"));
}

export async function deliverWebhook(options: DeliverWebhookOptions): Promise<WebhookDelivery> {
  const { url, body, summary, maxAttempts = 5, baseDelayMs = 1000, maxDelayMs = 60_000, timeoutMs = 10_000 } = options;
  const doFetch = options.fetchImpl ?? fetch;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const target = URL.canParse(url) ? new URL(url).host : "invalid URL";
  let status: number | undefined;
  let error: string | undefined;
  // Serialised once, outside the retry: a body that cannot be serialised is our bug, not a failed delivery.
  const payload = JSON.stringify(body);
  let attempt = 0;
  while (attempt < maxAttempts) {
    attempt++;
    let waitMs = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
    try {
      const res = await doFetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", "user-agent": "oopscope-webhook" },
        body: payload,
        signal: AbortSignal.timeout(timeoutMs),
      });
      status = res.status;
      // The status is the answer; a body cut off after it (timeout, reset) changes nothing.
      await res.arrayBuffer().catch((e: unknown) => {
        if (!isDeliveryFailure(e)) throw e;
      });
      if (res.ok) {
        const d: WebhookDelivery = { url, target, ok: true, attempts: attempt, status, at: new Date().toISOString(), summary };
        remember(d);
        return d;
      }
      error = `HTTP ${res.status}`;
      if (res.status !== 429 && res.status < 500) break;
      waitMs = Math.min(maxDelayMs, retryAfterMs(res.headers.get("retry-after")) ?? waitMs);
    } catch (e) {
      if (!isDeliveryFailure(e)) throw e;
      error = e.message;
      status = undefined;
    }
    if (attempt < maxAttempts) await sleep(waitMs);
  }
  const d: WebhookDelivery = { url, target, ok: false, attempts: attempt, ...(status !== undefined ? { status } : {}), error, at: new Date().toISOString(), summary };
  remember(d);
  console.warn(`[oopscope] webhook to ${target} failed after ${attempt} attempt(s): ${error}`);
  return d;
}
