// Serverless' event compilers add each function's stream and queue permissions to the shared
// role, whoever uses it. Functions with their own role have taken theirs along; this removes
// them from the shared role, so the functions left on it are not granted another's resources.
import type { CfnResource, CfnValue } from '../cloudformation';
import type { Statement } from '../iam';
import { dynamodbStreamActions, kinesisStreamActions, sqsConsumerActions } from './event-permissions';

const eventActionSets = [dynamodbStreamActions, kinesisStreamActions, sqsConsumerActions].map((actions) =>
  [...actions].sort().join(','),
);
const isEventStatement = (statement: Statement) => eventActionSets.includes([...statement.Action].sort().join(','));
const key = (value: CfnValue) => JSON.stringify(value);

/**
 * Drops from `sharedRole` the event-source resources that only functions with their own role
 * use. `keptFor` are the event statements of the functions that stay on the shared role;
 * `userStatements` (provider.iam.role.statements) are never touched.
 */
export function scrubSharedRole(
  sharedRole: CfnResource | undefined,
  movedOut: readonly Statement[],
  keptFor: readonly Statement[],
  userStatements: readonly Statement[],
): void {
  const policies = sharedRole?.Properties?.Policies as { PolicyDocument: { Statement: Statement[] } }[] | undefined;
  const document = policies?.[0]?.PolicyDocument;
  if (!document) return;
  const stillNeeded = new Set(keptFor.filter(isEventStatement).flatMap((statement) => statement.Resource.map(key)));
  const moved = new Set(movedOut.filter(isEventStatement).flatMap((statement) => statement.Resource.map(key)));
  const written = new Set(userStatements.map((statement) => JSON.stringify(statement)));
  document.Statement = document.Statement.flatMap((statement) => {
    if (!isEventStatement(statement) || written.has(JSON.stringify(statement))) return [statement];
    const resources = statement.Resource.filter(
      (resource) => !moved.has(key(resource)) || stillNeeded.has(key(resource)),
    );
    return resources.length > 0 ? [{ ...statement, Resource: resources }] : [];
  });
}
