import { expect, test } from 'vitest';
import { classifyFailure, errorLabel } from './errors';

const service = (name: string, status: number) =>
  Object.assign(new Error('msg'), { name, $metadata: { httpStatusCode: status } });

test('throttling, 5xx and transport failures are retried whole; the rest is a rejection', () => {
  expect(classifyFailure(service('ProvisionedThroughputExceededException', 400)).kind).toBe(
    'throttle',
  );
  expect(classifyFailure(service('ThrottlingException', 400)).kind).toBe('throttle');
  expect(classifyFailure(service('RequestLimitExceeded', 400)).kind).toBe('throttle');
  expect(classifyFailure(service('InternalServerError', 500)).kind).toBe('server');
  expect(classifyFailure(service('Unknown', 503)).kind).toBe('server');
  expect(
    classifyFailure(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })).kind,
  ).toBe('network');
  expect(classifyFailure(Object.assign(new Error('late'), { name: 'TimeoutError' })).kind).toBe(
    'network',
  );
  expect(classifyFailure(service('ValidationException', 400))).toEqual({
    kind: 'reject',
    label: 'ValidationException: msg',
    tableWide: false,
  });
  // Call-wide answers pause instead of being split (issue 11 item 4).
  expect(classifyFailure(service('ResourceNotFoundException', 400))).toMatchObject({
    kind: 'callWide',
    scope: 'table',
  });
  const denied = service('AccessDeniedException', 400);
  denied.message =
    'User: arn:aws:iam::1:user/x is not authorized on resource: arn:aws:dynamodb:us-east-1:1:table/TicketArchive';
  expect(classifyFailure(denied)).toMatchObject({
    kind: 'callWide',
    scope: 'table',
    table: 'TicketArchive',
  });
  for (const name of [
    'ExpiredTokenException',
    'UnrecognizedClientException',
    'InvalidSignatureException',
    'CredentialsProviderError',
  ]) {
    expect(classifyFailure(service(name, 400))).toMatchObject({
      kind: 'callWide',
      scope: 'credentials',
    });
  }
  expect(classifyFailure(new TypeError('bad input')).kind).toBe('reject');
  expect(errorLabel(Object.assign(new Error(''), { code: 'EPIPE' }))).toBe('EPIPE');
});
