/**
 * credential_process run by us rather than by the SDK: the SDK's failure message is Node's
 * "Command failed: <command line>\n<stderr>", which carries whatever the command line and the
 * program's error output hold (API keys, tokens). Ours names the profile and the exit status only.
 */
import { exec } from 'node:child_process';
import type { AwsCredentialIdentity } from '@aws-sdk/types';
import { namedError } from '../errors';
import { processFailedMessage } from './errors';

function fail(profile: string, problem: string): Error {
  return namedError(
    'CredentialsProviderError',
    `credential_process for profile "${profile}" ${problem}`,
  );
}

/** Parses the process's stdout as the AWS CLI does (Version 1 JSON); messages hold no values. */
export function parseProcessOutput(
  profile: string,
  stdout: string,
  now = Date.now(),
): AwsCredentialIdentity {
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(stdout.trim()) as Record<string, unknown>;
  } catch {
    throw fail(profile, 'printed something that is not JSON');
  }
  if (data?.Version !== 1) throw fail(profile, 'did not return "Version": 1');
  const { AccessKeyId, SecretAccessKey, SessionToken, Expiration } = data;
  if (typeof AccessKeyId !== 'string' || typeof SecretAccessKey !== 'string')
    throw fail(profile, 'returned no AccessKeyId or SecretAccessKey');
  let expiration: Date | undefined;
  if (Expiration !== undefined) {
    expiration = new Date(String(Expiration));
    if (Number.isNaN(expiration.getTime()))
      throw fail(profile, 'returned an unreadable Expiration');
    if (expiration.getTime() <= now) throw fail(profile, 'returned expired credentials');
  }
  return {
    accessKeyId: AccessKeyId,
    secretAccessKey: SecretAccessKey,
    ...(typeof SessionToken === 'string' ? { sessionToken: SessionToken } : {}),
    ...(expiration ? { expiration } : {}),
  };
}

/** Runs `command` through the shell (as the SDK and the AWS CLI do) and reads its credentials. */
export function runCredentialProcess(
  profile: string,
  command: string,
): Promise<AwsCredentialIdentity> {
  return new Promise((resolve, reject) => {
    exec(command, { maxBuffer: 1024 * 1024, windowsHide: true }, (err, stdout) => {
      if (err) {
        const e = err as { code?: number | string; signal?: string | null };
        reject(
          namedError(
            'CredentialsProviderError',
            processFailedMessage(
              profile,
              typeof e.code === 'number' ? e.code : (e.signal ?? e.code),
            ),
          ),
        );
        return;
      }
      try {
        resolve(parseProcessOutput(profile, stdout));
      } catch (parseErr) {
        reject(parseErr as Error);
      }
    });
  });
}
