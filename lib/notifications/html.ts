// Text into HTML for emails: every piece of data that goes into an email's HTML goes through this.

/** `s` with & < > " ' as numeric character references: safe in element content and quoted attributes. */
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
