import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The test world's PKI is made once per run; workers inherit NODE_EXTRA_CA_CERTS from it.
    globalSetup: ['./test/world/global-setup.ts'],
    // forks, not threads: NODE_EXTRA_CA_CERTS (the test world's CA) is read only at process start.
    pool: 'forks',
    // Nothing a test process does may leave loopback.
    execArgv: ['--import', './test/world/guard.mjs'],
    reporters: ['default', './test/support/summary-reporter.ts']
  }
})
