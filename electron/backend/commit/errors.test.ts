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
  expect(classifyFailure(service('ResourceNotFoundException', 400))).toMatchObject({
    tableWide: true,
  });
  expect(classifyFailure(new TypeError('bad input')).kind).toBe('reject');
  expect(errorLabel(Object.assign(new Error(''), { code: 'EPIPE' }))).toBe('EPIPE');
});

test('concurrency: halves once per window under pressure, grows by one after clean responses', () => {
  const c = new AdaptiveConcurrency(4, 1, 8, 3);
  c.onClean();
  c.onClean();
  c.onClean();
  expect(c.limit).toBe(5);
  c.onPressure(10, 12); // sent at 10, 12 sent so far
  expect(c.limit).toBe(2);
  c.onPressure(11, 12); // same window: no second cut
  expect(c.limit).toBe(2);
  c.onPressure(13, 14);
  expect(c.limit).toBe(1);
  c.onPressure(15, 15);
  expect(c.limit).toBe(1);
  for (let i = 0; i < 30; i++) c.onClean();
  expect(c.limit).toBe(8);
});
