import { defineConfig, devices, type LaunchOptions } from '@playwright/test';

const env = process.env;

// Where Playwright cannot download its own browser (this CI machine), point it at a system
// Chromium; on GitHub runners leave it unset after `npx playwright install --with-deps chromium`.
const chromiumExecutable = env.PLAYWRIGHT_CHROMIUM_EXECUTABLE?.trim();
const launchOptions: LaunchOptions = chromiumExecutable
  ? {
      executablePath: chromiumExecutable,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    }
  : {};

export default defineConfig({
  testDir: './tests',
  timeout: 15_000,
  expect: { timeout: 5_000 },
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(env.CI),
  // No retries on a developer's machine; one on CI, where a flake is reported as such by the junit file.
  retries: env.CI ? 1 : 0,
  outputDir: env.E2E_OUTPUT_DIR || 'test-results',
  reporter: [['list'], ['junit', { outputFile: env.E2E_JUNIT_FILE || 'reports/junit.xml' }]],
  use: {
    baseURL: env.E2E_BASE_URL || 'http://127.0.0.1:8080',
    headless: true,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: { ...devices['Desktop Chrome'], launchOptions },
    },
  ],
});
