// The touchpoint report's figures as CSV, for signed-in users (?from=&to= as on the page).
import { NextResponse, type NextRequest } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { getTouchpointReport } from "@/lib/data/touchpoint-report";
import { canViewTouchpoint } from "@/lib/permissions";
import { csvResponse } from "@/lib/report-csv";
import { parseIdParam } from "@/lib/validation/fields";
import { parseReportRange } from "@/lib/validation/report";

export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ error: "Sign in to continue." }, { status: 401 });
  if (!canViewTouchpoint(user)) return NextResponse.json({ error: "Your role cannot see touchpoint reports." }, { status: 403 });
  const id = parseIdParam((await params).id);
  const range = parseReportRange(Object.fromEntries(request.nextUrl.searchParams));
  if (range.problems.length) return NextResponse.json({ error: range.problems[0] }, { status: 400 });
  const report = id ? await getTouchpointReport(id, range.from, range.to) : null;
  if (!report) return NextResponse.json({ error: "That touchpoint does not exist or has been archived." }, { status: 404 });
  return csvResponse(report);
}
