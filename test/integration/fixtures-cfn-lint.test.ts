/**
 * @services
 */
// The services the e2e tests deploy and the demo runs, as `serverless package` compiles them for
// the stage they are deployed on: cfn-lint finds no error in them, and no Lambda runtime AWS has
// deprecated (W2531).
import { cfnLintErrors } from '../support/cfn-lint';
import { packageFixture } from '../support/package-service';

it.each([
  'smoke',
  'events-workflows',
  'tables-service',
  'self-start',
  'caches-service',
  'invalidation-service',
  'outbox-service',
  'table-adoption/old',
  'table-adoption/ported',
  'workflow-adoption',
  'durable-service',
])('test/fixtures/%s packages to a template cfn-lint passes', async (fixture) => {
  await expect(cfnLintErrors(await packageFixture(fixture))).resolves.toEqual([]);
});
