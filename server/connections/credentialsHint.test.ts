import { expect, test } from 'vitest';
import { Pauses } from '../commitEngine/pause';
import { credentialsHint } from './credentialsHint';

const sections = new Map<string, Record<string, string | undefined>>([
  ['dev-sso', { sso_session: 'corp', sso_account_id: '123', sso_role_name: 'Dev' }],
  ['admin', { role_arn: 'arn:aws:iam::123:role/Admin', source_profile: 'dev-sso' }],
  ['flaky', { credential_process: 'sh creds.sh' }],
  ['keys', { aws_access_key_id: 'AKIA', aws_secret_access_key: 's' }],
]);

test('the pause message names the connection profile to log in with', () => {
  expect(credentialsHint('dev-sso', { sections })).toBe('Run aws sso login --profile dev-sso');
  // A role assumed from an SSO profile: log in with the SSO one.
  expect(credentialsHint('admin', { sections })).toBe('Run aws sso login --profile dev-sso');
  expect(credentialsHint('flaky', { sections })).toMatch(/credential_process of profile "flaky"/);
  expect(credentialsHint('keys', { sections })).toBe('Refresh the credentials of profile "keys"');
  expect(credentialsHint(undefined, { sections })).toBeUndefined();
  // The SDK's own SSO message says "run 'aws sso login'" without a profile: the hint names it.
  const pauses = new Pauses(credentialsHint('admin', { sections }));
  const reason = pauses.pause(
    {
      kind: 'callWide',
      scope: 'credentials',
      label: "CredentialsProviderError: The SSO session token has expired; run 'aws sso login'",
    },
    undefined,
  );
  expect(reason).toMatch(/\. Run aws sso login --profile dev-sso, then Resume\.$/);
});
