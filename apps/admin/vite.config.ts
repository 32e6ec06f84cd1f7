import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

// The API serves the built admin site at /admin/; in development Vite proxies /api to it.
export default defineConfig({
  base: '/admin/',
  plugins: [
    react(),
    // Brotli and gzip copies beside each file, sent by the API as the browser accepts
    // (apps/api/src/plugins/spa.ts). Fonts are compressed already; source maps stay plain.
    compression({ algorithms: ['brotliCompress', 'gzip'], include: /\.(html|js|css|svg|json)$/ }),
  ],
  server: {
    port: 5174,
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  build: {
    target: 'es2022',
    sourcemap: true,
    // Staff load the site once a day on a desk or counter tablet; the calendar and the forms
    // are split into their own chunks (src/app/router.tsx).
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // NOTE: zod decides whether it may compile parsers with `new Function` (which the CSP
          // refuses, with a console error) when each object schema is built, and shared chunks
          // build schemas as they load, before the entry's own code runs. src/lib/zod-jitless.ts
          // therefore travels in the chunk of zod's config, so it runs before any schema exists.
          groups: [
            {
              name: 'zod-config',
              test: /zod[\\/]v4[\\/]core[\\/]core\.js$|src[\\/]lib[\\/]zod-jitless\.ts$/,
            },
          ],
        },
      },
      treeshake: {
        // The shared package only declares schemas, constants and helpers; telling the bundler
        // so lets a screen take the helper it needs without every schema with it.
        moduleSideEffects: [{ test: /packages[\\/]shared[\\/]src[\\/]/, sideEffects: false }],
      },
    },
  },
});
