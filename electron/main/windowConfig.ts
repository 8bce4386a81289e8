/**
 * The Electron window's and session's security settings, as plain values and pure functions so
 * that unit tests can check them without an Electron binary (index.ts applies them).
 */
import type { WebPreferences } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../server/csp';

/** The renderer runs isolated and sandboxed, without Node, with web security on. */
export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
  };
}

/** Permission checks: no, except writing the clipboard (copying cells). */
export function permissionCheck(permission: string): boolean {
  return permission === 'clipboard-sanitized-write';
}

/** Permission requests (camera, notifications, ...): always no. */
export function permissionRequest(): boolean {
  return false;
}

/** Response headers with the app's Content-Security-Policy set (any CSP the response had is replaced). */
export function withCsp(
  headers: Record<string, string | string[]> | undefined,
): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') out[name] = value;
  }
  out['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return out;
}
