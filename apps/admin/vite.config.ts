import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** `npm run dev`: hot reload here, API calls proxied to the running API (npm start). */
const apiTarget = process.env.SSCARD_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { '/api': { target: apiTarget, changeOrigin: true } },
  },
  build: {
    outDir: 'dist',
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
  },
});
