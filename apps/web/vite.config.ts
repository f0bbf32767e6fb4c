import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The browser talks only to this origin; /api (better-auth) and /trpc are proxied to the api so the
// session cookie is first-party and SameSite=Lax holds.
const port = Number(process.env.WEB_PORT ?? 5173);
const target = process.env.API_URL ?? 'http://localhost:3000';
const proxy = { '/api': { target, xfwd: true }, '/trpc': { target, xfwd: true } };
const server = { port, strictPort: true, host: process.env.WEB_HOST ?? '127.0.0.1', proxy };

export default defineConfig({
  plugins: [react()],
  server,
  preview: server,
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
