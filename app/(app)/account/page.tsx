import type { Metadata } from "next";
import { SessionsList } from "@/components/account/sessions-list";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { PreferencesForm } from "@/components/notifications/preferences-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { lifetimeText } from "@/lib/auth/session-lifetime";
import { listDepartmentNames } from "@/lib/data/departments";
import { getOwnPreferences } from "@/lib/data/notification-preferences";
import { getSessionLimits, listOwnSessions } from "@/lib/data/sessions";
import { ROLE_LABELS } from "@/lib/domain";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const user = await requireUser();
  const [departments, sessions, limits, preferences] = await Promise.all([listDepartmentNames(user.departmentIds), listOwnSessions(user), getSessionLimits(), getOwnPreferences(user)]);
  return (
    <>
      <PageHeader title="Your account" description="Who Touchline knows you as, your password, what Touchline tells you, and where you're signed in." />
      <div className="grid max-w-4xl gap-6 md:grid-cols-2">
        <section aria-labelledby="profile-heading" className="rounded-xl border border-slate-200 bg-white p-5 shadow-xs">
          <h2 id="profile-heading" className="mb-3 text-base font-semibold">Profile</h2>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
            <dt className="text-slate-500">Name</dt>
            <dd>{user.name}</dd>
            <dt className="text-slate-500">Email</dt>
            <dd className="break-all">{user.email}</dd>
            <dt className="text-slate-500">Role</dt>
            <dd>{ROLE_LABELS[user.role]}</dd>
            <dt className="text-slate-500">Departments</dt>
            <dd>{departments.length ? departments.join(", ") : "None"}</dd>
          </dl>
          <p className="mt-4 text-xs text-slate-500">An admin changes names, roles and departments.</p>
        </section>
        <section aria-labelledby="password-heading" className="rounded-xl border border-slate-200 bg-white p-5 shadow-xs">
          <h2 id="password-heading" className="mb-1 text-base font-semibold">Change password</h2>
          <p className="mb-4 text-sm text-slate-600">You stay signed in here; every other device is signed out.</p>
          <ChangePasswordForm email={user.email} name={user.name} />
        </section>
        <section id="notifications" aria-labelledby="notifications-heading" className="scroll-mt-20 rounded-xl border border-slate-200 bg-white p-5 shadow-xs md:col-span-2">
          <h2 id="notifications-heading" className="mb-1 text-base font-semibold">Notifications</h2>
          <p className="mb-4 text-sm text-slate-600">
            What reaches you in the app (the bell) and by email at <span className="break-all">{user.email}</span>. Every email also has a link to stop that kind.
            {user.role !== "DEPARTMENT_HEAD" && " Reminders of missing figures go to department heads only."}
          </p>
          <PreferencesForm key={JSON.stringify(preferences)} preferences={preferences} />
        </section>
        <section aria-labelledby="sessions-heading" className="rounded-xl border border-slate-200 bg-white p-5 shadow-xs md:col-span-2">
          <h2 id="sessions-heading" className="mb-1 text-base font-semibold">Where you&apos;re signed in</h2>
          <p className="mb-2 text-sm text-slate-600">
            A session ends after {lifetimeText(limits.idleMinutes)} without use, and {lifetimeText(limits.maxHours * 60)} after signing in however busy. End any you don&apos;t recognise, then change your password.
          </p>
          <SessionsList sessions={sessions} />
        </section>
      </div>
    </>
  );
}
