// The bell's data: the signed-in person's newest notifications and their unread count.
import { getCurrentUser } from "@/lib/auth/session";
import { jsonError } from "@/lib/http";
import { listNotifications } from "@/lib/notifications/in-app";
import { NextResponse } from "next/server";

export async function GET() {
  const user = await getCurrentUser();
  if (!user) return jsonError(401, "Sign in to continue.");
  return NextResponse.json(await listNotifications(user), { headers: { "Cache-Control": "no-store" } });
}
