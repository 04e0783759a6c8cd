import { z } from "zod";
import { getDb } from "@/db/client";
import { currentUserId } from "@/lib/auth/current-user";
import { errorResponse } from "@/lib/http";
import { getModelRegistryForUser } from "@/lib/models/user-registry";
import { runToJson, runToMarkdown } from "@/lib/runs/export";
import { loadRunView } from "@/lib/runs/load-run";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const paramsSchema = z.object({ id: z.string().min(1).max(200) });
const querySchema = z.object({ format: z.enum(["md", "json"]).default("md") });

/** Downloads a run as Markdown (`?format=md`, the default) or JSON (`?format=json`). */
export async function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  try {
    const { id } = paramsSchema.parse(await context.params);
    const { format } = querySchema.parse({
      format: new URL(request.url).searchParams.get("format") ?? undefined,
    });
    const userId = await currentUserId();
    const view = await loadRunView(getDb(), { userId, runId: id });
    const options = { modelName: modelNames(userId) };
    const body = format === "md" ? runToMarkdown(view, options) : runToJson(view, options);
    const filename = `quorum-run-${id.replace(/[^a-zA-Z0-9-]/g, "")}.${format}`;
    return new Response(body, {
      headers: {
        "Content-Type":
          format === "md" ? "text/markdown; charset=utf-8" : "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="${filename}"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}

/** Display names from the user's catalog; an export never fails for want of one. */
function modelNames(userId: string): (id: string) => string {
  try {
    const registry = getModelRegistryForUser(userId);
    return (id) => registry.info(id)?.name ?? id;
  } catch {
    return (id) => id;
  }
}
