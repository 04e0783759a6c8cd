import { z } from "zod";
import { getDb } from "@/db/client";
import { getRun } from "@/db/queries/runs";
import { currentUserId } from "@/lib/auth/current-user";
import { QuorumError } from "@/lib/errors";
import { errorResponse } from "@/lib/http";
import { loadRunView } from "@/lib/runs/load-run";
import { getRunHub } from "@/lib/runs/run-hub";
import { runEventStream, SSE_HEADERS } from "@/lib/runs/sse";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const paramsSchema = z.object({ id: z.string().min(1).max(200) });

/** A run's live state as Server-Sent Events: snapshot, then events, then end (lib/runs/sse.ts). */
export async function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  try {
    const { id } = paramsSchema.parse(await context.params);
    const userId = await currentUserId();
    const db = getDb();
    // The hub knows nothing of owners: check the run is this user's before tailing it.
    if (!getRun(db, { userId, runId: id })) {
      throw new QuorumError("not_found:run", "This run does not exist.");
    }
    const stream = runEventStream({
      runId: id,
      hub: getRunHub(),
      loadSnapshot: () => loadRunView(db, { userId, runId: id }).catch(() => null),
      signal: request.signal,
    });
    return new Response(stream, { headers: SSE_HEADERS });
  } catch (error) {
    return errorResponse(error);
  }
}
