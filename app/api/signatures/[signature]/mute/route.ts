import { z } from "zod";
import { signatureSchema } from "@/lib/schemas/incident";
import { requireApi } from "@/lib/server/auth/access";
import { toErrorResponse } from "@/lib/server/http";
import { setSignatureMuted } from "@/lib/server/signatures/signature-mute";

export const runtime = "nodejs";

const paramsSchema = z.object({ signature: signatureSchema });

async function setMuted(request: Request, ctx: { params: Promise<{ signature: string }> }, muted: boolean): Promise<Response> {
  try {
    const actor = await requireApi(request, "signature:mute");
    const { signature } = paramsSchema.parse(await ctx.params);
    return Response.json(await setSignatureMuted(actor, signature, muted));
  } catch (err) {
    return toErrorResponse(err);
  }
}

/** Mutes the signature's notifications (editors) → 200 {mute: {signature, title, mutedBy, mutedAt}}. */
export function PUT(request: Request, ctx: { params: Promise<{ signature: string }> }): Promise<Response> {
  return setMuted(request, ctx, true);
}

/** Unmutes it → 200 {mute: null}. */
export function DELETE(request: Request, ctx: { params: Promise<{ signature: string }> }): Promise<Response> {
  return setMuted(request, ctx, false);
}
