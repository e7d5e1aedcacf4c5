'use strict';
// A reporter the outside sample's Jest run is given from outside: when each test ended and how,
// written to the file named by TEST_CASE_TIMES, so the caller can tell how long `npm test` took
// to a first passing test. Jest calls onTestCaseResult as each test ends, not when its file does.
const { writeFileSync } = require('node:fs');
const { relative } = require('node:path');

class TestCaseTimes {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
    this.file = process.env.TEST_CASE_TIMES;
    this.cases = [];
  }

  onTestCaseResult(test, testCaseResult) {
    this.cases.push({
      file: relative(this.rootDir, test.path),
      title: testCaseResult.fullName,
      status: testCaseResult.status,
      endedAt: Date.now(),
    });
  }

  onRunComplete() {
    if (this.file) writeFileSync(this.file, JSON.stringify(this.cases, null, 2) + '\n');
  }
}

module.exports = TestCaseTimes;
