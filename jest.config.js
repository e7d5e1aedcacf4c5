// Three projects: unit tests need nothing; integration and e2e tests run against the local AWS
// (Redis, DynamoDB Local, MiniStack), which their global setup brings up once per run.
const shared = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  // Sources import with `.js` extensions (they compile to ES modules too); Jest reads the .ts.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
};

// The kit users get as serverless-stateful/testing/jest-*, from its source.
const withLocalAws = {
  ...shared,
  testEnvironment: '<rootDir>/testing/jest-environment.ts',
  globalSetup: '<rootDir>/testing/jest-global-setup.ts',
  globalTeardown: '<rootDir>/testing/jest-global-teardown.ts',
};

/** @type {import('jest').Config} */
module.exports = {
  // test.concurrent tests start CPU-bound processes (the framework): more of them at once than
  // there are cores only makes each slower, and a test's timeout runs while it waits its turn.
  maxConcurrency: require('node:os').availableParallelism(),
  // Two test files at a time even on two cores (Jest's default there is one): the e2e and
  // integration files spend most of their time waiting on the emulator and on processes they
  // started, so two overlap well (npm test: 648 s in one worker, 403 s in two, on this machine).
  maxWorkers: 2,
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    {
      ...withLocalAws,
      displayName: 'integration',
      setupFilesAfterEnv: ['<rootDir>/test/support/timeout-integration.ts'],
      testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
    },
    {
      ...withLocalAws,
      displayName: 'e2e',
      setupFilesAfterEnv: ['<rootDir>/test/support/timeout-e2e.ts'],
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
    },
  ],
};
