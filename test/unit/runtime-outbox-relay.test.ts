// The relay's pure parts: how a batch is cut into PutEvents calls, and its settings refused with
// what is expected.
import { OutboxRelayConfigError } from '../../runtime/outbox/outbox-errors';
import { outboxRelay, relayChunks, relaySettingsFromEnvironment } from '../../runtime/outbox/relay';

const delivery = (pk: string, size = 100) => ({ item: { pk }, size });
const shape = (chunks: ReturnType<typeof delivery>[][]) => chunks.map((chunk) => chunk.map((d) => d.item.pk).join(''));

describe('relayChunks()', () => {
  it('keeps stream order, and starts a new call rather than put one aggregate twice in a call', () => {
    expect(shape(relayChunks(['a', 'b', 'a', 'c', 'b', 'c'].map((pk) => delivery(pk))))).toEqual(['ab', 'acb', 'c']);
  });

  it('puts at most 10 entries and 256 KB in a call', () => {
    const many = Array.from({ length: 23 }, (_, index) => delivery(`k${index}`));
    expect(relayChunks(many).map((chunk) => chunk.length)).toEqual([10, 10, 3]);
    const big = ['a', 'b', 'c'].map((pk) => delivery(pk, 100 * 1024));
    expect(shape(relayChunks(big))).toEqual(['ab', 'c']);
  });
});

describe("the relay's settings", () => {
  it('refuses settings it cannot use, saying what is expected', () => {
    expect(() => relaySettingsFromEnvironment({})).toThrow(
      new OutboxRelayConfigError("STATEFUL_OUTBOX_RELAY is not set: it holds the relay's settings"),
    );
    expect(() => relaySettingsFromEnvironment({ STATEFUL_OUTBOX_RELAY: '{' })).toThrow(/is not JSON/);
    expect(() => relaySettingsFromEnvironment({ STATEFUL_OUTBOX_RELAY: '{"bus":"b","retentionSeconds":1.5}' })).toThrow(
      'STATEFUL_OUTBOX_RELAY: table must name the outbox table; retentionSeconds must be a positive whole number. Expected {"bus": "…", "table": "…", "retentionSeconds": 86400}',
    );
    expect(() => outboxRelay({ bus: '', table: 't', retentionSeconds: 60 })).toThrow(
      'outboxRelay(): bus must name the event bus',
    );
    expect(
      relaySettingsFromEnvironment({ STATEFUL_OUTBOX_RELAY: '{"bus":"b","table":"t","retentionSeconds":60}' }),
    ).toEqual({ bus: 'b', table: 't', retentionSeconds: 60 });
  });
});
