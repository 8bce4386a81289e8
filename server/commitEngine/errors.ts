/** How a failed BatchWriteItem call is handled: retried whole, or split to find the bad operation. */

export type CallFailure =
  | { kind: 'throttle' | 'server' | 'network'; label: string }
  | { kind: 'reject'; label: string; tableWide: boolean }
  /**
   * Not about any item: the table (access denied, missing) or the credentials (expired, invalid,
   * a provider that fails). Splitting the call would only multiply calls: pause instead.
   * `table` is the table the answer names, when it names one.
   */
  | { kind: 'callWide'; scope: 'table' | 'credentials'; label: string; table?: string };

const TABLE_WIDE = new Set(['AccessDeniedException', 'ResourceNotFoundException']);
const CREDENTIALS = new Set([
  'UnrecognizedClientException',
  'ExpiredTokenException',
  'ExpiredToken',
  'InvalidSignatureException',
  'InvalidClientTokenId',
  'CredentialsProviderError',
  'SsoLoginRequired',
  'MfaTimeout',
  'MfaCanceled',
  'TokenProviderError',
]);

const THROTTLING = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'TooManyRequestsException',
]);

const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

interface ErrorLike {
  name?: string;
  message?: string;
  code?: string;
  $fault?: string;
  $metadata?: { httpStatusCode?: number };
}

/** `Name: message`, as reported to the user. */
export function errorLabel(err: unknown): string {
  const e = (err ?? {}) as ErrorLike;
  const name = e.name && e.name !== 'Error' ? e.name : (e.code ?? 'Error');
  return e.message ? `${name}: ${e.message}` : name;
}

/**
 * Sorts a call failure. Throttling, 5xx and transport failures are retried whole; anything else is
 * a rejection of the call, which wrote nothing and is split to isolate the culprit.
 */
export function classifyFailure(err: unknown): CallFailure {
  const e = (err ?? {}) as ErrorLike;
  const label = errorLabel(err);
  const status = e.$metadata?.httpStatusCode;
  if (e.name && THROTTLING.has(e.name)) return { kind: 'throttle', label };
  if (e.name && CREDENTIALS.has(e.name)) return { kind: 'callWide', scope: 'credentials', label };
  if (e.name && TABLE_WIDE.has(e.name)) {
    const table = /:table\/([A-Za-z0-9_.-]{3,255})/.exec(e.message ?? '')?.[1];
    return { kind: 'callWide', scope: 'table', label, ...(table ? { table } : {}) };
  }
  if (status !== undefined && status >= 500) return { kind: 'server', label };
  if (status === undefined) {
    const transport =
      (e.code !== undefined && NETWORK_CODES.has(e.code)) ||
      e.name === 'TimeoutError' ||
      e.name === 'RequestTimeout' ||
      /socket hang up|ECONNRESET|timed? ?out/i.test(e.message ?? '');
    if (transport) return { kind: 'network', label };
  }
  return { kind: 'reject', label, tableWide: e.name === 'ResourceNotFoundException' };
}
