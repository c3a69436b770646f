import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { newWebhookSecret, signatureHeader, standardSignature, verifyWebhookSignature, webhookHeaders } from "./webhook-signature";

const SECRET = "whsec_test_secret";
const BODY = '{"id":"evt_1","type":"test"}';
const T = 1_700_000_000;
const AT = new Date(T * 1000);
// printf '%s' '1700000000.{"id":"evt_1","type":"test"}' | openssl dgst -sha256 -hmac 'whsec_test_secret'
const KNOWN = "a0bb9bdb8d6051a3cc87d1afaa1ea57ac43f0768ad34d66326df4de0ec5b7426";

describe("Touchline-Signature", () => {
  it("matches a vector computed independently (openssl)", () => {
    expect(signatureHeader(SECRET, BODY, T)).toBe(`t=${T},v1=${KNOWN}`);
    expect(verifyWebhookSignature(SECRET, `t=${T},v1=${KNOWN}`, BODY, { now: AT })).toBe(true);
  });

  it("refuses a tampered body, a wrong secret, and a changed timestamp", () => {
    const header = signatureHeader(SECRET, BODY, T);
    expect(verifyWebhookSignature(SECRET, header, BODY.replace("test", "tesT"), { now: AT })).toBe(false);
    expect(verifyWebhookSignature(SECRET, header, `${BODY} `, { now: AT })).toBe(false);
    expect(verifyWebhookSignature("whsec_other", header, BODY, { now: AT })).toBe(false);
    expect(verifyWebhookSignature(SECRET, header.replace(`t=${T}`, `t=${T + 1}`), BODY, { now: AT })).toBe(false);
  });

  it("accepts a timestamp up to the tolerance away, either side, and refuses one further", () => {
    const header = signatureHeader(SECRET, BODY, T);
    const at = (seconds: number) => new Date((T + seconds) * 1000);
    expect(verifyWebhookSignature(SECRET, header, BODY, { now: at(300) })).toBe(true);
    expect(verifyWebhookSignature(SECRET, header, BODY, { now: at(-300) })).toBe(true);
    expect(verifyWebhookSignature(SECRET, header, BODY, { now: at(301) })).toBe(false);
    expect(verifyWebhookSignature(SECRET, header, BODY, { now: at(-301) })).toBe(false);
    expect(verifyWebhookSignature(SECRET, header, BODY, { now: at(3600), toleranceSeconds: 3600 })).toBe(true);
  });

  it("accepts any one matching v1 among several, and is false (never throws) for malformed headers", () => {
    const good = signatureHeader(SECRET, BODY, T).split(",")[1];
    expect(verifyWebhookSignature(SECRET, `t=${T}, v1=${"0".repeat(64)}, ${good}`, BODY, { now: AT })).toBe(true);
    for (const header of [undefined, null, "", "garbage", `t=${T}`, `v1=${KNOWN}`, `t=abc,v1=${KNOWN}`, `t=${T},v1=${KNOWN.slice(2)}`, `t=${T},v1=${"z".repeat(64)}`, `t=${T},v0=${KNOWN}`]) {
      expect(verifyWebhookSignature(SECRET, header, BODY, { now: AT }), String(header)).toBe(false);
    }
  });
});

describe("Standard Webhooks headers", () => {
  it("match the specification's published test vector", () => {
    expect(standardSignature("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", '{"test": 2432232314}', 1614265330)).toBe(
      "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
    );
  });

  it("verify with the standardwebhooks library for a newly generated secret, and the signature there is the same as ours", () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const now = Math.floor(Date.now() / 1000);
    const headers = webhookHeaders({ secret, eventId: "evt_abc", type: "alert.triggered", rawBody: BODY, timestamp: now });
    expect(new Webhook(secret).verify(BODY, headers)).toEqual(JSON.parse(BODY));
    expect(() => new Webhook(secret).verify(BODY.replace("1", "2"), headers)).toThrow("No matching signature found");
    expect(verifyWebhookSignature(secret, headers["touchline-signature"], BODY)).toBe(true);
    expect(headers).toMatchObject({ "content-type": "application/json", "user-agent": "Touchline-Webhooks/1", "touchline-event-id": "evt_abc", "touchline-event-type": "alert.triggered", "webhook-id": "evt_abc", "webhook-timestamp": String(now) });
  });

  it("makes a different secret every time", () => {
    expect(new Set(Array.from({ length: 50 }, newWebhookSecret)).size).toBe(50);
  });
});
