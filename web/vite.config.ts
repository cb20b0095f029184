import { defineConfig, loadEnv } from 'vite';
import react from '@vitejs/plugin-react';

// Root is web/ (`vite build web`); the app imports the core and the server's wire types from ../src.
// In development (`vite web`) API calls are proxied to a running `credence start` (CREDENCE_API overrides).
export default defineConfig(({ mode }) => {
  const api = loadEnv(mode, '.', 'CREDENCE_')['CREDENCE_API'] ?? 'http://127.0.0.1:3000';
  return {
    plugins: [react()],
    build: { outDir: 'dist', emptyOutDir: true },
    server: { proxy: { '/v1': api, '/openapi.json': api, '/.well-known': api } },
  };
});
