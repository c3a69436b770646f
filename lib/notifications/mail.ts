// Email through SMTP (nodemailer), configured by SMTP_URL and MAIL_FROM. Without SMTP_URL there is
// no mailer: email messages are marked skipped, never an error (docs/notifications.md).
import nodemailer from "nodemailer";
import { z } from "zod";

export type MailSettings = {
  /** smtp://user:pass@host:587 (STARTTLS when offered) or smtps://…:465 (TLS from the start). */
  url: string;
  /** The From header, e.g. "Touchline <touchline@example.com>". */
  from: string;
};

type Env = Record<string, string | undefined>;

export const DEFAULT_MAIL_FROM = "Touchline <touchline@localhost>";
export const NO_MAIL_SERVER = "not sent: no mail server configured";

const smtpUrl = z.url({ protocol: /^smtps?$/, error: "SMTP_URL must be an smtp:// or smtps:// URL, e.g. smtp://user:password@mail.example.com:587" });

/**
 * The mail settings from the environment; null when SMTP_URL is unset or blank. Throws, naming the
 * variable, when SMTP_URL is not an smtp:// or smtps:// URL.
 */
export function mailSettingsFromEnv(env: Env = process.env): MailSettings | null {
  const url = env.SMTP_URL?.trim();
  if (!url) return null;
  const parsed = smtpUrl.safeParse(url);
  if (!parsed.success) throw new Error(parsed.error.issues[0]!.message);
  return { url, from: env.MAIL_FROM?.trim() || DEFAULT_MAIL_FROM };
}

/**
 * The app's public address for links in messages: NEXTAUTH_URL (as next-auth itself uses), else
 * http://localhost:$PORT. No trailing slash.
 */
export function appUrl(env: Env = process.env): string {
  return (env.NEXTAUTH_URL?.trim() || `http://localhost:${env.PORT ?? 3000}`).replace(/\/+$/, "");
}

export type Mail = {
  to: string;
  subject: string;
  text: string;
  html: string | null;
  /** Extra header lines, e.g. List-Unsubscribe (name → value, unfolded). */
  headers?: Record<string, string>;
};

/** A refused or failed send. `permanent`: the server answered 5xx (e.g. "no such user"); retrying will not help. */
export class MailError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = "MailError";
  }
}

export type Mailer = {
  /** Resolves once the server accepted the message (250); throws MailError otherwise. */
  send(mail: Mail): Promise<void>;
  close(): void;
};

/**
 * A mailer over one pooled SMTP connection. Timeouts are short so a hung server cannot hold a
 * message past its lease (outbox.ts): at most ~50 s per message.
 */
export function createMailer(settings: MailSettings): Mailer {
  const transport = nodemailer.createTransport({
    url: settings.url,
    pool: true,
    maxConnections: 1,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    async send(mail) {
      try {
        await transport.sendMail({ from: settings.from, to: mail.to, subject: mail.subject, text: mail.text, ...(mail.html ? { html: mail.html } : {}), ...(mail.headers ? { headers: mail.headers } : {}) });
      } catch (caught) {
        const code = (caught as { responseCode?: unknown }).responseCode;
        const reason = caught instanceof Error ? caught.message : String(caught);
        throw new MailError(reason, typeof code === "number" && code >= 500 && code < 600);
      }
    },
    close: () => transport.close(),
  };
}
