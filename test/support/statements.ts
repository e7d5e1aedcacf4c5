// IAM statements read for their meaning: a single Action or Resource written without its list
// (as the plugin writes it, to keep templates small) is the same grant as a one-item list.
import type { Statement } from '../../plugin/iam';

/** `statements` with each Action and Resource as a list. */
export function listedStatements(statements: readonly object[]): Statement[] {
  return statements.map((statement) => {
    const listed = Object.entries(statement as Record<string, unknown>).map(([key, value]) =>
      ['Action', 'Resource'].includes(key) && !Array.isArray(value) ? [key, [value]] : [key, value],
    );
    return Object.fromEntries(listed) as unknown as Statement;
  });
}
