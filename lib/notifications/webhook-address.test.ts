import { describe, expect, it } from "vitest";
import { addressPolicyFromEnv, refusedAddress, refusedHost } from "./webhook-address";

const OPEN = { allowPrivate: true };
const CLOSED = { allowPrivate: false };

describe("refusedAddress", () => {
  it("always refuses link-local, metadata, unspecified, broadcast and multicast addresses, with the reason", () => {
    expect(refusedAddress("169.254.169.254", OPEN)).toBe("169.254.169.254 is a link-local address, where cloud metadata services answer");
    expect(refusedAddress("169.254.0.1", OPEN)).toMatch(/link-local/);
    expect(refusedAddress("fe80::1", OPEN)).toMatch(/^fe80::1 is a link-local address/);
    expect(refusedAddress("fe80::1%eth0", OPEN)).toMatch(/^fe80::1 is a link-local address/);
    expect(refusedAddress("febf::1", OPEN)).toMatch(/link-local/);
    expect(refusedAddress("fd00:ec2::254", OPEN)).toBe("fd00:ec2::254 is a cloud metadata address");
    expect(refusedAddress("100.100.100.200", OPEN)).toBe("100.100.100.200 is a cloud metadata address");
    expect(refusedAddress("0.0.0.0", OPEN)).toBe("0.0.0.0 is an unspecified address");
    expect(refusedAddress("::", OPEN)).toBe(":: is an unspecified address");
    expect(refusedAddress("255.255.255.255", OPEN)).toMatch(/broadcast/);
    expect(refusedAddress("224.0.0.1", OPEN)).toMatch(/multicast/);
    expect(refusedAddress("ff02::1", OPEN)).toMatch(/multicast/);
  });

  it("sees through IPv6 forms that carry an IPv4 address", () => {
    expect(refusedAddress("::ffff:169.254.169.254", OPEN)).toBe("169.254.169.254 is a link-local address, where cloud metadata services answer");
    expect(refusedAddress("::ffff:a9fe:a9fe", OPEN)).toMatch(/^169\.254\.169\.254 is a link-local/);
    expect(refusedAddress("64:ff9b::169.254.169.254", OPEN)).toMatch(/^64:ff9b::a9fe:a9fe carries 169\.254\.169\.254 is a link-local/);
    expect(refusedAddress("2002:a9fe:a9fe::1", OPEN)).toMatch(/carries 169\.254\.169\.254/);
    expect(refusedAddress("::ffff:127.0.0.1", CLOSED)).toMatch(/^127\.0\.0\.1 is a loopback address/);
    expect(refusedAddress("::ffff:8.8.8.8", CLOSED)).toBeNull();
    expect(refusedAddress("64:ff9b::8.8.8.8", CLOSED)).toBeNull();
    // IPv4-compatible (deprecated), as the URL parser writes [::169.254.169.254].
    expect(refusedAddress(new URL("http://[::169.254.169.254]/").hostname.slice(1, -1), OPEN)).toBe("::a9fe:a9fe carries 169.254.169.254 is a link-local address, where cloud metadata services answer");
    expect(refusedAddress("::7f00:1", CLOSED)).toMatch(/carries 127\.0\.0\.1 is a loopback address/);
  });

  it("refuses reserved, discard-only, Teredo and site-local addresses", () => {
    expect(refusedAddress("240.0.0.1", OPEN)).toBe("240.0.0.1 is a reserved address");
    expect(refusedAddress("100::1", OPEN)).toBe("100::1 is a discard-only address");
    expect(refusedAddress("2001:0:4136:e378:8000:63bf:3fff:fdd2", OPEN)).toMatch(/Teredo/);
    expect(refusedAddress("fec0::1", OPEN)).toBe("fec0::1 is a site-local address");
  });

  it("allows loopback and private networks unless the policy closes them", () => {
    for (const address of ["127.0.0.1", "::1", "10.1.2.3", "172.16.0.1", "192.168.1.10", "fd12:3456::1", "100.64.0.1"]) {
      expect(refusedAddress(address, OPEN), address).toBeNull();
      expect(refusedAddress(address, CLOSED), address).toMatch(/WEBHOOK_ALLOW_PRIVATE=false\)$/);
    }
  });

  it("allows public addresses", () => {
    for (const address of ["93.184.215.14", "8.8.8.8", "2606:4700::1111", "172.32.0.1", "169.255.0.1"]) {
      expect(refusedAddress(address, CLOSED), address).toBeNull();
    }
  });

  it("refuses what is not an IP address", () => {
    expect(refusedAddress("example.com", OPEN)).toBe("example.com is not an IP address");
  });
});

describe("refusedHost", () => {
  it("refuses metadata services' names and refused IP literals as URLs write them; leaves other names to resolution", () => {
    expect(refusedHost("metadata.google.internal", OPEN)).toBe("metadata.google.internal is a cloud metadata service");
    expect(refusedHost("METADATA.google.internal.", OPEN)).toBe("metadata.google.internal is a cloud metadata service");
    expect(refusedHost("[fe80::1]", OPEN)).toMatch(/link-local/);
    expect(refusedHost("[::ffff:a9fe:a9fe]", OPEN)).toMatch(/^169\.254\.169\.254/);
    expect(refusedHost(new URL("http://2852039166/").hostname, OPEN)).toMatch(/^169\.254\.169\.254/);
    expect(refusedHost("127.0.0.1", OPEN)).toBeNull();
    expect(refusedHost("[::1]", CLOSED)).toMatch(/loopback/);
    expect(refusedHost("hooks.slack.com", CLOSED)).toBeNull();
    expect(refusedHost("localhost", OPEN)).toBeNull();
  });
});

describe("addressPolicyFromEnv", () => {
  it("allows private ranges unless WEBHOOK_ALLOW_PRIVATE says no", () => {
    expect(addressPolicyFromEnv({})).toEqual(OPEN);
    expect(addressPolicyFromEnv({ WEBHOOK_ALLOW_PRIVATE: "true" })).toEqual(OPEN);
    for (const value of ["false", "FALSE", " 0 ", "off", "no"]) expect(addressPolicyFromEnv({ WEBHOOK_ALLOW_PRIVATE: value })).toEqual(CLOSED);
  });
});
