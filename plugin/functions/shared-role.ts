// Serverless' event compilers add each function's stream, queue, broker, Kafka and scheduler
// permissions to the shared role, whoever uses it. Functions with their own role have taken
// theirs along; this removes them from the shared role, so the functions left on it are not
// granted another's resources.
import type { CfnResource, CfnValue } from '../cloudformation';
import type { Statement } from '../iam';
import {
  brokerActions,
  dynamodbStreamActions,
  failureQueueActions,
  failureTopicActions,
  invokeActions,
  kinesisStreamActions,
  mskClusterActions,
  oslsFailureQueueActions,
  secretReadActions,
  sqsConsumerActions,
  vpcNetworkingActions,
} from './event-permissions';

const eventActionSets = [
  dynamodbStreamActions,
  kinesisStreamActions,
  sqsConsumerActions,
  secretReadActions,
  brokerActions,
  mskClusterActions,
  vpcNetworkingActions,
  invokeActions,
  failureQueueActions,
  oslsFailureQueueActions,
  failureTopicActions,
].map((actions) => [...actions].sort().join(','));
const isEventStatement = (statement: Statement) => eventActionSets.includes([statement.Action].flat().sort().join(','));
const key = (value: CfnValue) => JSON.stringify(value);
/** osls writes some statements' Resource as a single value ("*"), not a list. */
const resourcesOf = (statement: Statement): CfnValue[] => [statement.Resource].flat();

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
  const stillNeeded = new Set(keptFor.filter(isEventStatement).flatMap((statement) => resourcesOf(statement).map(key)));
  const moved = new Set(movedOut.filter(isEventStatement).flatMap((statement) => resourcesOf(statement).map(key)));
  const written = new Set(userStatements.map((statement) => JSON.stringify(statement)));
  document.Statement = document.Statement.flatMap((statement) => {
    if (!isEventStatement(statement) || written.has(JSON.stringify(statement))) return [statement];
    const resources = resourcesOf(statement).filter(
      (resource) => !moved.has(key(resource)) || stillNeeded.has(key(resource)),
    );
    return resources.length > 0 ? [{ ...statement, Resource: resources }] : [];
  });
}
