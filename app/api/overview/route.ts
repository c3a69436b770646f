// The overview's data for the browser: TanStack Query fetches it when the journey, view or
// period changes, so the page does not reload. Same parameters as /overview's URL.
import { NextResponse, type NextRequest } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { getOverview } from "@/lib/data/overview";
import { canViewOverview } from "@/lib/permissions";
import { parseOverviewParams } from "@/lib/validation/overview";

export async function GET(request: NextRequest) {
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ error: "Sign in to continue." }, { status: 401 });
  if (!canViewOverview(user)) return NextResponse.json({ error: "Your role cannot see the overview." }, { status: 403 });
  const { params, problems } = parseOverviewParams(request.nextUrl.searchParams);
  return NextResponse.json(await getOverview(params, problems), { headers: { "Cache-Control": "no-store" } });
}
