// Errors a user can act on. Data functions throw them; the action and route wrappers turn them
// into typed results (and HTTP statuses) instead of bare 500s.
export type DomainErrorCode = "forbidden" | "not_found" | "invalid" | "conflict" | "unavailable";

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** Per-field messages, keyed like the input. */
    readonly fields?: Record<string, string>,
    /** Extra facts the UI may show, e.g. the value someone else saved. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export const forbidden = (message: string) => new DomainError("forbidden", message);
export const notFound = (message: string) => new DomainError("not_found", message);
export const invalid = (message: string, fields?: Record<string, string>) =>
  new DomainError("invalid", message, fields);
export const conflict = (message: string, details?: Record<string, unknown>) =>
  new DomainError("conflict", message, undefined, details);

export const HTTP_STATUS: Record<DomainErrorCode, number> = {
  forbidden: 403,
  not_found: 404,
  invalid: 422,
  conflict: 409,
  /** The database stayed busy; nothing was written and trying again will do. */
  unavailable: 503,
};
