// Where webhooks may be sent (docs/security.md, "Webhook addresses"). A webhook URL is an
// admin-only setting, so loopback and private networks stay allowed by default (an endpoint on the
// same host or network is a normal set-up, and the tests use 127.0.0.1); what is always refused is
// what no receiver lives on and an attacker would aim at: link-local addresses (169.254.0.0/16,
// fe80::/10, where cloud metadata services answer), the metadata services' other addresses and
// names, and the unspecified, broadcast and multicast addresses. WEBHOOK_ALLOW_PRIVATE=false also
// refuses loopback and private ranges, for cloud deployments. Addresses are classified by
// ipaddr.js, not by hand.
import ipaddr from "ipaddr.js";

export type AddressPolicy = {
  /** Whether loopback, private (RFC 1918), unique-local (fc00::/7) and carrier-grade NAT addresses may be targets. */
  allowPrivate: boolean;
};

/** The policy the environment sets: WEBHOOK_ALLOW_PRIVATE=false (or 0, off, no) refuses private ranges; anything else allows them. */
export function addressPolicyFromEnv(env: Record<string, string | undefined> = process.env): AddressPolicy {
  const value = env.WEBHOOK_ALLOW_PRIVATE?.trim().toLowerCase();
  return { allowPrivate: !(value === "false" || value === "0" || value === "off" || value === "no") };
}

/** Cloud metadata services outside 169.254.0.0/16: AWS's IPv6 address and Alibaba Cloud's. */
const METADATA_ADDRESSES = ["fd00:ec2::254", "100.100.100.200"].map((a) => ipaddr.parse(a).toString());
/** Host names of metadata services (they resolve to 169.254.169.254, refused anyway; named here so the form says why). */
const METADATA_HOSTS = new Set(["metadata.google.internal"]);

const ALWAYS_REFUSED: Record<string, string> = {
  unspecified: "an unspecified address",
  broadcast: "the broadcast address",
  multicast: "a multicast address",
  linkLocal: "a link-local address, where cloud metadata services answer",
  reserved: "a reserved address",
  discard: "a discard-only address",
  teredo: "a Teredo tunnel address, which can lead anywhere",
  deprecatedSiteLocal: "a site-local address",
};
const PRIVATE: Record<string, string> = {
  loopback: "a loopback address",
  private: "a private network address",
  uniqueLocal: "a private network address",
  carrierGradeNat: "a carrier-grade NAT address",
};

/**
 * The IPv4 address inside an IPv6 one that carries one (NAT64 64:ff9b::/96, IPv4-translated, 6to4,
 * and the deprecated IPv4-compatible ::a.b.c.d, which the URL parser writes as ::a9fe:a9fe), or null.
 */
function embeddedIPv4(address: ipaddr.IPv6): ipaddr.IPv4 | null {
  const [p0, p1, p2, p3, p4, p5, p6, p7] = address.parts as [number, number, number, number, number, number, number, number];
  const v4 = (high: number, low: number) => new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
  if (p0 === 0 && p1 === 0 && p2 === 0 && p3 === 0 && p4 === 0 && p5 === 0 && p6 !== 0) return v4(p6, p7);
  switch (address.range()) {
    case "rfc6052":
    case "rfc6145":
      return v4(p6, p7);
    case "6to4":
      return v4(p1, p2);
    default:
      return null;
  }
}

/**
 * Why a webhook may not be sent to this IP address ("169.254.169.254 is a link-local address,
 * where cloud metadata services answer"), or null when it may. IPv4-mapped IPv6 addresses
 * (::ffff:169.254.169.254) are judged as the IPv4 address they are. Not an IP address: refused.
 */
export function refusedAddress(address: string, policy: AddressPolicy): string | null {
  if (!ipaddr.isValid(address)) return `${address} is not an IP address`;
  // process() turns ::ffff:a.b.c.d into a.b.c.d; a zone id (fe80::1%eth0) is kept out of the message.
  const parsed = ipaddr.process(address.split("%")[0]!);
  const shown = parsed.toString();
  if (METADATA_ADDRESSES.includes(shown)) return `${shown} is a cloud metadata address`;
  const range = parsed.range();
  if (ALWAYS_REFUSED[range]) return `${shown} is ${ALWAYS_REFUSED[range]}`;
  if (!policy.allowPrivate && PRIVATE[range]) return `${shown} is ${PRIVATE[range]} (WEBHOOK_ALLOW_PRIVATE=false)`;
  if (parsed.kind() === "ipv6") {
    const inner = embeddedIPv4(parsed as ipaddr.IPv6);
    const innerReason = inner && refusedAddress(inner.toString(), policy);
    if (innerReason) return `${shown} carries ${innerReason}`;
  }
  return null;
}

/**
 * Why a webhook may not be sent to this URL's host as written — a metadata service's name or a
 * refused IP literal — or null. Names are resolved only when sending (and each address they
 * resolve to is checked then): see lib/notifications/webhooks.ts.
 */
export function refusedHost(hostname: string, policy: AddressPolicy): string | null {
  // URL.hostname writes IPv6 literals in brackets; a trailing dot names the same host.
  const host = hostname.replace(/^\[(.*)\]$/, "$1").replace(/\.$/, "").toLowerCase();
  if (METADATA_HOSTS.has(host)) return `${host} is a cloud metadata service`;
  return ipaddr.isValid(host) ? refusedAddress(host, policy) : null;
}
