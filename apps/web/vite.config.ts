import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API serves the built site at `/` and answers under `/api`; in development Vite does the
// same by proxying `/api` to a locally running API.
export default defineConfig({
  base: '/',
  plugins: [react()],
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
      treeshake: {
        // The shared package only declares schemas, constants and helpers. Telling the bundler
        // so lets a page take the one constant it needs without every schema and zod with it.
        moduleSideEffects: [{ test: /packages[\\/]shared[\\/]src[\\/]/, sideEffects: false }],
      },
    },
  },
});
