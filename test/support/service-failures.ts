// Words for a test failure caused by a local service that is missing or stopped.

export interface DownService {
  readonly label: string;
  readonly endpoint: string | undefined;
}

const restart = 'See its log in .local-aws/logs/, or start it with `npm run local -- up`.';

/** One line per service: missing before the file ran, or stopped while a test ran. */
export function describeDown(down: readonly DownService[], when: 'before' | 'during'): string {
  return down
    .map(({ label, endpoint }) => {
      if (!endpoint) return `${label} was not started; run the tests with \`npm test\`, whose global setup starts it.`;
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
