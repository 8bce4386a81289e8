/**
 * The Electron host's security settings, checked through the pure functions and config that
 * produce them (the Electron binary cannot run here): packaged menu, dev server URL, window
 * preferences, permission handlers, CSP, and the fuses electron-builder flips.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { expect, test } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../server/csp';
import { menuTemplate } from './menuTemplate';
import { developerRoles, devRendererUrl } from './packaged';
import { permissionCheck, permissionRequest, secureWebPreferences, withCsp } from './windowConfig';

const roles = (items: MenuItemConstructorOptions[]): string[] =>
  items.flatMap((i) => [
    ...(i.role ? [i.role] : []),
    ...(Array.isArray(i.submenu) ? roles(i.submenu) : []),
  ]);

test('a packaged build ignores ELECTRON_RENDERER_URL and has no DevTools or force-reload', () => {
  const env = { ELECTRON_RENDERER_URL: 'http://evil.example:5173' };
  expect(devRendererUrl(env, true)).toBeUndefined();
  expect(devRendererUrl(env, false)).toBe('http://evil.example:5173');
  expect(developerRoles(true)).toEqual([]);
  expect(developerRoles(false)).toEqual(['forceReload', 'toggleDevTools']);
});

test('the packaged menu has no developer roles; a development build has them', () => {
  for (const isMac of [true, false]) {
    const packaged = roles(menuTemplate(() => {}, { isMac, packaged: true }));
    expect(packaged).not.toContain('toggleDevTools');
    expect(packaged).not.toContain('forceReload');
    expect(packaged).not.toContain('reload');
    expect(roles(menuTemplate(() => {}, { isMac, packaged: false }))).toEqual(
      expect.arrayContaining(['toggleDevTools', 'forceReload']),
    );
  }
});

test('the window runs isolated and sandboxed, without Node', () => {
  const prefs = secureWebPreferences('/app/preload/index.js');
  expect(prefs).toMatchObject({
    preload: '/app/preload/index.js',
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
  });
});

test('permission checks say no except for writing the clipboard; requests always no', () => {
  expect(permissionCheck('clipboard-sanitized-write')).toBe(true);
  for (const p of ['clipboard-read', 'media', 'geolocation', 'notifications', 'hid', 'serial', 'usb', 'openExternal']) {
    expect(permissionCheck(p), p).toBe(false);
  }
  expect(permissionRequest()).toBe(false);
});

test('every response gets the app CSP, replacing any CSP it had', () => {
  const out = withCsp({ 'content-security-policy': ["default-src *"], 'X-Other': ['1'] });
  expect(out).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY], 'X-Other': ['1'] });
  expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
  expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval/);
  expect(withCsp(undefined)).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
});

test('electron-builder flips the fuses: no RunAsNode, cookie encryption, ASAR integrity, app only from asar', () => {
  const yml = readFileSync(join(__dirname, '../../electron-builder.yml'), 'utf8');
  // The top-level electronFuses block: its indented `name: true|false` lines.
  const block = /^electronFuses:\n((?:[ \t]+.*\n?)*)/m.exec(yml)?.[1] ?? '';
  const fuses = Object.fromEntries(
    [...block.matchAll(/^\s+(\w+):\s*(true|false)\s*$/gm)].map((m) => [m[1], m[2] === 'true']),
  );
  expect(fuses).toEqual({
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
  });
  expect(yml).not.toMatch(/^asar:\s*false/m);
});
