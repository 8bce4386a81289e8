import { expect, test } from 'vitest';
import { AdaptiveConcurrency } from './concurrency';
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

test('concurrency: halves (rounding up) once per window, grows after a window of clean responses', () => {
  const c = new AdaptiveConcurrency(4, 1, 8);
  for (let i = 0; i < 3; i++) c.onClean();
  expect(c.limit).toBe(4);
  c.onClean(); // four clean responses at limit 4
  expect(c.limit).toBe(5);
  c.onPressure(10, 12); // sent at 10, 12 sent so far
  expect(c.limit).toBe(3);
  c.onPressure(11, 12); // same window: no second cut
  expect(c.limit).toBe(3);
  c.onPressure(13, 14);
  expect(c.limit).toBe(2);
  c.onPressure(15, 15);
  expect(c.limit).toBe(1);
  c.onPressure(16, 16);
  expect(c.limit).toBe(1);
  c.onClean();
  c.onClean(); // at least two
  expect(c.limit).toBe(2);
  for (let i = 0; i < 100; i++) c.onClean();
  expect(c.limit).toBe(8);
  const fixed = new AdaptiveConcurrency(2, 1, 8, 1);
  fixed.onClean();
  expect(fixed.limit).toBe(3);
});
