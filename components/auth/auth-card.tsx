import type { ReactNode } from "react";

/** The centred card the signed-out pages share: sign-in, invitations, first-run set-up. */
export function AuthCard({ title, intro, children, wide = false }: { title: string; intro?: ReactNode; children: ReactNode; wide?: boolean }) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className={`w-full ${wide ? "max-w-lg" : "max-w-sm"}`}>
        <div className="mb-8 text-center">
          <p className="text-2xl font-semibold tracking-tight text-brand-dark">Touchline</p>
          <p className="mt-1 text-sm text-slate-600">Every department&apos;s touchpoints, one customer journey.</p>
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
          <h1 className="mb-2 text-lg font-semibold">{title}</h1>
          {intro && <div className="mb-5 text-sm text-slate-600">{intro}</div>}
          {!intro && <div className="mb-3" />}
          {children}
        </div>
      </div>
    </main>
  );
}
