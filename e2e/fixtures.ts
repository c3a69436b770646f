import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "touchline-demo";

export const USERS = {
  admin: { email: "admin@touchline.demo", name: "Avery Admin", role: "Admin" },
  executive: { email: "exec@touchline.demo", name: "Morgan Lee", role: "Executive" },
  kitchenHead: { email: "kitchen@touchline.demo", name: "Kai Chen", role: "Department head" },
  fohHead: { email: "foh@touchline.demo", name: "Fran Ortiz", role: "Department head" },
  viewer: { email: "viewer@touchline.demo", name: "Vic Patel", role: "Viewer" },
} as const;

/**
 * Signs in through next-auth's credentials endpoint, not the form (the form has its own test).
 * The session cookie lands in the page's browser context.
 */
export async function signInAs(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  const { csrfToken } = await (await page.request.get("/api/auth/csrf")).json();
  const response = await page.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true" },
  });
  expect(response.ok(), `sign-in as ${email}`).toBeTruthy();
  const cookies = await page.context().cookies();
  expect(cookies.some((c) => c.name.includes("next-auth.session-token")), `session cookie for ${email}`).toBeTruthy();
}

/** "YYYY-MM-DD" of the Monday `n` weeks before this week (the demo's periods are weeks). */
export function weeksAgo(n: number): string {
  const now = new Date();
  const monday = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - ((now.getUTCDay() + 6) % 7) * 86_400_000;
  return new Date(monday - n * 7 * 86_400_000).toISOString().slice(0, 10);
}
