/** What a packaged build leaves out: no dev server URL, no DevTools or force-reload in the menu. */

/** The dev server's URL to load, only in a development build (never when packaged). */
export function devRendererUrl(env: NodeJS.ProcessEnv, packaged: boolean): string | undefined {
  return packaged ? undefined : env.ELECTRON_RENDERER_URL || undefined;
}

/** The View menu's developer roles: none when packaged. */
export function developerRoles(packaged: boolean): ('forceReload' | 'toggleDevTools')[] {
  return packaged ? [] : ['forceReload', 'toggleDevTools'];
}
