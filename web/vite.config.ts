/// <reference types="vitest/config" />
import { defineConfig } from 'vite';

// One HTML page per audience, each its own entry: the portal ships none of the agent workspace's code.
// The build lands in target/classes/static, so the module's jar carries it and the gateway serves it.
export default defineConfig({
  base: '/',
  build: {
    outDir: 'target/classes/static',
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: false,
    // no inline <script> or data: modules: the pages run under a Content-Security-Policy without 'unsafe-inline'
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: {
        signin: 'index.html',
        app: 'app/index.html',
        portal: 'portal/index.html',
        admin: 'admin/index.html',
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:8080', '/v3': 'http://localhost:8080' },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
    testTimeout: 20_000,
  },
});
