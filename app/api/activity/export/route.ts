import { getDb } from "@/db/client";
import { activityCsvStream } from "@/lib/activity/export-csv";
import { parseActivitySearch } from "@/lib/activity/params";
import { currentUserId } from "@/lib/auth/current-user";
import { errorResponse } from "@/lib/http";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** The signed-in user's runs matching Activity's filters (same query string), as CSV. */
export async function GET(request: Request) {
  try {
    const userId = await currentUserId();
    const { filters } = parseActivitySearch(
      Object.fromEntries(new URL(request.url).searchParams.entries()),
    );
    const stamp = new Date().toISOString().slice(0, 10);
    return new Response(activityCsvStream(getDb(), { userId, filters }), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="quorum-activity-${stamp}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
