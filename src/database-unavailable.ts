/**
 * The error every database adapter throws when the database cannot be reached (down, restarting,
 * network, a connection or statement deadline): `storage/` throws it, use cases and adapters catch
 * it to tell the person to try again (`user-messages.ts`) or to retry (the daily post storing its
 * ts). Here, beside the other shared contracts (`timeouts.ts`, `user-messages.ts`), so a use case
 * need not import `storage/` to recognise it. Imports nothing.
 */

/** The database could not be reached (down, restarting, network): callers tell the user to retry. */
export class DatabaseUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DatabaseUnavailableError';
  }
}
