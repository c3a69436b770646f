// A real HTTP server on loopback that stands in for a webhook receiver in the integration and
// end-to-end tests: it records every request (path, headers, raw body) and answers as the test says.
import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";

export type ReceivedRequest = { method: string; path: string; headers: http.IncomingHttpHeaders; body: string; at: number };
/** How to answer a request: a status (and optional body and headers), or "hang" to never answer. */
export type Answer = { status: number; body?: string; headers?: Record<string, string> } | "hang";

export type WebhookReceiver = {
  /** http://127.0.0.1:<port> */
  origin: string;
  received: ReceivedRequest[];
  /** The answer to each next request (the last one repeats); default 200 "ok". */
  answer(...answers: Answer[]): void;
  close(): Promise<void>;
};

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedRequest[] = [];
  let answers: Answer[] = [{ status: 200, body: "ok" }];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (c: Buffer) => chunks.push(c));
    request.on("end", () => {
      received.push({ method: request.method ?? "", path: request.url ?? "", headers: request.headers, body: Buffer.concat(chunks).toString("utf8"), at: Date.now() });
      const answer = answers.length > 1 ? answers.shift()! : answers[0]!;
      if (answer === "hang") return;
      response.writeHead(answer.status, answer.headers).end(answer.body ?? "");
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    answer: (...next) => void (answers = next),
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
