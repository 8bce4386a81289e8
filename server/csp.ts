/**
 * The Content-Security-Policy of the renderer's pages, one policy for both hosts: the Electron
 * host sets it on every response of its session (electron/main/windowConfig.ts) and the web host
 * on every page it serves (webhost/static.ts).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
