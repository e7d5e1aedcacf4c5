// Seeing what EventBridge really delivered: a queue the kit attaches to a bus with a rule, read in
// the background until the capture is closed, so a test can wait for the events it expects.
import { randomUUID } from 'node:crypto';
import { awsClients, eventBridgeSdk, sqsSdk } from './clients';
import { eventually, type WaitOptions } from './wait';

export interface BusEvent<Detail = Record<string, unknown>> {
  readonly id: string;
  readonly source: string;
  readonly 'detail-type': string;
  readonly detail: Detail;
  readonly time: string;
}

export interface EventCapture {
  /** The first delivered event (since the capture began) for which `match` holds. */
  waitFor<Detail = Record<string, unknown>>(
    match: (event: BusEvent<Detail>) => boolean,
    options?: WaitOptions,
  ): Promise<BusEvent<Detail>>;
  /** Every event delivered so far. */
  received(): readonly BusEvent[];
  /** Removes the rule, its target and the queue. */
  close(): Promise<void>;
}

/** Every event has a source: a prefix of "" matches them all. */
const everyEvent = { source: [{ prefix: '' }] };

/**
 * Attaches a queue to `busName` through a rule matching `pattern` (every event by default).
 * Events put on the bus before this resolves are not seen. The rule and the queue get names of
 * their own, so captures on one bus (by several test files at once) do not share events.
 */
export async function captureEvents(
  busName: string,
  options: { pattern?: Record<string, unknown> } = {},
): Promise<EventCapture> {
  const { eventBridge, sqs } = awsClients();
  const {
    CreateQueueCommand,
    DeleteMessageBatchCommand,
    DeleteQueueCommand,
    GetQueueAttributesCommand,
    ReceiveMessageCommand,
  } = sqsSdk();
  const { DeleteRuleCommand, PutRuleCommand, PutTargetsCommand, RemoveTargetsCommand } = eventBridgeSdk();
  const name = `stateful-capture-${randomUUID().slice(0, 8)}`;
  const { RuleArn } = await eventBridge.send(
    new PutRuleCommand({
      Name: name,
      EventBusName: busName,
      EventPattern: JSON.stringify(options.pattern ?? everyEvent),
    }),
  );
  // On AWS the bus may deliver only to a queue whose policy lets this rule send to it.
  const policy = {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Service: 'events.amazonaws.com' },
        Action: 'sqs:SendMessage',
        Resource: '*',
        Condition: { ArnEquals: { 'aws:SourceArn': RuleArn } },
      },
    ],
  };
  const { QueueUrl: queueUrl = '' } = await sqs.send(
    new CreateQueueCommand({ QueueName: name, Attributes: { Policy: JSON.stringify(policy) } }),
  );
  const { Attributes } = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }),
  );
  await eventBridge.send(
    new PutTargetsCommand({
      Rule: name,
      EventBusName: busName,
      Targets: [{ Id: 'capture', Arn: Attributes?.QueueArn }],
    }),
  );

  const events: BusEvent[] = [];
  // close() aborts the long poll under way rather than waiting it out.
  const closing = new AbortController();
  const closed = () => closing.signal.aborted;
  const reading: { failure?: unknown } = {};
  const poll = async () => {
    while (!closed()) {
      try {
        const { Messages = [] } = await sqs.send(
          new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }),
          { abortSignal: closing.signal },
        );
        for (const message of Messages) events.push(JSON.parse(message.Body ?? '{}') as BusEvent);
        if (Messages.length > 0) {
          // Read once: a message left in the queue would come back after its visibility timeout.
          await sqs.send(
            new DeleteMessageBatchCommand({
              QueueUrl: queueUrl,
              Entries: Messages.map(({ ReceiptHandle }, index) => ({ Id: String(index), ReceiptHandle })),
            }),
          );
        }
      } catch (error) {
        if (!closed()) reading.failure = error;
        return;
      }
    }
  };
  const polling = poll();

  return {
    waitFor<Detail>(match: (event: BusEvent<Detail>) => boolean, waitOptions?: WaitOptions) {
      return eventually<BusEvent<Detail>>(
        `an event on bus ${busName} that matches ${match.toString()}`,
        () =>
          reading.failure === undefined
            ? Promise.resolve((events as unknown as BusEvent<Detail>[]).find(match))
            : Promise.reject(
                new Error(`reading the capture queue of bus ${busName} failed`, { cause: reading.failure }),
              ),
        { intervalMs: 100, ...waitOptions },
      );
    },
    received: () => [...events],
    async close() {
      closing.abort();
      await polling;
      await eventBridge.send(new RemoveTargetsCommand({ Rule: name, EventBusName: busName, Ids: ['capture'] }));
      await eventBridge.send(new DeleteRuleCommand({ Name: name, EventBusName: busName }));
      await sqs.send(new DeleteQueueCommand({ QueueUrl: queueUrl }));
    },
  };
}
