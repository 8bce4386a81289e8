/** Errors the items services raise themselves; the host maps `name` to the envelope's code. */

export function badInput(message: string): Error {
  return Object.assign(new Error(message), { name: 'BadInput' });
}

export function notFound(message: string): Error {
  return Object.assign(new Error(message), { name: 'NotFound' });
}

/** Errors that mean "nothing was read, try again later" rather than a refusal. */
export function isThrottling(err: unknown): boolean {
  const name = (err as { name?: string } | null)?.name ?? '';
  return (
    name === 'ProvisionedThroughputExceededException' ||
    name === 'ThrottlingException' ||
    name === 'RequestLimitExceeded'
  );
}
