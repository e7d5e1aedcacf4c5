// A bus of its own on the emulator, with the testing kit's capture on it, so a test of the
// runtime can see what EventBridge really delivered.
import { CreateEventBusCommand, DeleteEventBusCommand } from '@aws-sdk/client-eventbridge';
import { awsClients, captureEvents } from '../../testing';

export interface BusWithQueue {
  /**
   * The `detail.n` of every event delivered since the last call, sorted, once `expected` have
   * come (or `timeoutMs` passed), and after one more poll, so a delivery beyond those expected
   * shows too.
   */
  delivered(expected: number, timeoutMs?: number): Promise<number[]>;
  remove(): Promise<void>;
}

/** The capture reads its queue in long polls of a second: this long covers one more. */
const onePollMs = 1500;

/** Creates bus `name`, and a capture of the events on it matching `pattern`. */
export async function createBusWithQueue(name: string, pattern: Record<string, unknown>): Promise<BusWithQueue> {
  const { eventBridge } = awsClients();
  await eventBridge.send(new CreateEventBusCommand({ Name: name }));
  const capture = await captureEvents(name, { pattern });
  let taken = 0;
  const since = (start: number) => capture.received().slice(start);
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  return {
    async delivered(expected, timeoutMs = 20_000) {
      const start = taken;
      const deadline = Date.now() + timeoutMs;
      while (since(start).length < expected && Date.now() < deadline) await sleep(100);
      await sleep(onePollMs);
      const events = since(start);
      taken = start + events.length;
      return events.map((event) => (event.detail as { n: number }).n).sort((a, b) => a - b);
    },
    async remove() {
      await capture.close();
      await eventBridge.send(new DeleteEventBusCommand({ Name: name }));
    },
  };
}
