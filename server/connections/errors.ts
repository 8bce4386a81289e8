import type { TestResult } from '../../shared/contract/connections';
import { namedError } from '../errors';

/** The message for a credential_process that failed; never the command line or its output. */
export function processFailedMessage(profile: string, exit?: number | string | null): string {
  const how =
    typeof exit === 'number' ? `exit ${exit}` : exit ? `signal ${exit}` : 'exit status unknown';
  return `credential_process for profile "${profile}" failed (${how}). Run it in a terminal to see why.`;
}

/** The command that fixes an expired or missing SSO session. */
export function ssoLoginCommand(profile: string): string {
  return `aws sso login --profile ${profile}`;
}

/** SsoLoginRequired: the SSO token is missing or expired; names the command that fixes it. */
export function ssoLoginRequired(profile: string, cause?: unknown): Error {
  const fix = ssoLoginCommand(profile);
  return namedError(
    'SsoLoginRequired',
    `The AWS SSO session for profile "${profile}" has expired or was never started. ` +
      `Run \`${fix}\` in a terminal, then retry.`,
    { fix, cause },
  );
}

// The SDK's SSO messages: credential-provider-sso ("The SSO session associated with this profile has
// expired/is invalid"), token-providers ("Token is expired", "SSO session token … was not found",
// both ending "run 'aws sso login'"), and the SSO service refusing a revoked token.
const SSO_TOKEN_PROBLEM =
  /sso login|Token is expired|SSO session associated with this profile|SSO session token|Session token not found or invalid/i;

const OURS = new Set(['SsoLoginRequired', 'MfaTimeout', 'MfaCanceled', 'BadInput', 'NotFound']);

/**
 * What a failed credential lookup becomes: SsoLoginRequired for SSO token problems, our own errors
 * unchanged, anything else a CredentialsProviderError whose message names the profile.
 */
export function credentialError(err: unknown, profile: string, loginProfile: string): Error {
  const e = (err ?? {}) as { name?: string; message?: string };
  if (e.name && OURS.has(e.name)) return err as Error;
  const message = e.message ?? String(err);
  // Node's exec error from the SDK's credential_process (a source_profile's, say): its message is
  // the command line and the program's stderr, which may hold secrets. Neither is kept, nor the cause.
  if (/^Command failed:/.test(message)) {
    return namedError('CredentialsProviderError', processFailedMessage(profile));
  }
  if (
    e.name === 'CredentialsProviderError' &&
    message.startsWith('credential_process for profile')
  ) {
    return err as Error; // ours (credentialProcess.ts): already names the profile, holds no output
  }
  if (SSO_TOKEN_PROBLEM.test(message)) return ssoLoginRequired(loginProfile, err);
  return namedError(
    'CredentialsProviderError',
    `Could not get credentials for profile "${profile}": ${message}`,
    { cause: err },
  );
}

const NETWORK_CODES =
  /^(ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH)$/;

/** A test failure as the UI shows it: the service's error name and message, with the fix if known. */
export function toFailedResult(
  err: unknown,
  endpoint?: string,
): Extract<TestResult, { status: 'failed' }> {
  const e = (err ?? {}) as { name?: string; message?: string; code?: string; fix?: string };
  const message = e.message || String(err);
  if (e.code && NETWORK_CODES.test(e.code)) {
    const where = endpoint ? ` at ${endpoint}` : '';
    return {
      status: 'failed',
      code: e.code,
      message: `Could not reach DynamoDB${where}: ${message}`,
    };
  }
  const code = e.name && e.name !== 'Error' ? e.name : (e.code ?? 'Error');
  return { status: 'failed', code, message, ...(e.fix ? { fix: e.fix } : {}) };
}

// Failure labels ("Name: message", see commit/errors' errorLabel) of credential lookups.
const CREDENTIAL_FAILURE = /^(CredentialsProviderError|SsoLoginRequired|MfaTimeout|MfaCanceled)\b/;

/** What a staged change or a journal keeps of a credential failure: the fact, not the message. */
export const CREDENTIALS_NOT_SAVED =
  'Not written: the connection could not get its credentials (the message was shown, not saved). Fix them and retry.';

/** `reason` as it may be written to disk: a credential failure's message never is. */
export function reasonForDisk(reason: string): string {
  return CREDENTIAL_FAILURE.test(reason) ? CREDENTIALS_NOT_SAVED : reason;
}
