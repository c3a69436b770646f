import { expect, test } from "@playwright/test";
import { EMPTY_BASE_URL, EMPTY_FOR_DEMO_BASE_URL } from "../playwright.config";

// Against the second server, whose database has no organisation and no one in it. One story,
// in order: it uses that database up.
test.use({ baseURL: EMPTY_BASE_URL });
test.describe.configure({ mode: "serial" });

const ADMIN = { name: "Robin Owner", email: "robin@bistro.example", password: "north star kitchen" };
const HEAD = { name: "Chef Ada", email: "ada@bistro.example", password: "saffron and thyme" };

test("an admin builds a small organisation from an empty database, invites a head who enters a figure, and the touchpoint shows on the overview", async ({ page, browser }) => {
  test.setTimeout(120_000);

  // Any page leads a first visitor to set-up.
  await page.goto("/overview");
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole("heading", { name: "Welcome to Touchline" })).toBeVisible();
  const setup = page.getByRole("form", { name: "Set up your organisation" });
  await setup.getByLabel("Organisation name").fill("Corner Bistro");
  await setup.getByLabel("Your name").fill(ADMIN.name);
  await setup.getByLabel("Email").fill(ADMIN.email);
  await setup.getByLabel("Password", { exact: true }).fill("short");
  await setup.getByLabel("Repeat the password").fill("short");
  await setup.getByRole("button", { name: "Create organisation" }).click();
  await expect(setup.getByText("Use at least 10 characters")).toBeVisible();
  await setup.getByLabel("Password", { exact: true }).fill(ADMIN.password);
  await setup.getByLabel("Repeat the password").fill(ADMIN.password);
  await setup.getByRole("button", { name: "Create organisation" }).click();

  // Signed in as the new admin, on the checklist.
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByTestId("signed-in-user")).toContainText(ADMIN.name);
  await expect(page.getByRole("status").filter({ hasText: "steps done" })).toHaveText("0 of 6 steps done.");
  await page.getByRole("link", { name: "Departments for step 1" }).click();

  for (const name of ["Kitchen", "Front of House"]) {
    await page.getByLabel("New department").fill(name);
    await page.getByRole("button", { name: "Add department" }).click();
    await expect(page.getByTestId("department-row").filter({ hasText: name })).toBeVisible();
  }

  await page.getByRole("link", { name: "Journeys and stages" }).click();
  await page.getByLabel("New journey").fill("Dinner");
  await page.getByRole("button", { name: "Add journey" }).click();
  const journey = page.getByTestId("journey-admin").filter({ has: page.getByRole("heading", { name: "Dinner" }) });
  for (const stage of ["Book", "Dine", "Pay"]) {
    await journey.getByLabel("New stage for Dinner").fill(stage);
    await journey.getByLabel("New stage for Dinner").press("Enter");
    await expect(journey.getByTestId("stage-row").filter({ hasText: stage })).toBeVisible();
  }

  await page.getByRole("link", { name: "Touchpoints and metrics" }).click();
  const dine = page.getByRole("region", { name: "2. Dine" });
  const add = dine.getByRole("form", { name: "Add a touchpoint to Dine" });
  await add.getByLabel("New touchpoint in Dine").fill("Main course");
  await add.getByLabel("Owned by").selectOption({ label: "Kitchen" });
  await add.getByLabel("Moment of truth").check();
  await add.getByRole("button", { name: "Add touchpoint" }).click();
  const mainCourse = dine.getByTestId("touchpoint-admin").filter({ hasText: "Main course" });
  await expect(mainCourse).toContainText("★ moment of truth");
  await mainCourse.locator("summary").click();
  await mainCourse.getByLabel("New metric for Main course").fill("Dish rating");
  await mainCourse.getByLabel("Kind").selectOption({ label: "Rating (1–5 stars)" });
  await mainCourse.getByLabel("Target").fill("4.5");
  await mainCourse.getByLabel("Warning line").fill("4");
  await mainCourse.getByRole("button", { name: "Add metric" }).click();
  await expect(mainCourse.getByRole("rowheader", { name: /Dish rating/ })).toBeVisible();

  // Invite the head of Kitchen; the link is shown once.
  await page.getByRole("link", { name: "People" }).click();
  const invite = page.getByRole("form", { name: "Invite someone" });
  await invite.getByLabel("Email address").fill(HEAD.email);
  await invite.getByLabel("Role").selectOption("DEPARTMENT_HEAD");
  await invite.getByRole("button", { name: "Make invitation link" }).click();
  await expect(invite.getByText("A department head needs at least one department")).toBeVisible();
  await invite.getByLabel("Kitchen").check();
  await invite.getByRole("button", { name: "Make invitation link" }).click();
  const link = await page.getByLabel("Invitation link").inputValue();
  expect(link).toMatch(new RegExp(`^${EMPTY_BASE_URL}/invite/[A-Za-z0-9_-]{43}$`));
  await expect(page.getByTestId("invitation-row").filter({ hasText: HEAD.email })).toContainText("Department head");

  // The head, in a browser of their own, accepts and lands on metric entry.
  const headContext = await browser.newContext({ baseURL: EMPTY_BASE_URL });
  const head = await headContext.newPage();
  await head.goto(link);
  await expect(head.getByText(`${ADMIN.name} invited ${HEAD.email} as a department head for Kitchen`)).toBeVisible();
  const join = head.getByRole("form", { name: "Join Touchline" });
  await join.getByLabel("Your name").fill(HEAD.name);
  await join.getByLabel("Password", { exact: true }).fill(HEAD.password);
  await join.getByLabel("Repeat the password").fill("saffron and thyme!");
  await join.getByRole("button", { name: "Join Touchline" }).click();
  await expect(join.getByText("The two passwords differ")).toBeVisible();
  await join.getByLabel("Repeat the password").fill(HEAD.password);
  await join.getByRole("button", { name: "Join Touchline" }).click();
  await expect(head).toHaveURL(/\/entry/);
  await expect(head.getByTestId("signed-in-user")).toContainText(HEAD.name);
  await head.getByRole("textbox", { name: /^Dish rating \(.*\) value$/ }).fill("4.6");
  await head.keyboard.press("Control+s");
  await expect(head.getByText("Saved 1 figure")).toBeVisible();

  // The link is used up.
  const reused = await headContext.newPage();
  await reused.goto(link);
  await expect(reused.getByRole("heading", { name: "This invitation has been used" })).toBeVisible();
  await headContext.close();

  // Back with the admin: the touchpoint is on the overview with its score, and the checklist is done.
  await page.goto("/overview");
  const tile = page.getByTestId("touchpoint-tile").filter({ hasText: "Main course" });
  await expect(tile).toContainText("Kitchen");
  await expect(tile).toContainText("90.0"); // 4.6 stars on 1..5 → (4.6 − 1) / 4 × 100
  await page.goto("/admin");
  await expect(page.getByRole("status").filter({ hasText: "set up" })).toHaveText("Everything is set up. The overview shows the whole journey.");

  // Set-up is closed now: the page sends people to sign in.
  await page.goto("/setup");
  await expect(page).toHaveURL(/\/overview$/);
});

test("on another empty database, the first visitor loads the demo organisation instead and is its admin", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: EMPTY_FOR_DEMO_BASE_URL });
  const page = await context.newPage();
  await page.goto("/signin");
  await expect(page).toHaveURL(/\/setup$/);
  await page.getByRole("button", { name: "Explore with demo data" }).click();
  await expect(page).toHaveURL(/\/overview/, { timeout: 30_000 });
  await expect(page.getByTestId("signed-in-user")).toContainText("Avery Admin");
  await expect(page.getByRole("heading", { name: "Dine-in" })).toBeVisible();
  // Set-up is closed from now on.
  await page.goto("/setup");
  await expect(page).toHaveURL(/\/overview$/);
  await context.close();
});
