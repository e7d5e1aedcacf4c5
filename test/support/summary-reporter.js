'use strict';
// Writes the run's counts to test-results.json, so CI can print them whichever way Jest was
// started (`npm test` takes no extra flags there).
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');

class SummaryReporter {
  constructor(globalConfig) {
    this.file = join(globalConfig.rootDir, 'test-results.json');
  }

  onRunComplete(_contexts, results) {
    const summary = {
      passed: results.numPassedTests,
      failed: results.numFailedTests,
      pending: results.numPendingTests,
      total: results.numTotalTests,
      suitesFailedToRun: results.numRuntimeErrorTestSuites,
    };
    writeFileSync(this.file, JSON.stringify(summary, null, 2) + '\n');
  }
}

module.exports = SummaryReporter;
