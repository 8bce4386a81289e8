import type { z } from 'zod';
import { channels, isChannelName, type ApiError, type ChannelName, type Envelope } from '../shared/contract';
import { stagingApplyAsIs } from '../shared/contract/stagingAsIs';
import { handlers as defaultHandlers, type Handlers } from './handlers';
import { carryRaw } from './requestText';
import type { Services } from './services';

/** Formats zod issues as "field.path: message; …" so the caller sees which field was wrong. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((i) => `${i.path.length ? i.path.join('.') : '(input)'}: ${i.message}`)
    .join('; ');
}

/** Errors of our own whose name is a meaningful code for the UI. */
const PASS_THROUGH = new Set([
  'NotFound',
  'BadInput',
  'PlanChanged',
  'SandboxUnavailable',
  'SsoLoginRequired',
  'MfaTimeout',
  'MfaCanceled',
  'ConfirmationRequired',
  // A staging save naming a served original (staging/byRef.ts): the renderer resends it whole.
  'OriginalGone',
  'OriginalMismatch',
]);

const DYNAMO_ERROR = /Exception$|^AccessDenied|^UnrecognizedClient|^Throttling|^RequestLimitExceeded/;

// Absolute file paths (POSIX or Windows) inside an error's text: the folder says who the user is
// and where the data lives, which a renderer (or a web page's console) has no need to know.
const FILE_PATH = /(?<![\w.~:/-])(?:[A-Za-z]:[\\/]|\/)(?:[^\s'"`,;()<>\\/]+[\\/])+([^\s'"`,;()<>\\/]*)/g;

/** `text` with every absolute file path cut to its last part ("…/abc.meta.json"). */
export function redactPaths(text: string): string {
  return text.replace(FILE_PATH, (_m, base: string) => `…/${base}`);
}

/** Turns any thrown value into the envelope's error, keeping the service's name and message. */
export function toApiError(err: unknown): ApiError {
  const e = err as { name?: string; message?: string; fix?: unknown };
  const name = e?.name ?? 'Error';
  const message = e?.message || String(err);
  const fix = typeof e?.fix === 'string' ? { fix: e.fix } : {};
  if (PASS_THROUGH.has(name)) return { code: name, message, ...fix };
  if (DYNAMO_ERROR.test(name) || name.startsWith('Credentials') || name === 'CredentialsProviderError') {
    return { code: name, message };
  }
  return { code: 'Internal', message: redactPaths(`${name}: ${message}`) };
}

export type DispatchStatus = 200 | 400 | 404 | 500;

/**
 * Checks that answer true only for input a channel's schema accepts and would return unchanged
 * (then the input is the checked input, without the schema's copy); false leaves it to the schema.
 */
const ACCEPTED_AS_IS: Partial<Record<ChannelName, (input: unknown) => boolean>> = {
  'staging:apply': stagingApplyAsIs,
};

/**
 * Validates the input against the channel's schema, runs its handler and wraps the answer.
 * Never throws: every failure becomes `{ ok: false, error }`, with an HTTP-like status for hosts.
 */
export async function dispatch(
  channel: string,
  input: unknown,
  services: Services,
  handlers: Handlers = defaultHandlers,
): Promise<{ status: DispatchStatus; envelope: Envelope<unknown> }> {
  if (!isChannelName(channel)) {
    return {
      status: 404,
      envelope: { ok: false, error: { code: 'NotFound', message: `Unknown channel "${channel}"` } },
    };
  }
  const def = channels[channel];
  const parsed = ACCEPTED_AS_IS[channel]?.(input)
    ? { success: true as const, data: input }
    : def.input.safeParse(input ?? {});
  if (!parsed.success) {
    return {
      status: 400,
      envelope: {
        ok: false,
        error: { code: 'BadInput', message: `Invalid input for ${channel}: ${describeIssues(parsed.error)}` },
      },
    };
  }
  carryRaw(input, parsed.data);
  try {
    const handler = handlers[channel as ChannelName] as (i: unknown, s: Services) => Promise<unknown>;
    const value = await handler(parsed.data, services);
    return { status: 200, envelope: { ok: true, value } };
  } catch (err) {
    const error = toApiError(err);
    // Service and input errors are answers, not crashes; only unexpected failures are 500s.
    return { status: error.code === 'Internal' ? 500 : 200, envelope: { ok: false, error } };
  }
}
