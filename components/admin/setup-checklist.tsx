import Link from "next/link";
import type { SetupProgress } from "@/lib/data/setup";

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function steps(p: SetupProgress) {
  return [
    {
      title: "Add your departments",
      text: "Every touchpoint is owned by one department: marketing, front of house, kitchen, support…",
      done: p.departments > 0,
      status: plural(p.departments, "department"),
      href: "/admin/departments",
      action: "Departments",
    },
    {
      title: "Map the customer journey",
      text: "A journey and its stages in the order the customer lives them, e.g. need → evaluate → decide → delivery → ongoing service.",
      done: p.journeys > 0 && p.stages > 1,
      status: `${plural(p.journeys, "journey")}, ${plural(p.stages, "stage")}`,
      href: "/admin/journeys",
      action: "Journeys and stages",
    },
    {
      title: "Place the touchpoints",
      text: "Put each touchpoint in its stage, with the department that owns it. Mark the moments of truth.",
      done: p.touchpoints > 0,
      status: plural(p.touchpoints, "touchpoint"),
      href: "/admin/touchpoints",
      action: "Touchpoints",
    },
    {
      title: "Choose what to measure",
      text: "Give each touchpoint its metrics (CSAT, NPS, response times…) with a target and a warning line.",
      done: p.metrics > 0,
      status: plural(p.metrics, "metric"),
      href: "/admin/touchpoints",
      action: "Metrics",
    },
    {
      title: "Invite the department heads",
      text: "Each head enters the figures for the touchpoints their department owns; executives and viewers read the overview.",
      done: p.people > 1,
      status: `${plural(p.people, "person", "people")} with access${p.openInvitations ? `, ${plural(p.openInvitations, "invitation")} open` : ""}`,
      href: "/admin/people",
      action: "People",
    },
    {
      title: "Enter the first figures",
      text: "Heads enter figures by form, CSV import or the API. The overview fills in from the first period with figures.",
      done: p.hasFigures,
      status: p.hasFigures ? "Figures are coming in" : "No figures yet",
      href: "/entry",
      action: "Metric entry",
    },
  ];
}

/** The set-up steps in order, ticked off from the database; the first open one is highlighted. */
export function SetupChecklist({ progress }: { progress: SetupProgress }) {
  const list = steps(progress);
  const next = list.findIndex((s) => !s.done);
  return (
    <div className="max-w-3xl">
      <p className="mb-4 text-sm text-slate-600" role="status">
        {next === -1 ? "Everything is set up. The overview shows the whole journey." : `${list.filter((s) => s.done).length} of ${list.length} steps done.`}
      </p>
      <ol className="space-y-3" aria-label="Set-up steps">
        {list.map((step, i) => (
          <li key={step.title} data-testid="setup-step" data-done={step.done} className={`flex flex-wrap items-start gap-4 rounded-xl border bg-white p-4 shadow-xs sm:flex-nowrap ${i === next ? "border-brand ring-1 ring-brand/30" : "border-slate-200"}`}>
            <span aria-hidden="true" className={`flex size-8 shrink-0 items-center justify-center rounded-full text-sm font-semibold ${step.done ? "bg-band-good text-white" : i === next ? "bg-brand text-white" : "bg-slate-100 text-slate-600"}`}>
              {step.done ? "✓" : i + 1}
            </span>
            <div className="min-w-0 flex-1">
              <h2 className="font-medium">
                {step.title}
                <span className="sr-only">{step.done ? " (done)" : " (to do)"}</span>
              </h2>
              <p className="mt-0.5 text-sm text-slate-600">{step.text}</p>
              <p className="mt-1 text-xs text-slate-500">{step.status}</p>
            </div>
            <Link href={step.href} className={`shrink-0 self-center rounded-md px-3 py-1.5 text-sm font-medium ${i === next ? "bg-brand text-white hover:bg-brand-dark" : "border border-slate-300 text-slate-800 hover:bg-slate-50"}`}>
              {step.action}<span className="sr-only"> for step {i + 1}</span>
            </Link>
          </li>
        ))}
      </ol>
    </div>
  );
}
