import { describe, expect, test } from 'vitest';
import type { ProfileInfo } from '../../../../shared/contract/connections';
import {
  emptyDraft,
  errorsFromMessage,
  toInput,
  validate,
  withEndpoint,
  withProfile,
} from './connectionDraft';

const profiles: ProfileInfo[] = [
  { name: 'dev', region: 'eu-west-1', auth: 'sso', mfa: false },
  { name: 'prod', auth: 'assumeRole', mfa: true },
];

describe('connection drafts', () => {
  test('a new draft starts on the first profile, with its region and name', () => {
    expect(emptyDraft(profiles)).toMatchObject({
      kind: 'profile',
      profile: 'dev',
      region: 'eu-west-1',
      name: 'dev',
    });
    expect(emptyDraft([])).toMatchObject({ kind: 'endpoint', region: 'us-east-1' });
  });

  test('the region follows the profile until the user sets it', () => {
    const d = emptyDraft(profiles);
    expect(withProfile(d, profiles[1])).toMatchObject({ region: 'us-east-1', name: 'prod' });
    const typed = {
      ...d,
      region: 'ap-south-1',
      regionTouched: true,
      name: 'Mine',
      nameTouched: true,
    };
    expect(withProfile(typed, profiles[1])).toMatchObject({
      region: 'ap-south-1',
      name: 'Mine',
      profile: 'prod',
    });
  });

  test('an endpoint draft is named after its host and validated with the contract schema', () => {
    const d = withEndpoint({ ...emptyDraft([]) }, 'http://localhost:8000');
    expect(d.name).toBe('localhost:8000');
    expect(toInput(d)).toEqual({
      kind: 'endpoint',
      name: 'localhost:8000',
      endpoint: 'http://localhost:8000',
      region: 'us-east-1',
    });
    expect(validate(d)).toEqual({});
    expect(validate({ ...d, endpoint: 'localhost:8000' }).endpoint).toMatch(/http:\/\//);
  });

  test('a backend refusal lands on its fields', () => {
    expect(
      errorsFromMessage(
        'Invalid input for connections:save: endpoint: must start with http:// or https://; name: give the connection a name',
      ),
    ).toEqual({
      endpoint: 'must start with http:// or https://',
      name: 'give the connection a name',
    });
    expect(errorsFromMessage('name: a saved connection named "x" already exists')).toEqual({
      name: 'a saved connection named "x" already exists',
    });
    expect(errorsFromMessage('something else')).toEqual({ form: 'something else' });
  });
});
