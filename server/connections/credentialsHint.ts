/**
 * What to do when a connection's credentials fail mid-commit, naming its own profile: the commit's
 * pause message ends with it ("Run aws sso login --profile dev, then Resume").
 */
import { authKind, ssoLoginProfile, type ProfileSnapshot } from './profiles';
import { ssoLoginCommand } from './errors';

/** The hint for `profile` (undefined: the connection has no profile, the default hint stays). */
export function credentialsHint(
  profile: string | undefined,
  snapshot: Pick<ProfileSnapshot, 'sections'>,
): string | undefined {
  if (!profile) return undefined;
  // A role profile whose source_profile chain ends at an SSO profile logs in with that one.
  const login = ssoLoginProfile(profile, snapshot.sections);
  const section = snapshot.sections.get(login);
  const kind = section ? authKind(section) : 'none';
  if (kind === 'sso') return `Run ${ssoLoginCommand(login)}`;
  if (kind === 'process')
    return `Fix the credential_process of profile "${profile}" (run it in a terminal to see why)`;
  return `Refresh the credentials of profile "${profile}"`;
}
