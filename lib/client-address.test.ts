import { describe, expect, it } from "vitest";
import { clientAddress, trustedHops, UNKNOWN_ADDRESS } from "./client-address";

const TOKEN = "per-process-token";
const request = (peer: string | null, forwarded?: string) =>
  new Headers({ ...(peer === null ? {} : { "x-touchline-peer": `${TOKEN} ${peer}` }), ...(forwarded ? { "x-forwarded-for": forwarded } : {}) });

describe("clientAddress", () => {
  it("is the socket's address with no trusted proxy, whatever X-Forwarded-For or X-Real-IP say", () => {
    const headers = request("198.51.100.7", "203.0.113.1");
    headers.set("x-real-ip", "203.0.113.2");
    expect(clientAddress(headers, 0, TOKEN)).toBe("198.51.100.7");
  });

  it("with trusted proxies, reads X-Forwarded-For from the right, past our own proxies only", () => {
    // The client wrote "1.1.1.1"; our one proxy appended the address it saw, 203.0.113.9.
    expect(clientAddress(request("10.0.0.2", "1.1.1.1, 203.0.113.9"), 1, TOKEN)).toBe("203.0.113.9");
    // Two proxies of ours: the outer appended the client, the inner appended the outer.
    expect(clientAddress(request("10.0.0.3", "1.1.1.1, 203.0.113.9, 10.0.0.2"), 2, TOKEN)).toBe("203.0.113.9");
    // Fewer hops than proxies claimed (a request that reached the inner proxy directly): the leftmost.
    expect(clientAddress(request("10.0.0.3", "10.0.0.2"), 2, TOKEN)).toBe("10.0.0.2");
    expect(clientAddress(request("10.0.0.3"), 1, TOKEN)).toBe("10.0.0.3");
    expect(clientAddress(request("10.0.0.3", " , ,"), 1, TOKEN)).toBe("10.0.0.3");
  });

  it("does not reset the limit when the client makes up a new address per request", () => {
    const seen = new Set(Array.from({ length: 50 }, (_, i) => clientAddress(request("10.0.0.2", `192.0.2.${i}, 203.0.113.9`), 1, TOKEN)));
    expect([...seen]).toEqual(["203.0.113.9"]);
  });

  it("is unknown when the peer header is missing, forged, or the server set no token", () => {
    expect(clientAddress(request(null, "203.0.113.1"), 0, TOKEN)).toBe(UNKNOWN_ADDRESS);
    expect(clientAddress(new Headers({ "x-touchline-peer": "guessed-token 203.0.113.1" }), 0, TOKEN)).toBe(UNKNOWN_ADDRESS);
    expect(clientAddress(new Headers({ "x-touchline-peer": `${TOKEN}` }), 0, TOKEN)).toBe(UNKNOWN_ADDRESS);
    expect(clientAddress(request("203.0.113.1"), 0, undefined)).toBe(UNKNOWN_ADDRESS);
  });
});

describe("trustedHops", () => {
  it.each([[undefined, 0], ["", 0], ["0", 0], ["1", 1], [" 2 ", 2], ["10", 10]])("%j → %d", (raw, hops) => {
    expect(trustedHops(raw)).toBe(hops);
  });

  it.each(["-1", "1.5", "true", "11", "all"])("refuses %j with the setting's name", (raw) => {
    expect(() => trustedHops(raw)).toThrow(/^TRUST_PROXY must be the number of proxies/);
  });
});
