import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // forks, not threads: NODE_EXTRA_CA_CERTS (the test world's CA) is read only at process start.
    pool: 'forks',
    reporters: ['default', './test/support/summary-reporter.ts']
  }
})
