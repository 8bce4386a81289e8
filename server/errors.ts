/**
 * The backend's errors: an Error whose `name` is the envelope's code (dispatch.ts maps it to
 * `{ ok: false, error: { code, message } }`). Domain errors that need more (credentials, PartiQL,
 * a commit's calls) are built in their folders' errors.ts from these.
 */

/** An error whose `name` is the envelope's code. */
export function namedError(
  name: string,
  message: string,
  extra: Record<string, unknown> = {},
): Error {
  return Object.assign(new Error(message), { name, ...extra });
}

/** Refuses input; with `field`, names it first ("endpoint: …") as the schema errors do. */
export function badInput(message: string, field?: string): Error {
  return namedError('BadInput', field === undefined ? message : `${field}: ${message}`);
}

export function notFound(message: string): Error {
  return namedError('NotFound', message);
}
