import { FIVE_HOWS, type FiveHowAnswers } from "@/lib/validation/process-change";

/** The five questions and their answers; a question marked "No impact" says so, set apart from text. */
export function FiveHows({ answers }: { answers: FiveHowAnswers }) {
  return (
    <dl className="divide-y divide-slate-100" data-testid="five-hows">
      {FIVE_HOWS.map(({ key, question }) => {
        const answer = answers[key];
        return (
          <div key={key} className="py-3 sm:grid sm:grid-cols-[minmax(0,2fr)_minmax(0,3fr)] sm:gap-6">
            <dt className="text-sm font-medium text-slate-700">{question}</dt>
            <dd className="mt-1 text-sm sm:mt-0">
              {answer === null ? (
                <span className="inline-flex items-center gap-1.5 rounded-full bg-slate-100 px-2.5 py-0.5 text-xs font-medium text-slate-600 ring-1 ring-slate-200">
                  <span aria-hidden="true">⊘</span> No impact
                </span>
              ) : (
                <p className="whitespace-pre-line break-words text-slate-900">{answer}</p>
              )}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
