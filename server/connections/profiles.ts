import { homedir } from 'node:os';
import { join } from 'node:path';
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import type { AuthKind, ProfileInfo } from '../../shared/contract/connections';

/** One profile's settings, merged from the config and credentials files as the SDK merges them. */
type Section = Record<string, string | undefined>;

export interface ProfileSnapshot {
  profiles: ProfileInfo[];
  /** Raw sections by profile name, for the backend only (they may hold keys). */
  sections: Map<string, Section>;
  /** Whole config file sections (profiles, sso-session.*, services.*). */
  config: Record<string, Section>;
  configFile: string;
  credentialsFile: string;
}

const SECTION_PREFIXES = ['sso-session.', 'services.'];

function homeDir(): string {
  return process.env.HOME || process.env.USERPROFILE || homedir();
}

/** The files the SDK reads: AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE, else ~/.aws/. */
export function sharedFilePaths(): { configFile: string; credentialsFile: string } {
  return {
    configFile: process.env.AWS_CONFIG_FILE || join(homeDir(), '.aws', 'config'),
    credentialsFile:
      process.env.AWS_SHARED_CREDENTIALS_FILE || join(homeDir(), '.aws', 'credentials'),
  };
}

/** Reads the shared files fresh (no SDK file cache) through the SDK's own loader. */
export async function readProfiles(): Promise<ProfileSnapshot> {
  const { configFile: config, credentialsFile: credentials } = await loadSharedConfigFiles({
    ignoreCache: true,
  });
  const sections = new Map<string, Section>();
  for (const [name, values] of Object.entries(config)) {
    if (SECTION_PREFIXES.some((p) => name.startsWith(p))) continue;
    sections.set(name, { ...values });
  }
  // The credentials file wins over the config file for the same key, as in the SDK's parseKnownFiles.
  for (const [name, values] of Object.entries(credentials)) {
    sections.set(name, { ...sections.get(name), ...values });
  }
  const profiles = [...sections.entries()]
    .map(([name, s]) => describeProfile(name, s, config))
    .sort((a, b) =>
      a.name === 'default' ? -1 : b.name === 'default' ? 1 : a.name.localeCompare(b.name),
    );
  return { profiles, sections, config, ...sharedFilePaths() };
}

function describeProfile(name: string, s: Section, config: Record<string, Section>): ProfileInfo {
  const endpoint = profileEndpoint(s, config);
  return {
    name,
    ...(s.region ? { region: s.region } : {}),
    auth: authKind(s),
    mfa: Boolean(s.role_arn && s.mfa_serial),
    ...(endpoint ? { endpoint } : {}),
  };
}

/** The same order of precedence as the SDK's resolveProfileData. */
export function authKind(s: Section): AuthKind {
  if (s.role_arn && (s.source_profile || s.credential_source)) return 'assumeRole';
  if (s.aws_access_key_id && s.aws_secret_access_key) return 'static';
  if (s.web_identity_token_file && s.role_arn) return 'webIdentity';
  if (s.credential_process) return 'process';
  if (s.sso_session || s.sso_start_url || s.sso_account_id || s.sso_role_name) return 'sso';
  if (s.login_session) return 'login';
  if (s.credential_source) return 'credentialSource';
  return 'none';
}

/**
 * The DynamoDB endpoint a profile names: `services` section `dynamodb.endpoint_url`, else the
 * profile's `endpoint_url`. Read here because the SDK only applies it for AWS_PROFILE, not per client.
 */
export function profileEndpoint(s: Section, config: Record<string, Section>): string | undefined {
  if (s.services) {
    const fromServices = config[`services.${s.services}`]?.['dynamodb.endpoint_url'];
    if (fromServices) return fromServices;
  }
  return s.endpoint_url || undefined;
}

/** The profile to log in with for `name`: itself, or the SSO profile its source_profile chain ends at. */
export function ssoLoginProfile(name: string, sections: Map<string, Section>): string {
  const seen = new Set<string>();
  let current = name;
  while (!seen.has(current)) {
    seen.add(current);
    const s = sections.get(current);
    if (!s) break;
    if (authKind(s) === 'sso') return current;
    if (!s.source_profile) break;
    current = s.source_profile;
  }
  return name;
}

/** A region for a profile without one: the environment's, then us-east-1. */
export function fallbackRegion(): string {
  return process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || 'us-east-1';
}
