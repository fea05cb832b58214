import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The studio's build: hashed files under /assets (the engine serves them immutable) and a manifest
 * the bundle-budget spec reads. In dev mode vite serves the app with hot reload and passes /api to
 * the engine (ENGINE_URL, default http://localhost:3000), so the session cookie stays same-origin.
 */
export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    manifest: true,
    // The budget is checked on gzipped sizes by tests/e2e/bundle-budget.spec.ts, not by vite's warning.
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      // These antd dependencies do nothing when imported (they only export), but do not say so in
      // their package.json: declared here, the first load keeps only what it uses of them (antd's
      // ConfigProvider imports rc-form's FormProvider, which pulled in the whole form library).
      treeshake: { moduleSideEffects: (id: string) => !/node_modules\/@rc-component\/(form|async-validator)\//.test(id) },
    },
  },
  server: {
    port: Number(process.env.STUDIO_PORT ?? 5173),
    proxy: { '/api': { target: process.env.ENGINE_URL ?? 'http://localhost:3000', changeOrigin: false } },
  },
});
