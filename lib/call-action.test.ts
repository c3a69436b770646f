import { describe, expect, it } from "vitest";
import { callAction, CONNECTION_LOST } from "./call-action";

describe("callAction", () => {
  it("passes an action's own result through, success or failure", async () => {
    expect(await callAction(async () => ({ ok: true as const, data: 3 }))).toEqual({ ok: true, data: 3 });
    expect(await callAction(async () => ({ ok: false as const, code: "invalid" as const, message: "No" }))).toEqual({ ok: false, code: "invalid", message: "No" });
  });

  it("turns a request refused before the action ran (the server's plain-text 413) into a failure with its message", async () => {
    const result = await callAction(() => Promise.reject(new Error("Request too large: a form may send at most 1 MB.")));
    expect(result).toEqual({ ok: false, code: "request", message: "Request too large: a form may send at most 1 MB." });
  });

  it("says the connection was lost for a failed fetch or a response that is not an action's", async () => {
    expect(await callAction(() => Promise.reject(new TypeError("Failed to fetch")))).toEqual({ ok: false, code: "request", message: CONNECTION_LOST });
    expect(await callAction(() => Promise.reject(new Error("An unexpected response was received from the server.")))).toMatchObject({ message: CONNECTION_LOST });
    expect(await callAction(() => Promise.reject("string"))).toMatchObject({ message: CONNECTION_LOST });
  });

  it("rethrows Next.js's redirects", async () => {
    const redirect = Object.assign(new Error("NEXT_REDIRECT"), { digest: "NEXT_REDIRECT;replace;/overview;307;" });
    await expect(callAction(() => Promise.reject(redirect))).rejects.toBe(redirect);
  });
});
