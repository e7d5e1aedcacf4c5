// A bus on the emulator with one rule that delivers to an SQS queue, so a test can see what
// EventBridge really delivered.
import {
  CreateEventBusCommand,
  DeleteEventBusCommand,
  DeleteRuleCommand,
  EventBridgeClient,
  PutRuleCommand,
  PutTargetsCommand,
  RemoveTargetsCommand,
} from '@aws-sdk/client-eventbridge';
import {
  CreateQueueCommand,
  DeleteQueueCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { awsClientConfig } from './endpoints';

export interface BusWithQueue {
  /**
   * The `detail.n` of every event delivered, sorted, once `expected` have come (or `timeoutMs`
   * passed), and after one more poll, so a delivery beyond those expected shows too.
   */
  delivered(expected: number, timeoutMs?: number): Promise<number[]>;
  remove(): Promise<void>;
}

/** Creates bus `name`, a queue of the same name, and a rule sending events matching `pattern` there. */
export async function createBusWithQueue(name: string, pattern: Record<string, unknown>): Promise<BusWithQueue> {
  const config = awsClientConfig('emulator');
  const events = new EventBridgeClient(config);
  const sqs = new SQSClient(config);
  await events.send(new CreateEventBusCommand({ Name: name }));
  const queueUrl = (await sqs.send(new CreateQueueCommand({ QueueName: name }))).QueueUrl ?? '';
  const { Attributes } = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }),
  );
  await events.send(new PutRuleCommand({ Name: 'all', EventBusName: name, EventPattern: JSON.stringify(pattern) }));
  await events.send(
    new PutTargetsCommand({ Rule: 'all', EventBusName: name, Targets: [{ Id: 'queue', Arn: Attributes?.QueueArn }] }),
  );

  const poll = async (seen: number[]) => {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }),
    );
    for (const message of Messages) seen.push((JSON.parse(message.Body ?? '{}') as { detail: { n: number } }).detail.n);
  };

  return {
    async delivered(expected, timeoutMs = 20_000) {
      const seen: number[] = [];
      const deadline = Date.now() + timeoutMs;
      while (seen.length < expected && Date.now() < deadline) await poll(seen);
      await poll(seen);
      return seen.sort((a, b) => a - b);
    },
    async remove() {
      await events.send(new RemoveTargetsCommand({ Rule: 'all', EventBusName: name, Ids: ['queue'] }));
      await events.send(new DeleteRuleCommand({ Name: 'all', EventBusName: name }));
      await events.send(new DeleteEventBusCommand({ Name: name }));
      await sqs.send(new DeleteQueueCommand({ QueueUrl: queueUrl }));
      events.destroy();
      sqs.destroy();
    },
  };
}
