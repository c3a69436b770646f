import { describe, expect, it } from "vitest";
import { changeWords, composeDigest, digestSummary, type Digest, type DigestJourney } from "./digest-message";

const journey = (over: Partial<DigestJourney> = {}): DigestJourney => ({
  id: 1,
  name: "Dine-in",
  score: 78.94,
  targetScore: 82.25,
  change: -0.449,
  changeCoverage: 1,
  periodStatus: "complete",
  headline: "Dine-in is 3.3 points under target (78.9 vs 82.3).",
  drag: "Facilities costs the most: 1.9 points, mostly Dining room cleanliness (61.4 vs 88.8).",
  missingNote: null,
  atRisk: [{ id: 12, name: "Dining room cleanliness", department: "Facilities", score: 61.44, warningScore: 70, belowWarning: true, fallingFor: 3 }],
  atRiskCount: 1,
  lastComplete: null,
  changes: [{ id: 7, title: "New booking page", date: "18 Nov 2026" }],
  url: "https://touchline.example/overview?journey=1&view=week&period=2026-11-16",
  lastCompleteUrl: null,
  ...over,
});

const digest = (over: Partial<Digest> = {}): Digest => ({
  organisation: "Harbour & Vine",
  period: { key: "2026-11-16", label: "Week of 16 Nov 2026" },
  noun: "week",
  journeys: [journey()],
  missing: [{ department: "Kitchen", count: 2 }, { department: "Bar", count: 1 }],
  baseUrl: "https://touchline.example",
  ...over,
});

describe("composeDigest", () => {
  it("says each journey's headline, score, target and change with numbers as the overview shows them, then what is missing", () => {
    const { title, summary, text } = composeDigest(digest(), "Morgan Lee");
    expect(title).toBe("Touchline digest for the week of 16 Nov 2026");
    expect(summary).toBe("Dine-in 78.9 vs 82.3");
    expect(text).toBe(
      [
        "Hello Morgan Lee,",
        "",
        "How Harbour & Vine's customer journeys did in the week of 16 Nov 2026.",
        "",
        "DINE-IN",
        "Dine-in is 3.3 points under target (78.9 vs 82.3). Facilities costs the most: 1.9 points, mostly Dining room cleanliness (61.4 vs 88.8).",
        "Score 78.9, target 82.3, ▼ 0.4 vs previous week.",
        "At risk (1):",
        "  • Dining room cleanliness (Facilities): 61.4, warning 70.0 — below warning line · falling 3 weeks in a row",
        "A process change that took effect this week:",
        "  • New booking page (18 Nov 2026): https://touchline.example/changes/7",
        "Open the overview: https://touchline.example/overview?journey=1&view=week&period=2026-11-16",
        "",
        "MISSING FIGURES",
        "3 figures missing: Kitchen 2, Bar 1.",
      ].join("\n"),
    );
  });

  it("says empty sections plainly: nothing at risk, no changes, every figure in, and a month's digest in months", () => {
    const { text, html } = composeDigest(digest({ noun: "month", period: { key: "2026-10-01", label: "October 2026" }, journeys: [journey({ atRisk: [], atRiskCount: 0, changes: [] })], missing: [] }), "Avery");
    expect(text).toContain("How Harbour & Vine's customer journeys did in October 2026.");
    expect(text).toContain("Nothing is below its warning line or falling steadily.");
    expect(text).toContain("No process changes took effect this month.");
    expect(text).toContain("Every figure for October 2026 is in.");
    expect(text).toContain("▼ 0.4 vs previous month");
    expect(html).toContain("Nothing is below its warning line or falling steadily.");
    expect(html).toContain("No process changes took effect this month.");
    expect(html).toContain("Every figure for October 2026 is in.");
  });

  it("says a period with too few figures is not judged, as the overview does, and links the last complete one", () => {
    const partial = journey({
      periodStatus: "partial",
      change: null,
      headline: "Only 4 of 17 touchpoints reported for the week of 16 Nov 2026, too few to judge Dine-in against its target.",
      drag: null,
      atRisk: [],
      atRiskCount: 0,
      lastComplete: { key: "2026-11-09", label: "Week of 9 Nov 2026" },
      lastCompleteUrl: "https://touchline.example/overview?journey=1&view=week&period=2026-11-09",
    });
    const { text, summary, html } = composeDigest(digest({ journeys: [partial] }), "Morgan");
    expect(summary).toBe("Dine-in 78.9 vs 82.3 (not judged yet)");
    expect(text).toContain("Only 4 of 17 touchpoints reported for the week of 16 Nov 2026, too few to judge Dine-in against its target.\n");
    expect(text).toContain("Score 78.9, target 82.3, no change shown until more figures are in.");
    expect(text).toContain("Not judged yet: too few figures are in for this week. The last complete week, Week of 9 Nov 2026, shows what was at risk then.");
    expect(text).toContain("Last complete week: https://touchline.example/overview?journey=1&view=week&period=2026-11-09");
    expect(html).toContain('href="https://touchline.example/overview?journey=1&#38;view=week&#38;period=2026-11-09"');
  });

  it("lists at most the at-risk touchpoints it was given and says how many there are in all", () => {
    const five = Array.from({ length: 5 }, (_, i) => ({ id: i + 1, name: `T${i + 1}`, department: "Kitchen", score: 50 + i, warningScore: null, belowWarning: false, fallingFor: 4 }));
    const { text } = composeDigest(digest({ journeys: [journey({ atRisk: five, atRiskCount: 8 })] }), "M");
    expect(text).toContain("At risk (8, the 5 most urgent):");
    expect(text).toContain("  • T1 (Kitchen): 50.0 — falling 4 weeks in a row");
    expect(text.match(/^ {2}• T\d/gm)).toHaveLength(5);
  });

  it("escapes every piece of data in the HTML and keeps to what mail clients render", () => {
    const hostile = journey({
      name: `<script>alert("x")</script>`,
      headline: `Fish & chips <b>is</b> "under" target.`,
      drag: null,
      atRisk: [{ id: 3, name: `<img src=x onerror=alert(1)>`, department: "R&D", score: 10, warningScore: 20, belowWarning: true, fallingFor: 0 }],
      atRiskCount: 1,
      changes: [{ id: 4, title: `'quoted' & <i>tagged</i>`, date: "1 Nov 2026" }],
    });
    const { html, text } = composeDigest(digest({ organisation: "A&B <Ltd>", journeys: [hostile] }), `<Eve>`);
    expect(html).not.toMatch(/<(script|img|b|i|style|link|iframe)[\s>]|javascript:/i);
    expect(html).toContain("&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;");
    expect(html).toContain("Fish &#38; chips &#60;b&#62;is&#60;/b&#62; &#34;under&#34; target.");
    expect(html).toContain("&#39;quoted&#39; &#38; &#60;i&#62;tagged&#60;/i&#62;");
    expect(html).toContain("Hello &#60;Eve&#62;,");
    expect(html).toContain("A&#38;B &#60;Ltd&#62;");
    // Plain text is not HTML: it says the names as they are.
    expect(text).toContain(`Hello <Eve>,`);
    // One fixed-width table no wider than 600 px, every style inline, links only to the app.
    expect(html).toContain('width="600" style="width:100%;max-width:600px;');
    for (const width of html.matchAll(/width="(\d+)"/g)) expect(Number(width[1])).toBeLessThanOrEqual(600);
    for (const link of html.matchAll(/(?:href|src)="([^"]*)"/g)) expect(link[1]).toMatch(/^https:\/\/touchline\.example\//);
    expect(html).not.toMatch(/class=/);
  });

  it("rounds scores half up on the decimal value, as the pages do", () => {
    const { text } = composeDigest(digest({ journeys: [journey({ score: 84.74999999999999, targetScore: 85.25, change: 0.04 })] }), "M");
    expect(text).toContain("Score 84.8, target 85.3, no change since the previous week.");
  });
});

describe("changeWords", () => {
  it("says the change as the overview's Change does, with 'so far' in a period in progress and the like-for-like note", () => {
    expect(changeWords({ change: 1.25, changeCoverage: 1, periodStatus: "complete" }, "week")).toBe("▲ 1.3 vs previous week");
    expect(changeWords({ change: -2, changeCoverage: 0.9, periodStatus: "in-progress" }, "week")).toBe("▼ 2.0 vs previous week so far (on the figures both weeks have)");
    expect(changeWords({ change: null, changeCoverage: 0, periodStatus: "complete" }, "month")).toBe("no change shown (no figures to compare with the previous month)");
  });
});

describe("digestSummary", () => {
  it("says so when there are no journeys", () => {
    expect(digestSummary(digest({ journeys: [] }))).toBe("No journeys yet");
  });
});

describe("the missing-points note", () => {
  it("follows the headline in the text and the HTML when more points are missing than the gap", () => {
    const note = "Touchpoints below their own targets cost 2.8 points in all; those above theirs make up 1.1 of them.";
    const { text, html } = composeDigest(digest({ journeys: [journey({ missingNote: note })] }), "Morgan Lee");
    expect(text).toContain(`Dine-in is 3.3 points under target (78.9 vs 82.3). Facilities costs the most: 1.9 points, mostly Dining room cleanliness (61.4 vs 88.8). ${note}`);
    expect(html).toContain(`<span style="font-weight:normal">${note}</span>`);
  });
});
