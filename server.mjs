// Touchline's production server: Next.js's own request handler behind a node:http server, so the
// app knows the address of the machine that opened the connection. Next.js hands route handlers
// and proxy.ts no socket, and it keeps a client-sent X-Forwarded-For as it is, so without this
// anyone could name their own address to the rate limits (docs/security.md, "Client address").
//
//   node server.mjs [-p PORT]      (npm start; PORT and HOSTNAME from the environment work too)
//
// Each request gets `x-touchline-peer: <token> <socket address>`; the token is random per process
// and known to the app through process.env, so a client cannot forge the header, and a server
// started another way (next start, next dev) is recognised and logged, not trusted.
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import next from "next";

const actionBodyLimit = createRequire(import.meta.url)("./next.config.js").experimental.serverActions.bodySizeLimit;

const flag = process.argv.indexOf("-p");
const port = Number(flag > 0 ? process.argv[flag + 1] : (process.env.PORT ?? 3000));
const hostname = process.env.HOSTNAME ?? "0.0.0.0";
const token = randomBytes(16).toString("hex");
// HSTS when the app's public address is https (TLS is terminated in front of it): browsers then
// never try plain HTTP for two years. Over plain HTTP browsers ignore the header anyway (RFC 6797 §8.1).
const hsts = /^https:\/\//i.test(process.env.NEXTAUTH_URL ?? "") ? "max-age=63072000; includeSubDomains" : null;
process.env.TOUCHLINE_PEER_TOKEN = token;

const app = next({ dev: false, dir: import.meta.dirname, hostname, port });
await app.prepare();
const handle = app.getRequestHandler();

createServer((req, res) => {
  req.headers["x-touchline-peer"] = `${token} ${req.socket.remoteAddress ?? ""}`;
  if (hsts) res.setHeader("Strict-Transport-Security", hsts);
  // A post to a page is a server action call (with JavaScript, a Next-Action header; without, a
  // form with its id): one whose declared body is over the limit is refused before it is read.
  // Route handlers under /api/ set their own limits.
  if (req.method === "POST" && !req.url?.startsWith("/api/") && Number(req.headers["content-length"]) > actionBodyLimit) {
    // Exactly "text/plain": Next.js then shows the text as the action's error (lib/call-action.ts).
    res.writeHead(413, { "Content-Type": "text/plain", Connection: "close" });
    // Closed once the answer is out, so a client still sending gets to read it first.
    res.end(`Request too large: a form may send at most ${actionBodyLimit / 1024 / 1024} MB.\n`, () => req.destroy());
    return;
  }
  void handle(req, res);
}).listen(port, hostname, () => {
  console.log(`Touchline ready on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`);
});
