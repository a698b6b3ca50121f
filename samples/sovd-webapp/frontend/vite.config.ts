import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// The UI calls relative /api and /health paths so one bundle works behind nginx or an ingress;
// in development the Vite server forwards them to the backend.
const proxyTarget = process.env.VITE_PROXY_TARGET ?? 'http://127.0.0.1:8000';
const proxy = {
  '/api': { target: proxyTarget, changeOrigin: true },
  '/health': { target: proxyTarget, changeOrigin: true },
};

const reportsDir = process.env.FRONTEND_REPORTS_DIR ?? 'reports';
const coverageDir = process.env.FRONTEND_COVERAGE_DIR ?? 'coverage';

export default defineConfig({
  plugins: [react()],
  server: { proxy },
  preview: { proxy },
  build: { outDir: 'dist', sourcemap: false },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    // A limit against hangs, not a speed check: on a loaded 2-core machine one render with jsdom took over vitest's 5 s default.
    testTimeout: 30_000,
    reporters: ['default', 'junit'],
    outputFile: { junit: `${reportsDir}/junit.xml` },
    coverage: {
      provider: 'v8',
      reporter: ['text', 'cobertura'],
      reportsDirectory: coverageDir,
      include: ['src/**/*.{ts,tsx}'],
      exclude: ['src/main.tsx', 'src/**/*.test.{ts,tsx}', 'src/test/**', 'src/**/*.d.ts'],
      thresholds: { lines: 80, branches: 80, functions: 80, statements: 80 },
    },
  },
});
