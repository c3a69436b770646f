// What the account page calls a session's device, from the browser's User-Agent header, read by
// ua-parser-js (1.x, MIT; 2.x is AGPL). The header is whatever the client sent, so this is a
// description for the person to recognise their own devices by, never a security decision.
import { UAParser } from "ua-parser-js";

/** The longest raw agent shown when the parser recognises nothing in it. */
const RAW_AGENT_CHARS = 60;

/**
 * "Chrome 141 on Linux", "Mobile Safari 17 on iPhone, iOS 17.4"; the raw agent cut to 60
 * characters when neither browser nor system is recognised; "Unknown device" when there was none.
 */
export function describeDevice(userAgent: string | null | undefined): string {
  const agent = userAgent?.trim();
  if (!agent) return "Unknown device";
  const { browser, os, device } = new UAParser(agent).getResult();
  const app = browser.name ? [browser.name, browser.major].filter(Boolean).join(" ") : null;
  const system = os.name ? [os.name, os.version].filter(Boolean).join(" ") : null;
  // A phone or tablet is named by its model ("iPhone"); a computer by its system alone.
  const where = [device.type && device.model ? device.model : null, system].filter(Boolean).join(", ");
  if (app && where) return `${app} on ${where}`;
  if (app ?? where) return (app ?? where)!;
  return agent.length > RAW_AGENT_CHARS ? `${agent.slice(0, RAW_AGENT_CHARS - 1)}…` : agent;
}
