/**
 * Errors users may see. Each has a stable dotted code (`documents.not_found`) that API clients can
 * rely on, the HTTP status it maps to, and a message written for people. Anything else that is thrown
 * is an internal error: logged, never shown.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: 400 | 401 | 403 | 404 | 405 | 409 | 410 | 413 | 415 | 422 | 429 | 500 | 503,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (code: string, message: string) => new AppError(code, 404, message);
export const badRequest = (code: string, message: string, details?: unknown) =>
  new AppError(code, 400, message, details);
