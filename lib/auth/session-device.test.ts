import { describe, expect, it } from "vitest";
import { describeDevice } from "./session-device";

describe("describeDevice", () => {
  it.each([
    ["Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/141.0.0.0 Safari/537.36", "Chrome Headless 141 on Linux"],
    ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0", "Edge 126 on Windows 10"],
    ["Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1", "Mobile Safari 17 on iPhone, iOS 17.4"],
    ["Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:127.0) Gecko/20100101 Firefox/127.0", "Firefox 127 on Mac OS 14.5"],
  ])("names the browser and system of %s", (agent, expected) => {
    expect(describeDevice(agent)).toBe(expected);
  });

  it("shows an agent it cannot read, shortened, and says when there was none", () => {
    expect(describeDevice("touchline-sync/2.1")).toBe("touchline-sync/2.1");
    const long = `custom-client/${"x".repeat(100)}`;
    expect(describeDevice(long)).toBe(`${long.slice(0, 59)}…`);
    expect(describeDevice(null)).toBe("Unknown device");
    expect(describeDevice("   ")).toBe("Unknown device");
  });
});
