import { expect, test } from 'vitest';
import { developerRoles, devRendererUrl } from './packaged';

test('a packaged build ignores ELECTRON_RENDERER_URL and has no DevTools or force-reload', () => {
  const env = { ELECTRON_RENDERER_URL: 'http://evil.example:5173' };
  expect(devRendererUrl(env, true)).toBeUndefined();
  expect(devRendererUrl(env, false)).toBe('http://evil.example:5173');
  expect(developerRoles(true)).toEqual([]);
  expect(developerRoles(false)).toEqual(['forceReload', 'toggleDevTools']);
});
