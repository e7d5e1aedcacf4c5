'use strict';
// Sums the counts of the `npm test` runs CI made (each one's test-results.json, kept under the
// names given as arguments) into the last line CI prints: `tests: N passed, N failed`. A run
// that wrote no results, or ran no test, is said so and makes the tally fail.
const { readFileSync } = require('node:fs');

let passed = 0;
let failed = 0;
let ranEverything = true;
for (const file of process.argv.slice(2)) {
  let run;
  try {
    run = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    console.log(`ci: ${file}: Jest wrote no results`);
    ranEverything = false;
    continue;
  }
  // A suite that failed to run (a service missing, say) ran no tests; count it as a failure.
  const runFailed = run.failed + (run.suitesFailedToRun || 0);
  console.log(`ci: ${file}: ${run.passed} passed, ${runFailed} failed of ${run.total}`);
  if (run.total === 0) {
    console.log(`ci: ${file}: no test ran`);
    ranEverything = false;
  }
  passed += run.passed;
  failed += runFailed;
}
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exitCode = ranEverything ? 0 : 1;
