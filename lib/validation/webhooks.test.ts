import { afterEach, describe, expect, it } from "vitest";
import { createWebhookSchema, updateWebhookSchema } from "./webhooks";

const valid = { name: "Ops channel", url: "https://hooks.example.com/touchline", events: ["alert.triggered"] };
const problem = (input: Record<string, unknown>, field: string) => {
  const result = createWebhookSchema.safeParse({ ...valid, ...input });
  expect(result.success, JSON.stringify(input)).toBe(false);
  return result.error!.issues.find((i) => i.path[0] === field)?.message;
};

afterEach(() => {
  delete process.env.WEBHOOK_ALLOW_PRIVATE;
});

describe("webhook URL", () => {
  it("takes http and https URLs, as the parser writes them back", () => {
    expect(createWebhookSchema.parse({ ...valid, url: "  HTTPS://Hooks.Example.com/a?b=1 " }).url).toBe("https://hooks.example.com/a?b=1");
    expect(createWebhookSchema.parse({ ...valid, url: "http://127.0.0.1:9000" }).url).toBe("http://127.0.0.1:9000/");
    expect(createWebhookSchema.parse({ ...valid, url: "http://[::1]:9000/x" }).url).toBe("http://[::1]:9000/x");
  });

  it("refuses other schemes, non-URLs and credentials, saying why", () => {
    expect(problem({ url: "ftp://example.com/x" }, "url")).toBe("Webhooks are sent over HTTP: use an https:// (or http://) URL, not ftp:");
    expect(problem({ url: "file:///etc/passwd" }, "url")).toMatch(/not file:$/);
    expect(problem({ url: "javascript:alert(1)" }, "url")).toMatch(/not javascript:$/);
    expect(problem({ url: "hooks.example.com/x" }, "url")).toBe("Not a URL: give the whole address, starting with https://");
    expect(problem({ url: "" }, "url")).toBe("Give the URL to send events to");
    expect(problem({ url: "https://user:pass@example.com/" }, "url")).toMatch(/^Leave the user name and password out/);
    expect(problem({ url: `https://example.com/${"a".repeat(2000)}` }, "url")).toBe("A URL can be at most 2000 characters");
  });

  it("refuses metadata services and link-local or unspecified addresses, however written", () => {
    expect(problem({ url: "http://169.254.169.254/latest/meta-data/" }, "url")).toBe("Webhooks cannot be sent there: 169.254.169.254 is a link-local address, where cloud metadata services answer");
    expect(problem({ url: "http://2852039166/" }, "url")).toMatch(/169\.254\.169\.254 is a link-local/);
    expect(problem({ url: "http://[::ffff:169.254.169.254]/" }, "url")).toMatch(/169\.254\.169\.254 is a link-local/);
    expect(problem({ url: "http://metadata.google.internal/computeMetadata/v1/" }, "url")).toMatch(/metadata\.google\.internal is a cloud metadata service/);
    expect(problem({ url: "http://[fd00:ec2::254]/" }, "url")).toMatch(/cloud metadata address/);
    expect(problem({ url: "http://0.0.0.0:8080/" }, "url")).toMatch(/unspecified/);
    expect(problem({ url: "http://[fe80::1]/" }, "url")).toMatch(/link-local/);
  });

  it("refuses private addresses written into the URL only when WEBHOOK_ALLOW_PRIVATE=false", () => {
    process.env.WEBHOOK_ALLOW_PRIVATE = "false";
    expect(problem({ url: "http://10.0.0.5/hook" }, "url")).toMatch(/private network address/);
    expect(problem({ url: "http://127.0.0.1:9000/" }, "url")).toMatch(/loopback/);
  });
});

describe("webhook name and events", () => {
  it("needs a name and at least one known event; keeps the events once each, in the page's order", () => {
    expect(problem({ name: "  " }, "name")).toBe("Give the webhook a name");
    expect(problem({ events: [] }, "events")).toBe("Choose at least one event to send");
    expect(problem({ events: undefined }, "events")).toBe("Choose at least one event to send");
    expect(problem({ events: ["alert.triggered", "user.deleted"] }, "events")).toBe("Choose events from the list");
    expect(createWebhookSchema.parse({ ...valid, events: ["digest.weekly", "alert.triggered", "digest.weekly"] }).events).toEqual(["alert.triggered", "digest.weekly"]);
    expect(createWebhookSchema.parse({ ...valid, events: "digest.weekly" }).events).toEqual(["digest.weekly"]);
  });

  it("reads the edit form's on/off checkbox", () => {
    expect(updateWebhookSchema.parse({ ...valid, id: "3", active: "on" })).toMatchObject({ id: 3, active: true });
    expect(updateWebhookSchema.parse({ ...valid, id: 3 })).toMatchObject({ active: false });
  });
});
