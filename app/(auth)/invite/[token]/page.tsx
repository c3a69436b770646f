import type { Metadata } from "next";
import { AcceptInvitationForm } from "@/components/auth/accept-invitation-form";
import { AuthCard } from "@/components/auth/auth-card";
import { UnusableLink } from "@/components/auth/unusable-link";
import { lookUpInvitation } from "@/lib/data/invitations";
import { ROLE_LABELS } from "@/lib/domain";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Join Touchline", robots: { index: false, follow: false }, referrer: "no-referrer" };

const UNUSABLE = {
  accepted: { title: "This invitation has been used", text: "Its account exists already. Sign in with the email address it was sent to." },
  expired: { title: "This invitation has expired", text: "Invitations work for 7 days. Ask your admin for a new one." },
  revoked: { title: "This invitation was withdrawn", text: "Ask your admin for a new one if you still need access." },
  unknown: { title: "This invitation link is not valid", text: "Check that you copied the whole link, or ask your admin for a new one." },
};

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await lookUpInvitation(token);
  if (invitation?.status !== "valid") {
    return <UnusableLink {...UNUSABLE[invitation?.status ?? "unknown"]} />;
  }
  const role = ROLE_LABELS[invitation.role];
  const departments = invitation.departments.length ? ` for ${invitation.departments.join(", ")}` : "";
  return (
    <AuthCard
      title="Join Touchline"
      intro={
        <>
          {invitation.invitedBy ?? "An admin"} invited <strong className="font-medium text-slate-800">{invitation.email}</strong> as {/^[AEIOU]/.test(role) ? "an" : "a"} {role.toLowerCase()}{departments}. Choose your name and a password to finish. The link works until {formatDateTime(new Date(invitation.expiresAt))}.
        </>
      }
    >
      <AcceptInvitationForm token={token} email={invitation.email} next={invitation.role === "DEPARTMENT_HEAD" ? "/entry" : "/overview"} />
    </AuthCard>
  );
}
