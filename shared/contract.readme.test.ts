import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { channelNames } from './contract';

test('the README documents every channel of the web API', () => {
  const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
  const missing = channelNames.filter((c) => !readme.includes('`' + c + '`'));
  expect(missing).toEqual([]);
});
