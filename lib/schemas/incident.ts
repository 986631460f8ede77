/** zod schemas for the incident API: path parameters and query strings. Shared by route handlers and tests. */
import { z } from "zod";

/** Incident ids are 22+ base64url characters (≥128 random bits). */
export const incidentIdSchema = z.string().regex(/^[A-Za-z0-9_-]{22,64}$/, "not an incident id");

export const incidentParamsSchema = z.object({ id: incidentIdSchema });

export const incidentFileParamsSchema = z.object({
  id: incidentIdSchema,
  n: z.coerce.number().int().min(0).max(10_000),
});

/**
 * `?wait=SECONDS` on an upload or an incident: how long the answer may wait for triage (0–600; absent: the server's
 * default for uploads, none for reads). A settled upload answers at once.
 */
export const uploadWaitQuerySchema = z.object({ wait: z.coerce.number().min(0).max(600).optional() });

/** Maximum lines served by one `lines` request (the virtual viewer asks for a window at a time). */
export const MAX_LINES_PER_REQUEST = 5_000;

export const lineRangeQuerySchema = z
  .object({
    from: z.coerce.number().int().min(1).default(1),
    to: z.coerce.number().int().min(1).optional(),
  })
  .transform(({ from, to }) => ({ from, to: Math.min(to ?? from + 999, from + MAX_LINES_PER_REQUEST - 1) }))
  .refine(({ from, to }) => to >= from, "to must be ≥ from");

export type LineRangeQuery = z.infer<typeof lineRangeQuerySchema>;

export { EMPTY_UPLOAD_MESSAGE } from "./messages";

export const INCIDENT_SORTS = ["newest", "oldest", "largest", "most-findings", "title"] as const;
export const VERDICTS = ["affected", "fixed", "unknown"] as const;
const word = z.string().trim().max(200).optional().default("");
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "a date is YYYY-MM-DD")
  .optional()
  .or(z.literal("").transform(() => undefined));

/** The incident list's filters (all optional), sort and page: one schema for the page and the API. */
export const incidentListQuerySchema = z.object({
  q: word,
  host: word,
  kernel: word,
  kb: word,
  verdict: z.enum(VERDICTS).optional().or(z.literal("").transform(() => undefined)),
  kind: word,
  /** Log time of a finding, UTC days, inclusive. */
  from: day,
  to: day,
  /** Muted signatures (notify.mutes): hide incidents whose every finding is muted, or show only those with one. */
  muted: z.enum(["hide", "only"]).optional().or(z.literal("").transform(() => undefined)),
  sort: z.enum(INCIDENT_SORTS).optional().default("newest"),
  page: z.coerce.number().int().min(1).max(100_000).optional().default(1),
  size: z.coerce.number().int().min(1).max(200).optional().default(50),
});

export type IncidentListQuery = z.infer<typeof incidentListQuerySchema>;

/** A finding signature (lib/engine/signature.ts): 16 lowercase hex digits. */
export const signatureSchema = z.string().regex(/^[0-9a-f]{16}$/, "not a signature");
