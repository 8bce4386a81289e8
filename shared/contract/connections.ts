import { z } from 'zod';
import { channel } from './define';
import { controlCharProblem, plainText } from './values';

/** How the backend gets credentials for a profile, as a hint for the UI. Never the credentials. */
export const authKindSchema = z.enum([
  'static',
  'sso',
  'process',
  'assumeRole',
  'webIdentity',
  'credentialSource',
  'login',
  'none',
]);
export type AuthKind = z.infer<typeof authKindSchema>;

export const connectionInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['sandbox', 'profile', 'endpoint']),
  /** builtin: the sandbox; config: a profile listed from the shared AWS files; saved: by the user. */
  source: z.enum(['builtin', 'config', 'saved']),
  region: z.string(),
  /** Endpoint URL for the sandbox, custom endpoints and profiles with endpoint_url; never credentials. */
  endpoint: z.string().optional(),
  profile: z.string().optional(),
  auth: authKindSchema.optional(),
  /** The profile assumes a role with mfa_serial: connecting asks for a code. */
  mfa: z.boolean().optional(),
});
export type ConnectionInfo = z.infer<typeof connectionInfoSchema>;

export const profileInfoSchema = z.object({
  name: z.string(),
  /** The profile's region from the config file, if it names one. */
  region: z.string().optional(),
  auth: authKindSchema,
  mfa: z.boolean(),
  endpoint: z.string().optional(),
});
export type ProfileInfo = z.infer<typeof profileInfoSchema>;

export const mfaPromptSchema = z.object({
  promptId: z.string(),
  connectionId: z.string(),
  connectionName: z.string(),
  profile: z.string(),
  /** The MFA device's ARN or serial number from the profile's mfa_serial. */
  serialNumber: z.string(),
  /** Epoch milliseconds after which the backend gives up waiting. */
  expiresAt: z.number(),
});
export type MfaPrompt = z.infer<typeof mfaPromptSchema>;

const regionSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'use lower-case letters, digits and dashes, e.g. eu-west-1');

/** Accepts http(s) URLs without user info, query or fragment (DynamoDB Local, LocalStack, dynalite). */
export const endpointUrlSchema = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    const problem = endpointUrlProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** Why `value` is not a usable endpoint URL, or undefined when it is. */
export function endpointUrlProblem(value: string): string | undefined {
  // The URL parser drops tabs and newlines silently; the saved text would still hold them.
  const control = controlCharProblem(value);
  if (control) return control;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'must be a URL such as http://localhost:8000';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return 'must start with http:// or https://';
  if (!url.hostname) return 'must name a host, e.g. http://localhost:8000';
  if (url.username || url.password) return 'must not carry a user name or password';
  if (url.search || url.hash) return 'must not have a query or fragment';
  return undefined;
}

const AWS_HOST = /(^|\.)(amazonaws\.com|amazonaws\.com\.cn|api\.aws)$/i;

/**
 * Why sending a profile's keys and session token to `endpoint` needs the user's confirmation
 * (not https, or not an AWS host), or undefined for an https AWS endpoint.
 */
export function credentialsEndpointRisk(endpoint: string): string | undefined {
  let url: URL;
  try {
    url = new URL(endpoint.trim());
  } catch {
    return undefined; // the endpoint's own check reports it
  }
  if (url.protocol !== 'https:')
    return `${url.origin} is not https: the profile's signed requests and session token travel unencrypted`;
  if (!AWS_HOST.test(url.hostname))
    return `${url.hostname} is not an AWS endpoint: it receives requests signed with the profile's keys and its session token`;
  return undefined;
}

const nameSchema = plainText(
  z.string().trim().min(1, 'give the connection a name').max(64, 'use at most 64 characters'),
);

const profileNameSchema = plainText(z.string().trim().min(1, 'choose a profile'));

const saveBase = {
  /** Present to update a saved connection; absent to create one. */
  id: plainText(z.string().min(1)).optional(),
  name: nameSchema,
  /** Defaults to the profile's region, then us-east-1. */
  region: regionSchema.optional(),
};

export const saveConnectionInputSchema = z.discriminatedUnion('kind', [
  z.strictObject({ ...saveBase, kind: z.literal('profile'), profile: profileNameSchema }),
  z.strictObject({
    ...saveBase,
    kind: z.literal('endpoint'),
    endpoint: endpointUrlSchema,
    /** Credentials from this profile; without it the environment's keys, else dummy local keys. */
    profile: profileNameSchema.optional(),
    /**
     * The endpoint, repeated: the user confirmed sending this profile's credentials to it. Needed
     * when a profile is given and credentialsEndpointRisk(endpoint) names a risk.
     */
    confirmCredentialsTo: z.string().trim().optional(),
  }),
]);
export type SaveConnectionInput = z.input<typeof saveConnectionInputSchema>;

export const testResultSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('ok'),
    latencyMs: z.number(),
    region: z.string(),
    endpoint: z.string().optional(),
    /** At most one table name (ListTables Limit 1). */
    tables: z.array(z.string()),
  }),
  z.object({
    status: z.literal('failed'),
    /** SsoLoginRequired, MfaTimeout, MfaCanceled, CredentialsProviderError, or the service's error name. */
    code: z.string(),
    message: z.string(),
    /** A command that fixes it, e.g. `aws sso login --profile dev`. */
    fix: z.string().optional(),
  }),
]);
export type TestResult = z.infer<typeof testResultSchema>;

export const connectionsChannels = {
  /** The connection list: the sandbox, the AWS profiles, then saved connections. */
  'connections:list': channel(
    z.object({}).strict(),
    z.object({
      connections: z.array(connectionInfoSchema),
      profiles: z.array(profileInfoSchema),
      /** MFA prompts still waiting for a code (for a window that opened after the event). */
      pendingMfa: z.array(mfaPromptSchema),
      /** Set when the saved connections file could not be read and was moved aside. */
      notice: z.string().optional(),
    }),
  ),
  /**
   * The profiles of the shared AWS config and credentials files: names, regions, kinds; no
   * secrets.
   */
  'connections:profiles': channel(
    z.object({}).strict(),
    z.object({
      profiles: z.array(profileInfoSchema),
      configFile: z.string(),
      credentialsFile: z.string(),
    }),
  ),
  /** Creates or updates a profile or custom-endpoint connection; its SDK client is rebuilt. */
  'connections:save': channel(
    saveConnectionInputSchema,
    z.object({ connection: connectionInfoSchema }),
  ),
  /** Removes a saved connection. */
  'connections:remove': channel(
    z.strictObject({ id: plainText(z.string().min(1)) }),
    z.object({ removed: z.boolean() }),
  ),
  /** Tries ListTables (Limit 1) on a connection or an unsaved draft; reports success or the reason. */
  'connections:test': channel(
    z.union([
      z.strictObject({ connectionId: plainText(z.string().min(1)) }),
      z.strictObject({ draft: saveConnectionInputSchema }),
    ]),
    z.object({ result: testResultSchema }),
  ),
  /** Answers (or cancels) an MFA prompt; accepted is false when the prompt already ended. */
  'connections:mfaAnswer': channel(
    z.union([
      z.strictObject({
        promptId: z.string().min(1),
        code: z
          .string()
          .trim()
          .regex(/^\d{6}$/, 'the MFA code is 6 digits'),
      }),
      z.strictObject({ promptId: z.string().min(1), cancel: z.literal(true) }),
    ]),
    z.object({ accepted: z.boolean() }),
  ),
};

/** The events of the connections namespace, spread into the backend event union. */
export const connectionsEvents = [
  mfaPromptSchema.extend({ type: z.literal('connections:mfaPrompt') }),
  z.object({
    type: z.literal('connections:mfaSettled'),
    promptId: z.string(),
    outcome: z.enum(['answered', 'canceled', 'timedOut']),
  }),
] as const;
