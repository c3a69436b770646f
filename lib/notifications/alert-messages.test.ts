import { describe, expect, it } from "vitest";
import { alertEmail, composeAlert } from "./alert-messages";
import type { AlertFacts } from "./alert-rules";
import { appUrl } from "./mail";

const WEEK = new Date("2026-11-16T00:00:00Z");
const refs = { touchpoint: { id: 12, name: "Food" }, department: { id: 3, name: "Kitchen" }, journey: { id: 1, name: "Dine-in" } };

describe("composeAlert", () => {
  it("says a touchpoint fell below its warning line with the numbers as the pages show them, and links to its report at that week", () => {
    const facts: AlertFacts = { rule: "below_warning", ...refs, score: 42.45, warningScore: 60 };
    const m = composeAlert(facts, "triggered", WEEK, "WEEK", 1);
    expect(m.title).toBe("Food (Kitchen) fell below its warning line");
    expect(m.summary).toBe("42.5 in the week of 16 Nov 2026 (warning 60.0)");
    expect(m.path).toBe("/touchpoints/12?to=2026-11-16");
    expect(m.webhook.text).toBe("Food (Kitchen) fell below its warning line: 42.5 in the week of 16 Nov 2026 (warning 60.0)");
    expect(m.webhook.data).toEqual({
      rule: "below_warning",
      change: "triggered",
      crossing: 1,
      period: "2026-11-16",
      touchpoint: { id: 12, name: "Food" },
      department: { id: 3, name: "Kitchen" },
      journey: { id: 1, name: "Dine-in" },
      value: 42.5,
      threshold: 60,
      url: `${appUrl()}/touchpoints/12?to=2026-11-16`,
    });
  });

  it("says it is back above the line when it recovers", () => {
    const m = composeAlert({ rule: "below_warning", ...refs, score: 66.08, warningScore: 60 }, "recovered", WEEK, "WEEK", 2);
    expect(m.title).toBe("Food (Kitchen) is back above its warning line: 66.1");
    expect(m.webhook.text).toBe("Food (Kitchen) is back above its warning line: 66.1 in the week of 16 Nov 2026 (warning 60.0)");
    expect(m.webhook.data).toMatchObject({ change: "recovered", crossing: 2 });
  });

  it("shows a falling run score by score, and when it stopped, against the period before", () => {
    const falling: AlertFacts = { rule: "falling", ...refs, score: 52.3, fallingFor: 3, run: [61.2, 58.4, 55, 52.3], previous: 55 };
    expect(composeAlert(falling, "triggered", WEEK, "WEEK", 1)).toMatchObject({
      title: "Food (Kitchen) has fallen 3 weeks in a row",
      summary: "52.3 in the week of 16 Nov 2026, down each week: 61.2 → 58.4 → 55.0 → 52.3",
    });
    const stopped = composeAlert({ ...falling, score: 53, fallingFor: 0, run: [53], previous: 52.3 }, "recovered", new Date("2026-11-01T00:00:00Z"), "MONTH", 1);
    expect(stopped.title).toBe("Food (Kitchen) has stopped falling: 53.0");
    expect(stopped.summary).toBe("53.0 in November 2026 (52.3 the month before)");
    expect(stopped.webhook.text).toBe("Food (Kitchen) has stopped falling: 53.0 in November 2026 (52.3 the month before)");
    expect(composeAlert({ ...falling, fallingFor: 0, previous: null }, "recovered", WEEK, "WEEK", 1).summary).toBe("52.3 in the week of 16 Nov 2026 (no score the week before)");
  });

  it("names the journey's missing points, the alert line and the department that costs the most, linking to the overview at that week", () => {
    const facts: AlertFacts = { rule: "shortfall", journey: { id: 1, name: "Dine-in" }, missing: 6.2, threshold: 5, drag: "Kitchen costs the most: 3.1 points, mostly Food (70.0 vs 85.0)." };
    const m = composeAlert(facts, "triggered", WEEK, "WEEK", 1);
    expect(m.title).toBe("Dine-in is missing 6.2 points against its targets");
    expect(m.summary).toBe("Week of 16 Nov 2026, past the alert line of 5.0 points. Kitchen costs the most: 3.1 points, mostly Food (70.0 vs 85.0).");
    expect(m.path).toBe("/overview?journey=1&period=2026-11-16");
    expect(m.webhook.data).toMatchObject({ rule: "shortfall", journey: { id: 1, name: "Dine-in" }, value: 6.2, threshold: 5 });
    expect(composeAlert({ ...facts, missing: 1 }, "recovered", WEEK, "WEEK", 1).title).toBe("Dine-in is back within its alert line: 1.0 point missing");
  });
});

describe("alertEmail", () => {
  it("greets the person, links absolutely and says why it came to them", () => {
    const m = composeAlert({ rule: "below_warning", ...refs, score: 42.45, warningScore: 60 }, "triggered", WEEK, "WEEK", 1);
    const head = alertEmail(m, "Kai Chen", { heads: "Kitchen" });
    expect(head.text).toBe(
      [
        "Hello Kai Chen,",
        "",
        "Food (Kitchen) fell below its warning line.",
        "42.5 in the week of 16 Nov 2026 (warning 60.0).",
        "",
        `Open the touchpoint's report at that period: ${appUrl()}/touchpoints/12?to=2026-11-16`,
        "",
        "You get this because you head Kitchen.",
      ].join("\n"),
    );
    expect(head.html).toContain(`<a href="${appUrl()}/touchpoints/12?to=2026-11-16">`);
    expect(alertEmail(m, "Morgan <Lee>", { follows: "Food" }).html).toContain("Hello Morgan &#60;Lee&#62;,");
    expect(alertEmail(m, "Morgan", { follows: "Food" }).text).toContain("You get this because you follow Food.");
  });
});
