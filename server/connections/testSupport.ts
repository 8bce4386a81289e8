import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Secrets of the test profiles: a scan of every output must never find them. */
export const SECRETS = {
  staticKeyId: 'AKIATESTSTATIC000001',
  staticSecret: 'sEcReT/static+KEY/do-not-leak-0001',
  processKeyId: 'AKIATESTPROCESS00002',
  processSecret: 'sEcReT/process+KEY/do-not-leak-0002',
  processToken: 'TOKEN-process-session-do-not-leak-0003',
};

export interface AwsHome {
  dir: string;
  configFile: string;
  credentialsFile: string;
  /** The credential_process script appends a line here each time it runs. */
  processLog: string;
}

/** A port nothing listens on: connections to it are refused at once. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * Writes a config and credentials file with one profile of each kind the tests need, and points the
 * SDK at them (AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE, HOME for the SSO token cache).
 */
export async function writeAwsHome(endpoint: string): Promise<AwsHome> {
  const dir = await mkdtemp(join(tmpdir(), 'dynostage-aws-'));
  await mkdir(join(dir, '.aws', 'sso', 'cache'), { recursive: true });
  const processLog = join(dir, 'process.log');
  const script = join(dir, 'creds.js');
  await writeFile(
    script,
    `require('fs').appendFileSync(${JSON.stringify(processLog)}, 'ran\\n');\n` +
      `console.log(JSON.stringify({ Version: 1, AccessKeyId: ${JSON.stringify(SECRETS.processKeyId)}, ` +
      `SecretAccessKey: ${JSON.stringify(SECRETS.processSecret)}, SessionToken: ${JSON.stringify(SECRETS.processToken)} }));\n`,
  );
  const configFile = join(dir, 'config');
  const credentialsFile = join(dir, 'credentials');
  await writeFile(
    configFile,
    [
      '[profile local-static]',
      'region = eu-west-1',
      `endpoint_url = ${endpoint}`,
      '',
      '[profile proc]',
      'region = ap-southeast-2',
      `credential_process = ${JSON.stringify(process.execPath)} ${JSON.stringify(script)}`,
      '',
      '[profile sso-dev]',
      'sso_session = corp',
      'sso_account_id = 111122223333',
      'sso_role_name = ReadOnly',
      'region = us-west-2',
      '',
      '[profile sso-legacy]',
      'sso_start_url = https://legacy.awsapps.com/start',
      'sso_region = us-east-1',
      'sso_account_id = 111122223333',
      'sso_role_name = ReadOnly',
      '',
      '[profile role-on-sso]',
      'role_arn = arn:aws:iam::111122223333:role/Admin',
      'source_profile = sso-dev',
      '',
      '[profile mfa-role]',
      'role_arn = arn:aws:iam::111122223333:role/Admin',
      'source_profile = local-static',
      'mfa_serial = arn:aws:iam::111122223333:mfa/tester',
      'region = us-east-1',
      '',
      '[sso-session corp]',
      'sso_start_url = https://corp.awsapps.com/start',
      'sso_region = us-east-1',
      'sso_registration_scopes = sso:account:access',
      '',
    ].join('\n'),
  );
  await writeFile(
    credentialsFile,
    [
      '[local-static]',
      `aws_access_key_id = ${SECRETS.staticKeyId}`,
      `aws_secret_access_key = ${SECRETS.staticSecret}`,
      '',
    ].join('\n'),
  );
  return { dir, configFile, credentialsFile, processLog };
}

/** Points the SDK's loaders at `home`; returns a function that restores the environment. */
export function useAwsHome(home: AwsHome, extra: Record<string, string> = {}): () => void {
  const keys = [
    'AWS_CONFIG_FILE',
    'AWS_SHARED_CREDENTIALS_FILE',
    'HOME',
    'AWS_PROFILE',
    'AWS_REGION',
    'AWS_DEFAULT_REGION',
    'AWS_ACCESS_KEY_ID',
    'AWS_SECRET_ACCESS_KEY',
    'AWS_SESSION_TOKEN',
    'AWS_ENDPOINT_URL',
    ...Object.keys(extra),
  ];
  const saved = Object.fromEntries(keys.map((k) => [k, process.env[k]]));
  for (const k of keys) delete process.env[k];
  Object.assign(process.env, {
    AWS_CONFIG_FILE: home.configFile,
    AWS_SHARED_CREDENTIALS_FILE: home.credentialsFile,
    HOME: home.dir,
    ...extra,
  });
  return () => {
    for (const k of keys) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  };
}

/** Every key name and string value in `value`, for the secret scan. */
export function walk(
  value: unknown,
  visit: (key: string | undefined, v: unknown) => void,
  key?: string,
): void {
  visit(key, value);
  if (Array.isArray(value)) value.forEach((v) => walk(v, visit));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) walk(v, visit, k);
  }
}
