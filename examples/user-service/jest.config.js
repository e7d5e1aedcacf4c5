// The kit's Jest environment reads each test file's `@services` docblock and checks those
// services answer; its global setup starts the local AWS once (or reuses what already runs).
/** @type {import('jest').Config} */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'serverless-stateful/testing/jest-environment',
  globalSetup: 'serverless-stateful/testing/jest-global-setup',
  globalTeardown: 'serverless-stateful/testing/jest-global-teardown',
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  // A deploy spends most of its time waiting on the emulator: the fast path's tests run beside
  // it, not after it (on two cores Jest would otherwise run the files one by one).
  maxWorkers: 2,
  // A deploy to the emulator takes tens of seconds, more on a busy machine.
  testTimeout: 300_000,
};
