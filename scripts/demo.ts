// `npm run demo`: deploys the example service to the local emulator with `serverless deploy
// --stage local` and drives it end to end, saying what happens at each step.
// Until the reference shop lands, the example is the smoke fixture (test/fixtures/smoke).
// `npm run demo -- --keep` leaves the deployment and the services running for you to explore.
import { randomUUID } from 'node:crypto';
import { startLocalAws } from '../tools/local-aws';
import {
  deploySmoke,
  publishSmokeEvent,
  removeSmoke,
  runSmokeWorkflow,
  smokeServiceDir,
  waitForItem,
} from '../test/fixtures/smoke/smoke-service';

const keep = process.argv.includes('--keep');
const step = (text: string) => console.log(`\n▶ ${text}`);

async function main(): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  step('Local AWS');
  const localAws = await startLocalAws({ services: ['emulator'], keep });
  try {
    step(`serverless deploy --stage local (${smokeServiceDir})`);
    const started = Date.now();
    const stack = await deploySmoke((chunk) => process.stdout.write(chunk));
    console.log(
      `  deployed in ${((Date.now() - started) / 1000).toFixed(1)} s: table ${stack.tableName}, bus ${stack.busName}`,
    );

    step('EventBridge → Lambda → DynamoDB: put a SmokeHappened event on the bus');
    const eventId = `event-${randomUUID().slice(0, 8)}`;
    await publishSmokeEvent(stack, eventId);
    const fromEvent = await waitForItem(stack, eventId);
    if (!fromEvent) throw new Error(`the function never wrote ${eventId}`);
    console.log(`  the rule ran the function, which wrote ${JSON.stringify(fromEvent)}`);

    step('Step Functions: Lambda task, then a dynamodb:putItem task');
    const orderId = randomUUID().slice(0, 8);
    const execution = await runSmokeWorkflow(stack, orderId);
    console.log(`  execution ${execution.status}: ${execution.output ?? execution.cause ?? ''}`);
    if (execution.status !== 'SUCCEEDED') throw new Error(`the workflow ended ${execution.status}`);
    console.log(
      `  items: ${JSON.stringify(await waitForItem(stack, orderId, 0))}, ${JSON.stringify(await waitForItem(stack, `audit-${orderId}`, 0))}`,
    );

    if (keep) {
      step('Kept: the stack and the local AWS stay up (stop with `npm run local -- down`)');
    } else {
      step('serverless remove --stage local');
      await removeSmoke();
      console.log('  removed');
    }
  } finally {
    await localAws.stop();
  }
  console.log('\nDemo finished: every step ran against the local emulator.');
}

main().catch((error: unknown) => {
  console.error(`\nDemo failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
