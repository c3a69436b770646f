import { describe, expect, it } from "vitest";
import { DomainError, HTTP_STATUS } from "../errors";
import { asDomainError, isDatabaseBusy } from "./prisma-errors";

describe("asDomainError", () => {
  it("keeps a DomainError as it is", () => {
    const error = new DomainError("conflict", "Someone else saved first");
    expect(asDomainError(error)).toBe(error);
  });

  it.each(["P1008", "P2028"])("turns a busy database (%s) into 'unavailable', answered with 503", (code) => {
    expect(isDatabaseBusy({ code })).toBe(true);
    const error = asDomainError(Object.assign(new Error("timed out"), { code }));
    expect(error).toBeInstanceOf(DomainError);
    expect(error!.code).toBe("unavailable");
    expect(error!.message).toBe("Touchline is busy saving other figures and could not save yours in time. Nothing was saved; try again in a moment.");
    expect(HTTP_STATUS[error!.code]).toBe(503);
  });

  it.each([new Error("boom"), { code: "P2002" }, null, "P1008"])("leaves anything else to the caller (%s)", (error) => {
    expect(asDomainError(error)).toBeNull();
  });
});
