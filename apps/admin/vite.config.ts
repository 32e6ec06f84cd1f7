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
  build: { target: 'es2022', sourcemap: true },
});
