/** The error a locked account's sign-in returns, as `TooManyAttempts:<seconds>`; the form turns it into words. */
export const TOO_MANY_ATTEMPTS = "TooManyAttempts";
