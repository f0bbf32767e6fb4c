import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { loadWebEnv } from './env.ts';

// The browser talks only to this origin; /api (better-auth) and /trpc are proxied to the api so the
// session cookie is first-party and SameSite=Lax holds.
const env = loadWebEnv();
const target = env.API_URL;
const proxy = { '/api': { target, xfwd: true }, '/trpc': { target, xfwd: true } };
const server = { port: env.WEB_PORT, strictPort: true, host: env.WEB_HOST, proxy };

// The built SPA loads only its own scripts; Mantine sets inline styles, hence 'unsafe-inline' for styles only.
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');
const headers = (csp: string) => ({
  'content-security-policy': csp,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
});
// The dev server injects an inline React refresh preamble and talks to its HMR websocket: it keeps the
// framing, plug-in and base rules only.
const DEV_CSP = "object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

export default defineConfig({
  plugins: [react()],
  server: { ...server, headers: headers(DEV_CSP) },
  preview: { ...server, headers: headers(CSP) },
  build: {
    rolldownOptions: {
      treeshake: {
        // @uplift/domain is pure by rule (STYLE.md) but does not say so in its package.json; without this
        // its statistics engine (and @stdlib) would ship to the browser, which only needs ROI and enums.
        moduleSideEffects: [{ test: /packages\/domain\/src|node_modules\/@stdlib\//, sideEffects: false }],
      },
    },
  },
});
