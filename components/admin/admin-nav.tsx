import Link from "next/link";

const SECTIONS = [
  { href: "/admin", label: "Getting started" },
  { href: "/admin/departments", label: "Departments" },
  { href: "/admin/journeys", label: "Journeys and stages" },
  { href: "/admin/touchpoints", label: "Touchpoints and metrics" },
  { href: "/admin/people", label: "People" },
  { href: "/admin/recipients", label: "Who gets what" },
  { href: "/admin/settings", label: "Settings" },
  { href: "/admin/outbox", label: "Outbox" },
  { href: "/admin/webhooks", label: "Webhooks" },
  { href: "/admin/audit", label: "Audit log" },
];

/** The admin area's sections; `current` is the one shown. */
export function AdminNav({ current }: { current: string }) {
  return (
    <nav aria-label="Administration" className="relative mb-6 flex gap-1 overflow-x-auto border-b border-slate-200">
      {SECTIONS.map((s) => (
        <Link
          key={s.href}
          href={s.href}
          aria-current={s.href === current ? "page" : undefined}
          className="-mb-px border-b-2 border-transparent px-3 py-2 whitespace-nowrap text-sm font-medium text-slate-600 hover:text-slate-900 aria-[current=page]:border-brand aria-[current=page]:text-brand-dark"
        >
          {s.label}
        </Link>
      ))}
    </nav>
  );
}
