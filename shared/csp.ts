// The Content Security Policy of the renderer, the same in the desktop app and in browser mode:
// nothing but the app's own scripts, styles and API, no inline script, no eval, no frames.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
