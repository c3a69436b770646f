// The shared report's figures as CSV: the same checks as the page (rate limit in proxy.ts).
import { csvResponse } from "@/lib/report-csv";
import { getSharedReport } from "../shared-report";

export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const shared = await getSharedReport((await params).token);
  if (!shared) {
    return new Response("This link is no longer available.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store" } });
  }
  return csvResponse(shared.report);
}
