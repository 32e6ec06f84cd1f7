import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API serves the built admin site at /admin/; in development Vite proxies /api to it.
export default defineConfig({
  base: '/admin/',
  plugins: [react()],
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
      treeshake: {
        // The shared package only declares schemas, constants and helpers; telling the bundler
        // so lets a screen take the helper it needs without every schema with it.
        moduleSideEffects: [{ test: /packages[\\/]shared[\\/]src[\\/]/, sideEffects: false }],
      },
    },
  },
});
