/**
 * Token buckets per API token: requests and bytes per minute, refilled continuously. In memory, per process:
 * a cap protects this process's CPU and database, which is what it is for.
 */
export type RateLimits = { requestsPerMinute: number; bytesPerMinute: number };

export class RateLimitedError extends Error {
  readonly retryAfterSeconds: number;
  constructor(message: string, retryAfterSeconds: number) {
    super(message);
    this.name = "RateLimitedError";
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

type Bucket = { requests: number; bytes: number; at: number };

const MAX_KEYS = 10_000;

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  constructor(
    private readonly limits: RateLimits,
    private readonly now: () => number = Date.now,
  ) {}

  private bucket(key: string): Bucket {
    const now = this.now();
    let b = this.buckets.get(key);
    if (!b) {
      if (this.buckets.size >= MAX_KEYS) this.buckets.delete(this.buckets.keys().next().value as string);
      b = { requests: this.limits.requestsPerMinute, bytes: this.limits.bytesPerMinute, at: now };
      this.buckets.set(key, b);
    }
    const minutes = (now - b.at) / 60_000;
    b.requests = Math.min(this.limits.requestsPerMinute, b.requests + minutes * this.limits.requestsPerMinute);
    b.bytes = Math.min(this.limits.bytesPerMinute, b.bytes + minutes * this.limits.bytesPerMinute);
    b.at = now;
    return b;
  }

  /** Counts one request; throws RateLimitedError when the key has none left. */
  takeRequest(key: string): void {
    const b = this.bucket(key);
    if (b.requests < 1) throw new RateLimitedError(`More than ${this.limits.requestsPerMinute} requests a minute for this token.`, Math.ceil(((1 - b.requests) / this.limits.requestsPerMinute) * 60));
    b.requests -= 1;
  }

  /** Counts bytes received; throws RateLimitedError when they exceed what is left this minute. */
  takeBytes(key: string, bytes: number): void {
    const b = this.bucket(key);
    if (b.bytes < bytes) {
      const missing = Math.min(bytes, this.limits.bytesPerMinute) - b.bytes;
      throw new RateLimitedError(`More than ${this.limits.bytesPerMinute} bytes a minute for this token.`, Math.max(1, Math.ceil((missing / this.limits.bytesPerMinute) * 60)));
    }
    b.bytes -= bytes;
  }
}

function envNumber(name: string, fallback: number): number {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

export function ingestLimitsFromEnv(): RateLimits {
  return {
    requestsPerMinute: envNumber("OOPSCOPE_INGEST_REQUESTS_PER_MINUTE", 600),
    bytesPerMinute: envNumber("OOPSCOPE_INGEST_BYTES_PER_MINUTE", 64 * 1024 * 1024),
  };
}
