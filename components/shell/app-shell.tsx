import Link from "next/link";
import type { ReactNode } from "react";
import type { CurrentUser } from "@/lib/data/users";
import { ROLE_LABELS } from "@/lib/domain";
import { canConfigureOrganisation, canUseEntry, canViewOverview } from "@/lib/permissions";
import { NavLinks } from "./nav-links";
import { NotificationBell } from "./notification-bell";
import { SignOutButton } from "./sign-out-button";

export function AppShell({ user, children }: { user: CurrentUser; children: ReactNode }) {
  const links = [
    canViewOverview(user) && { href: "/overview", label: "Overview" },
    canViewOverview(user) && { href: "/changes", label: "Changes" },
    canUseEntry(user) && { href: "/entry", label: "Metric entry" },
    canConfigureOrganisation(user) && { href: "/admin", label: "Admin" },
  ].filter((l) => l !== false);

  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white print:hidden">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
          <Link href="/overview" className="text-lg font-semibold tracking-tight text-brand-dark">
            Touchline
          </Link>
          <NavLinks links={links} />
          <div className="ml-auto flex items-center gap-3 text-sm">
            <NotificationBell />
            <Link href="/account" className="rounded-md px-2 py-1 text-right leading-tight hover:bg-slate-100" data-testid="signed-in-user" title="Your account and password">
              <span className="block font-medium text-slate-900">{user.name}</span>
              <span className="block text-xs text-slate-500">{ROLE_LABELS[user.role]}</span>
            </Link>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-7xl px-4 py-6 sm:px-6 sm:py-8 print:max-w-none print:p-0">{children}</main>
    </div>
  );
}
