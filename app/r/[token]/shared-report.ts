import "server-only";
import { cache } from "react";
import { resolveShareToken } from "@/lib/data/share-links";
import { getTouchpointReport, publicReport } from "@/lib/data/touchpoint-report";

/** The public report behind a token, or null for any token that is not live; once per request. */
export const getSharedReport = cache(async (token: string) => {
  const link = await resolveShareToken(token);
  if (!link) return null;
  const report = await getTouchpointReport(link.touchpointId, link.range?.from, link.range?.to);
  return report && { linkId: link.id, report: publicReport(report) };
});
