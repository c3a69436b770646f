import { describe, expect, it } from "vitest";
import { appUrl, DEFAULT_MAIL_FROM, mailSettingsFromEnv } from "./mail";

describe("mailSettingsFromEnv", () => {
  it("is null without SMTP_URL: email is skipped, not an error", () => {
    expect(mailSettingsFromEnv({})).toBeNull();
    expect(mailSettingsFromEnv({ SMTP_URL: "  ", MAIL_FROM: "a@example.com" })).toBeNull();
  });

  it("reads SMTP_URL and MAIL_FROM, with a default sender", () => {
    expect(mailSettingsFromEnv({ SMTP_URL: "smtps://u:p@mail.example.com:465", MAIL_FROM: "Ops <ops@example.com>" })).toEqual({ url: "smtps://u:p@mail.example.com:465", from: "Ops <ops@example.com>" });
    expect(mailSettingsFromEnv({ SMTP_URL: "smtp://127.0.0.1:2525" })).toEqual({ url: "smtp://127.0.0.1:2525", from: DEFAULT_MAIL_FROM });
  });

  it("refuses an SMTP_URL that is not smtp:// or smtps://, naming the variable", () => {
    expect(() => mailSettingsFromEnv({ SMTP_URL: "mail.example.com:587" })).toThrow(/^SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL/);
    expect(() => mailSettingsFromEnv({ SMTP_URL: "https://mail.example.com" })).toThrow(/^SMTP_URL must be/);
  });
});

describe("appUrl", () => {
  it("is NEXTAUTH_URL without a trailing slash, else localhost on PORT", () => {
    expect(appUrl({ NEXTAUTH_URL: "https://touchline.example.com/" })).toBe("https://touchline.example.com");
    expect(appUrl({ PORT: "4000" })).toBe("http://localhost:4000");
    expect(appUrl({})).toBe("http://localhost:3000");
  });
});
