// The entry grid's data, for TanStack Query when the user switches department or period.
import { NextResponse, type NextRequest } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { getEntrySheet } from "@/lib/data/entry-sheet";
import { getOrganisationSettings } from "@/lib/data/organisation";
import { isEnterablePeriod } from "@/lib/periods";
import { canWriteEntries } from "@/lib/permissions";
import { entrySheetQuerySchema } from "@/lib/validation/entry-sheet";
import { fieldErrors } from "@/lib/validation/fields";

export async function GET(request: NextRequest) {
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ error: "Sign in to continue." }, { status: 401 });
  const parsed = entrySheetQuerySchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!parsed.success) {
    const fields = fieldErrors(parsed.error);
    return NextResponse.json({ error: Object.values(fields)[0], fields }, { status: 400 });
  }
  const { department, period } = parsed.data;
  if (!canWriteEntries(user, department)) {
    return NextResponse.json({ error: "You can only enter figures for the departments you head." }, { status: 403 });
  }
  const { periodGranularity } = await getOrganisationSettings();
  if (!isEnterablePeriod(period, periodGranularity)) {
    return NextResponse.json({ error: "That is not a period you can enter figures for." }, { status: 422 });
  }
  return NextResponse.json(await getEntrySheet(department, period, periodGranularity), {
    headers: { "Cache-Control": "no-store" },
  });
}
