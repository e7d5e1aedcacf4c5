// Words for a test failure caused by a local service that is missing or stopped.
import { join, relative } from 'node:path';
import { localAwsCommand, localAwsDir } from './local-aws/project-dir';

export interface DownService {
  readonly label: string;
  readonly endpoint: string | undefined;
}

/** One line per service: missing before the file ran, or stopped while a test ran. */
export function describeDown(down: readonly DownService[], when: 'before' | 'during'): string {
  const cli = localAwsCommand();
  const logsDir = join(localAwsDir(), 'logs');
  const nearby = relative(process.cwd(), logsDir);
  const logs = nearby.startsWith('..') ? logsDir : nearby;
  const restart = `See its log in ${logs}/, or start it with \`${cli} up\`.`;
  return down
    .map(({ label, endpoint }) => {
      if (!endpoint) {
        return `${label} was not started; name serverless-stateful/testing/jest-global-setup as Jest's globalSetup, which starts or reuses it.`;
      }
      return when === 'before'
        ? `${label} at ${endpoint} is not answering, and this test file needs it. ${restart}`
        : `${label} at ${endpoint} stopped answering during this test. ${restart}`;
    })
    .join('\n');
}

/** Puts `note` in front of an error's message, in the stack too, which is what Jest prints. */
export function annotateFailure(error: unknown, note: string): void {
  // Errors thrown in a test come from the test's VM context, so `instanceof Error` would miss them.
  if (typeof error !== 'object' || error === null) return;
  const failure = error as { message?: unknown; stack?: unknown };
  if (typeof failure.message !== 'string') return;
  const message = `${note}\n${failure.message}`;
  if (typeof failure.stack === 'string') failure.stack = failure.stack.replace(failure.message, message);
  failure.message = message;
}
