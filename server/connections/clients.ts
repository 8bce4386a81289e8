import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { fromEnv, fromIni } from '@aws-sdk/credential-providers';
import { runCredentialProcess } from './credentialProcess';
import { credentialError } from './errors';
import type { MfaBroker } from './mfa';
import { readProfiles, ssoLoginProfile } from './profiles';

/** A connection resolved to what its client needs. Settings only: credentials come from providers. */
export interface Target {
  id: string;
  name: string;
  kind: 'profile' | 'endpoint';
  region: string;
  endpoint?: string;
  /** Where credentials come from; for endpoints without one, the environment or dummy keys. */
  profile?: string;
}

/** The settings a client was built from; a different signature means the client is rebuilt. */
export function signature(t: Target): string {
  return JSON.stringify([t.kind, t.region, t.endpoint ?? '', t.profile ?? '', t.name]);
}

// Local endpoints accept any keys; these only make the request signable.
const DUMMY_KEYS = { accessKeyId: 'local', secretAccessKey: 'local' };

type Provider = ReturnType<typeof fromIni>;

/**
 * A profile's credential provider through the SDK's own fromIni (static keys, SSO, credential_process,
 * assume role with source_profile, web identity). MFA codes are asked for through the broker; failures
 * are mapped to SsoLoginRequired or a CredentialsProviderError that names the profile.
 */
export function profileCredentials(target: Target & { profile: string }, mfa: MfaBroker): Provider {
  const { profile } = target;
  const inner = fromIni({
    profile,
    ignoreCache: true,
    mfaCodeProvider: (serialNumber) =>
      mfa.ask({ connectionId: target.id, connectionName: target.name, profile, serialNumber }),
  });
  return async (options) => {
    try {
      const section = (await readProfiles().catch(() => undefined))?.sections.get(profile);
      const command = section && ownCredentialProcess(section);
      return command ? await runCredentialProcess(profile, command) : await inner(options);
    } catch (err) {
      const snapshot = await readProfiles().catch(() => undefined);
      const login = snapshot ? ssoLoginProfile(profile, snapshot.sections) : profile;
      throw credentialError(err, profile, login);
    }
  };
}

// Settings that make the SDK use another provider before (or around) credential_process.
const OTHER_SOURCES = [
  'aws_access_key_id',
  'role_arn',
  'sso_session',
  'sso_start_url',
  'web_identity_token_file',
  'credential_source',
  'login_session',
];

/** The profile's own credential_process, when nothing else in it takes precedence. */
function ownCredentialProcess(section: Record<string, string | undefined>): string | undefined {
  if (OTHER_SOURCES.some((k) => section[k])) return undefined;
  return section.credential_process || undefined;
}

function endpointCredentials(): Provider | typeof DUMMY_KEYS {
  const env = process.env;
  return env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY ? fromEnv() : DUMMY_KEYS;
}

/** A DynamoDB client for a profile or custom-endpoint connection. */
export function buildClient(target: Target, mfa: MfaBroker): DynamoDBClient {
  const credentials = target.profile
    ? profileCredentials({ ...target, profile: target.profile }, mfa)
    : endpointCredentials();
  return new DynamoDBClient({
    region: target.region,
    credentials,
    ...(target.endpoint ? { endpoint: target.endpoint } : {}),
    // The endpoint is per connection: AWS_ENDPOINT_URL or the default profile's endpoint_url must
    // not redirect every profile; a profile's own endpoint_url arrives in target.endpoint.
    ignoreConfiguredEndpointUrls: true,
    // Fail fast on an unreachable endpoint instead of waiting on the OS connect timeout.
    requestHandler: { connectionTimeout: 5_000, requestTimeout: 60_000 },
  });
}
