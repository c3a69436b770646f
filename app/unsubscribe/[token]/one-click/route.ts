// RFC 8058 one-click unsubscribe: a mail client POSTs "List-Unsubscribe=One-Click" to the URL in
// the List-Unsubscribe header, which is the unsubscribe page's own; proxy.ts hands such form posts
// (never a server action's) to this handler. No session and no Origin check by design: the mail
// provider's server sends it, the signed token is the authority, and all it can do is turn email off.
import { unsubscribeByToken } from "@/lib/data/notification-preferences";
import { readBodyWithLimit } from "@/lib/http";
import { PREFERENCE_EVENT_LABELS } from "@/lib/notifications/preferences";
import { oneClickBodySchema, unsubscribeSchema } from "@/lib/validation/notification-preferences";

const answer = (status: number, text: string) => new Response(text, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const token = unsubscribeSchema.safeParse({ token: (await params).token });
  if (!token.success) return answer(404, "This unsubscribe link is not valid.");
  const body = await readBodyWithLimit(request, 1024);
  const form = oneClickBodySchema.safeParse(Object.fromEntries(new URLSearchParams(body ?? "")));
  if (!form.success) return answer(400, form.error.issues[0]!.message);
  const target = await unsubscribeByToken(token.data.token);
  if (!target) return answer(404, "This unsubscribe link is not valid.");
  return answer(200, `Unsubscribed: you will no longer get ${PREFERENCE_EVENT_LABELS[target.event].what} by email.`);
}
