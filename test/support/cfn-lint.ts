// cfn-lint (pinned in testing/local-aws/requirements.txt) over compiled templates.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { venvProgram } from '../../testing/local-aws/python-venv';
import type { Template } from './package-service';

interface Finding {
  Rule: { Id: string };
  Location: { Path: (string | number)[] };
  Message: string;
}

/**
 * What cfn-lint finds in `template` that a template we ship may not have: errors (E…), and W2531,
 * a Lambda runtime AWS has deprecated. One line per finding: rule, path, message.
 */
export async function cfnLintErrors(template: Template): Promise<string[]> {
  const cfnLint = await venvProgram('emulator', 'cfn-lint', () => undefined);
  const dir = mkdtempSync(join(tmpdir(), 'cfn-lint-'));
  try {
    const file = join(dir, 'template.json');
    writeFileSync(file, JSON.stringify(template));
    const run = spawnSync(cfnLint, ['--format', 'json', '--regions', 'us-east-1', '--', file], { encoding: 'utf8' });
    // Exit status is a bit mask: 2 errors, 4 warnings, 8 informational; 1 means cfn-lint failed.
    if (run.status === 1 || run.status === null) throw new Error(`cfn-lint failed to run:\n${run.stderr}`);
    return (JSON.parse(run.stdout) as Finding[])
      .filter(({ Rule }) => Rule.Id.startsWith('E') || Rule.Id === 'W2531')
      .map(({ Rule, Location, Message }) => `${Rule.Id} ${Location.Path.join('/')}: ${Message}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
