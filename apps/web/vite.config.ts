import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { compression } from 'vite-plugin-compression2';

/**
 * Every page shows Latin text (digits at least) in Noto Sans: its regular face is preloaded, so
 * the phone fetches it alongside the scripts instead of after the stylesheet and the first
 * render. The Kannada font is started from main.tsx, only when the page is in Kannada.
 */
function preloadLatinFont(): Plugin {
  return {
    name: 'sevabook:preload-latin-font',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle }) {
        const font = Object.keys(bundle ?? {}).find((name) =>
          /noto-sans-latin-400-normal-[\w-]+\.woff2$/.test(name),
        );
        if (!font) throw new Error('the Latin font was not in the build');
        return [
          {
            tag: 'link',
            attrs: {
              rel: 'preload',
              as: 'font',
              type: 'font/woff2',
              href: `/${font}`,
              crossorigin: '',
            },
            injectTo: 'head',
          },
        ];
      },
    },
  };
}

/**
 * On a slow line the page's header and outline (drawn by index.html before any script runs) need
 * the stylesheet and the Latin font, about 30 KB; the scripts are 145 KB. Fetched at the same
 * priority they share the line, and the first paint waits for the scripts' share too. The
 * scripts are asked for at low priority, so the browser sends the stylesheet and font first.
 */
function scriptsAfterStylesheet(): Plugin {
  return {
    name: 'sevabook:scripts-after-stylesheet',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) =>
        html.replace(
          /<(script type="module"|link rel="modulepreload")/g,
          '<$1 fetchpriority="low"',
        ),
    },
  };
}

// The API serves the built site at `/` and answers under `/api`; in development Vite does the
// same by proxying `/api` to a locally running API.
export default defineConfig({
  base: '/',
  plugins: [
    react(),
    preloadLatinFont(),
    scriptsAfterStylesheet(),
    // Brotli and gzip copies beside each file, sent by the API as the browser accepts
    // (apps/api/src/plugins/spa.ts). Fonts are compressed already; source maps are not for phones.
    compression({ algorithms: ['brotliCompress', 'gzip'], include: /\.(html|js|css|svg|json)$/ }),
  ],
  server: {
    port: 5173,
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
  build: {
    target: 'es2022',
    sourcemap: true,
    // Budget: initial JavaScript ≤ 150 KB gzip. Routes are split; see src/app/router.tsx.
    chunkSizeWarningLimit: 450,
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
        // The shared package only declares schemas, constants and helpers. Telling the bundler
        // so lets a page take the one constant it needs without every schema and zod with it.
        moduleSideEffects: [{ test: /packages[\\/]shared[\\/]src[\\/]/, sideEffects: false }],
      },
    },
  },
});
