import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { loadWebEnv } from './env.ts';

// The browser talks only to this origin; /api (better-auth) and /trpc are proxied to the api so the
// session cookie is first-party and SameSite=Lax holds.
const env = loadWebEnv();
const target = env.API_URL;
const proxy = { '/api': { target, xfwd: true }, '/trpc': { target, xfwd: true } };
const server = { port: env.WEB_PORT, strictPort: true, host: env.WEB_HOST, proxy };

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
