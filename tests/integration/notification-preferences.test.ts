// Notification preferences on the real database: a person's own choices (the account page), the
// one-click unsubscribe that works without signing in, and "who gets what" for admins.
import { beforeEach, describe, expect, it } from "vitest";
import { POST as oneClick } from "../../app/unsubscribe/[token]/one-click/route";
import { getOwnPreferences, getUnsubscribeTarget, listRecipients, maskEmail, saveOwnPreferences, unsubscribeByToken } from "../../lib/data/notification-preferences";
import { db } from "../../lib/db";
import { unsubscribeToken } from "../../lib/notifications/unsubscribe";
import { savePreferencesSchema } from "../../lib/validation/notification-preferences";
import { actorFor, refusal } from "./helpers";

const EXEC = "exec@touchline.demo";
const KITCHEN = "kitchen@touchline.demo";
const VIEWER = "viewer@touchline.demo";
const ADMIN = "admin@touchline.demo";

beforeEach(async () => {
  await db.notificationPreference.deleteMany();
  await db.touchpointFollower.deleteMany();
  await db.journeyFollower.deleteMany();
});

const rows = () => db.notificationPreference.findMany({ orderBy: [{ userId: "asc" }, { event: "asc" }, { channel: "asc" }], select: { userId: true, event: true, channel: true, enabled: true } });
const choices = (...list: { event: string; channel: string; enabled: boolean }[]) => savePreferencesSchema.parse({ choices: list });

describe("own preferences", () => {
  it("shows each role's defaults, marked as defaults; reminders only to department heads", async () => {
    const [exec, kitchen, viewer] = await Promise.all([actorFor(EXEC), actorFor(KITCHEN), actorFor(VIEWER)]);
    expect(await getOwnPreferences(exec)).toEqual([
      { event: "alert", channels: [{ channel: "in_app", enabled: true, isDefault: true }, { channel: "email", enabled: true, isDefault: true }] },
      { event: "digest", channels: [{ channel: "in_app", enabled: false, isDefault: true }, { channel: "email", enabled: true, isDefault: true }] },
    ]);
    expect((await getOwnPreferences(kitchen)).map((e) => e.event)).toEqual(["reminder", "alert", "digest"]);
    expect((await getOwnPreferences(viewer)).find((e) => e.event === "digest")!.channels).toEqual([
      { channel: "in_app", enabled: false, isDefault: true },
      { channel: "email", enabled: false, isDefault: true },
    ]);
  });

  it("saves only the caller's own choices, and only those sent; the rest stay on the default", async () => {
    const [exec, kitchen] = await Promise.all([actorFor(EXEC), actorFor(KITCHEN)]);
    const after = await saveOwnPreferences(kitchen, choices({ event: "digest", channel: "email", enabled: true }, { event: "reminder", channel: "email", enabled: false }));
    expect(after.find((e) => e.event === "digest")!.channels).toEqual([
      { channel: "in_app", enabled: false, isDefault: true },
      { channel: "email", enabled: true, isDefault: false },
    ]);
    expect(await rows()).toEqual([
      { userId: kitchen.id, event: "digest", channel: "email", enabled: true },
      { userId: kitchen.id, event: "reminder", channel: "email", enabled: false },
    ]);
    // Saving again changes the row, not adds one; the executive's are untouched.
    await saveOwnPreferences(kitchen, choices({ event: "digest", channel: "email", enabled: false }));
    expect(await db.notificationPreference.count({ where: { userId: kitchen.id } })).toBe(2);
    expect(await db.notificationPreference.count({ where: { userId: exec.id } })).toBe(0);
  });

  it("refuses input that names a person, an unknown event or channel, a repeated choice, nothing, or a non-boolean", () => {
    const problem = (input: unknown) => savePreferencesSchema.safeParse(input).error?.issues[0]?.message;
    expect(problem({ choices: [{ event: "digest", channel: "email", enabled: false }], userId: 3 })).toMatch(/Unrecognized key/);
    expect(problem({ choices: [{ event: "digest", channel: "email", enabled: false, userId: 3 }] })).toMatch(/Unrecognized key/);
    expect(problem({ choices: [{ event: "newsletter", channel: "email", enabled: false }] })).toBe("Choose reminders, alerts or the weekly digest");
    expect(problem({ choices: [{ event: "digest", channel: "sms", enabled: false }] })).toBe("Choose in the app or by email");
    expect(problem({ choices: [{ event: "digest", channel: "email", enabled: "no" }] })).toBe("Say whether you want it: on or off");
    expect(problem({ choices: [] })).toBe("Nothing changed: turn a choice on or off first");
    expect(problem({ choices: [{ event: "digest", channel: "email", enabled: false }, { event: "digest", channel: "email", enabled: true }] })).toBe("Each choice may be given once");
    expect(problem({})).toBe("Send the choices as a list");
  });

  it("stays whole when the same person saves from two tabs at once", async () => {
    const kitchen = await actorFor(KITCHEN);
    const saves = Array.from({ length: 8 }, (_, i) => saveOwnPreferences(kitchen, choices({ event: "digest", channel: "email", enabled: i % 2 === 0 }, { event: "alert", channel: "in_app", enabled: false })));
    await Promise.all(saves);
    const stored = await rows();
    expect(stored.map((r) => `${r.event}:${r.channel}`)).toEqual(["alert:in_app", "digest:email"]);
    expect(stored.find((r) => r.event === "alert")!.enabled).toBe(false);
  });
});

describe("one-click unsubscribe", () => {
  const post = (token: string, body = "List-Unsubscribe=One-Click") =>
    oneClick(new Request(`http://localhost/unsubscribe/${token}/one-click`, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body }), { params: Promise.resolve({ token }) });

  it("reading the link changes nothing; the button turns that email off and says so", async () => {
    const exec = await actorFor(EXEC);
    const token = unsubscribeToken(exec.id, "digest");
    // What the page shows on GET, however often a mail scanner opens it.
    for (let i = 0; i < 3; i++) expect(await getUnsubscribeTarget(token)).toEqual({ event: "digest", maskedEmail: "e•••@touchline.demo", emailOn: true });
    expect(await rows()).toEqual([]);

    expect(await unsubscribeByToken(token)).toEqual({ event: "digest", maskedEmail: "e•••@touchline.demo", emailOn: false });
    expect(await rows()).toEqual([{ userId: exec.id, event: "digest", channel: "email", enabled: false }]);
    expect(await getUnsubscribeTarget(token)).toMatchObject({ emailOn: false });
    // The person sees it as their own choice on the account page.
    expect((await getOwnPreferences(exec)).find((e) => e.event === "digest")!.channels[1]).toEqual({ channel: "email", enabled: false, isDefault: false });
  });

  it("refuses a tampered, forged or malformed token without saying why, and writes nothing", async () => {
    const exec = await actorFor(EXEC);
    const good = unsubscribeToken(exec.id, "digest");
    const [, , signature] = good.split(".");
    const tampered = [
      `${exec.id + 1}.digest.${signature}`,
      `${exec.id}.alert.${signature}`,
      `${good.slice(0, -1)}${good.endsWith("A") ? "B" : "A"}`,
      unsubscribeToken(exec.id, "digest", "another-secret"),
      "not-a-token",
      `${exec.id}.digest.`,
    ];
    for (const token of tampered) {
      expect(await getUnsubscribeTarget(token)).toBeNull();
      expect(await unsubscribeByToken(token)).toBeNull();
      const response = await post(token);
      expect(response.status).toBe(404);
      expect(await response.text()).toBe("This unsubscribe link is not valid.");
    }
    // A well-signed token for a person who no longer exists.
    expect(await unsubscribeByToken(unsubscribeToken(999_999, "digest"))).toBeNull();
    expect(await rows()).toEqual([]);
  });

  it("answers the one-click POST only with RFC 8058's body", async () => {
    const exec = await actorFor(EXEC);
    const token = unsubscribeToken(exec.id, "alert");
    const wrong = await post(token, "unsubscribe=yes");
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toBe("Expected the body List-Unsubscribe=One-Click (RFC 8058)");
    expect(await rows()).toEqual([]);
    const right = await post(token);
    expect(right.status).toBe(200);
    expect(right.headers.get("cache-control")).toBe("no-store");
    expect(await rows()).toEqual([{ userId: exec.id, event: "alert", channel: "email", enabled: false }]);
  });

  it("takes many clicks and one-click POSTs at once: all succeed, one choice stored, off", async () => {
    const kitchen = await actorFor(KITCHEN);
    const token = unsubscribeToken(kitchen.id, "reminder");
    const [clicks, posts] = await Promise.all([
      Promise.all(Array.from({ length: 5 }, () => unsubscribeByToken(token))),
      Promise.all(Array.from({ length: 5 }, () => post(token).then((r) => r.status))),
    ]);
    expect(clicks.every((r) => r?.emailOn === false)).toBe(true);
    expect(posts).toEqual([200, 200, 200, 200, 200]);
    expect(await rows()).toEqual([{ userId: kitchen.id, event: "reminder", channel: "email", enabled: false }]);
  });

  it("masks the address so a forwarded link does not give it away", () => {
    expect(maskEmail("kitchen@touchline.demo")).toBe("k•••@touchline.demo");
    expect(maskEmail("a@b.c")).toBe("a•••@b.c");
    expect(maskEmail("broken")).toBe("•••");
  });
});

describe("who gets what", () => {
  it("lists each active person with the channels each event reaches them on, marked default or chosen, and what they follow", async () => {
    const [admin, exec, kitchen] = await Promise.all([actorFor(ADMIN), actorFor(EXEC), actorFor(KITCHEN)]);
    await saveOwnPreferences(exec, choices({ event: "digest", channel: "email", enabled: false }));
    const [food, dineIn] = await Promise.all([db.touchpoint.findFirstOrThrow({ where: { name: "Food" } }), db.journey.findFirstOrThrow({ where: { name: "Dine-in" } })]);
    await db.touchpointFollower.create({ data: { userId: exec.id, touchpointId: food.id } });
    await db.journeyFollower.create({ data: { userId: exec.id, journeyId: dineIn.id } });

    const everyone = await listRecipients(admin);
    expect(everyone.length).toBe(await db.user.count({ where: { active: true } }));
    const morgan = everyone.find((p) => p.id === exec.id)!;
    expect(morgan).toEqual({
      id: exec.id,
      name: "Morgan Lee",
      role: "EXECUTIVE",
      events: [
        { event: "alert", channels: [{ channel: "in_app", enabled: true, isDefault: true }, { channel: "email", enabled: true, isDefault: true }] },
        { event: "digest", channels: [{ channel: "in_app", enabled: false, isDefault: true }, { channel: "email", enabled: false, isDefault: false }] },
      ],
      touchpoints: [{ id: food.id, name: "Food" }],
      journeys: [{ id: dineIn.id, name: "Dine-in" }],
    });
    expect(everyone.find((p) => p.id === kitchen.id)!.events.map((e) => e.event)).toEqual(["reminder", "alert", "digest"]);

    const heads = await listRecipients(admin, "DEPARTMENT_HEAD");
    expect(heads.length).toBeGreaterThan(1);
    expect(heads.every((p) => p.role === "DEPARTMENT_HEAD")).toBe(true);
  });

  it("leaves out deactivated people, and is for admins only", async () => {
    const [admin, exec, kitchen] = await Promise.all([actorFor(ADMIN), actorFor(EXEC), actorFor(KITCHEN)]);
    await db.user.update({ where: { id: exec.id }, data: { active: false } });
    try {
      expect((await listRecipients(admin)).some((p) => p.id === exec.id)).toBe(false);
    } finally {
      await db.user.update({ where: { id: exec.id }, data: { active: true } });
    }
    expect((await refusal(listRecipients(kitchen))).code).toBe("forbidden");
    expect((await refusal(listRecipients(exec))).code).toBe("forbidden");
  });
});
