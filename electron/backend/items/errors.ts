/** Errors the items services raise themselves; the host maps `name` to the envelope's code. */

export function badInput(message: string): Error {
  return Object.assign(new Error(message), { name: 'BadInput' });
}

export function notFound(message: string): Error {
  return Object.assign(new Error(message), { name: 'NotFound' });
}
