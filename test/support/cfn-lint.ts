// cfn-lint (pinned in tools/local-aws/requirements.txt) over a compiled template.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { venvProgram } from '../../tools/local-aws/python-venv';
import type { Template } from './package-service';

/** The lines cfn-lint reports as errors (E…) for `template`; warnings are left out. */
export async function cfnLintErrors(template: Template): Promise<string[]> {
  const cfnLint = await venvProgram('emulator', 'cfn-lint', () => undefined);
  const dir = mkdtempSync(join(tmpdir(), 'cfn-lint-'));
  try {
    const file = join(dir, 'template.json');
    writeFileSync(file, JSON.stringify(template));
    const run = spawnSync(cfnLint, ['--format', 'parseable', '--regions', 'us-east-1', '--', file], {
      encoding: 'utf8',
    });
    // Exit status is a bit mask: 2 errors, 4 warnings, 8 informational; 1 means cfn-lint failed.
    if (run.status === 1 || run.status === null) throw new Error(`cfn-lint failed to run:\n${run.stderr}`);
    return run.stdout.split('\n').filter((line) => /:E\d{4}:/.test(line));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
