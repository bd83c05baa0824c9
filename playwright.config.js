// End-to-end suite: Debian's Chromium (never a downloaded browser) against dist/ served
// by tools/serve.mjs on loopback. scripts/test builds dist/ first.
import { defineConfig } from "@playwright/test";
import { CHROMIUM_LAUNCH } from "./tools/chromium.mjs";

const PORT = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "tests/e2e/.artifacts",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  reporter: [["list"], ["json", { outputFile: "target/e2e-results.json" }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    acceptDownloads: true,
    launchOptions: CHROMIUM_LAUNCH,
  },
  webServer: {
    command: `node tools/serve.mjs --port ${PORT} --root dist`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    stdout: "ignore",
  },
});
