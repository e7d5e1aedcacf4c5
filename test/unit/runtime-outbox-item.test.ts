// The outbox item's pure parts: event ids that sort by time and only increase within a process,
// an item built from an event (and refused when EventBridge could never take it), the entry the
// relay sends, and an item read back from a stream image.
import { marshall } from '@aws-sdk/util-dynamodb';
import { entrySize } from '../../runtime/events/put-events';
import { EventRefusedError, OutboxItemError } from '../../runtime/outbox/outbox-errors';
import {
  buildOutboxItem,
  eventEntry,
  eventId,
  eventIdTime,
  itemFromImage,
  type OutboxItem,
} from '../../runtime/outbox/outbox-item';

const ulid = /^[0-9ABCDEFGHJKMNPQRSTVWXYZ]{26}$/;

describe('eventId()', () => {
  it('is a ULID carrying the millisecond it was made in', () => {
    const at = Date.UTC(2090, 10, 30, 4, 0, 0, 123);
    const id = eventId(at);
    expect(id).toMatch(ulid);
    expect(eventIdTime(id)).toBe(at);
  });

  it('only increases within a process: many in one millisecond, and when the clock steps back', () => {
    const at = Date.UTC(2095, 0, 1);
    const ids = [
      ...Array.from({ length: 1000 }, () => eventId(at)),
      ...Array.from({ length: 10 }, () => eventId(at - 5000)),
      eventId(at + 1),
    ];
    const sorted = [...ids].sort();
    expect(ids).toEqual(sorted);
    expect(new Set(ids).size).toBe(ids.length);
    // A clock that stepped back does not move ids back in time.
    expect(eventIdTime(ids[1005] as string)).toBe(at);
  });

  it('sorts by time across milliseconds as text, and refuses to read what is not one', () => {
    const earlier = eventId(Date.UTC(2096, 0, 1));
    const later = eventId(Date.UTC(2096, 0, 1, 0, 0, 0, 1));
    expect(earlier < later).toBe(true);
    expect(() => eventIdTime('not-a-ulid!')).toThrow(OutboxItemError);
  });
});

describe('buildOutboxItem()', () => {
  // Later than any id the tests before made, so that this one carries its own time.
  const at = Date.UTC(2100, 0, 2, 3, 4, 5, 6);

  it('holds the aggregate, the id, the event and the write time as docs/outbox.md says', () => {
    const item = buildOutboxItem(
      'shop',
      { detailType: 'CartUpdated', detail: { cartId: 'c1', total: 3 }, source: 'shop.cart', resources: ['arn:x'] },
      'carts#{"cartId":"c1"}',
      at,
    );
    expect(item).toEqual({
      pk: 'carts#{"cartId":"c1"}',
      sk: expect.stringMatching(ulid),
      detailType: 'CartUpdated',
      source: 'shop.cart',
      detail: '{"cartId":"c1","total":3}',
      resources: ['arn:x'],
      createdAt: '2100-01-02T03:04:05.006Z',
    });
    expect(eventIdTime(item.sk)).toBe(at);
  });

  it("takes the function's name as the source by default", () => {
    process.env.AWS_LAMBDA_FUNCTION_NAME = 'shop-dev-updateCart';
    try {
      expect(buildOutboxItem('shop', { detailType: 'T', detail: {} }, 'a').source).toBe('shop-dev-updateCart');
    } finally {
      delete process.env.AWS_LAMBDA_FUNCTION_NAME;
    }
  });

  const refusal = (event: Parameters<typeof buildOutboxItem>[1]) => {
    try {
      buildOutboxItem('shop', event, 'a');
    } catch (error) {
      if (error instanceof EventRefusedError) return { code: error.code, message: error.message };
      throw error;
    }
    throw new Error('not refused');
  };

  it('refuses what EventBridge would refuse, saying why, before anything is written', () => {
    expect(refusal({ detailType: '', detail: {} })).toEqual({
      code: 'InvalidArgument',
      message:
        'publish of an event to bus shop was refused before sending, as EventBridge would refuse it: an event needs a detail type, a non-empty string; got "". Nothing was written.',
    });
    expect(refusal({ detailType: 'T', detail: 'hello' }).message).toContain(
      "EventBridge takes a JSON object as an event's detail; got a string",
    );
    expect(refusal({ detailType: 'T', detail: { total: 10n } })).toEqual({
      code: 'MalformedDetail',
      message: expect.stringContaining('total is a BigInt, which JSON cannot write'),
    });
    expect(refusal({ detailType: 'T', detail: { stateful: 1 } }).message).toContain(
      'the detail has a property "stateful", which the outbox reserves',
    );
    expect(refusal({ detailType: 'T', detail: {}, resources: 'arn' as unknown as string[] }).code).toBe(
      'InvalidArgument',
    );
  });

  it('counts the size as the relay will send it, metadata included, and refuses over 256 KB', () => {
    const fits = 256 * 1024 - 300;
    const item = buildOutboxItem('shop', { detailType: 'T', detail: { blob: 'x'.repeat(fits) } }, 'a');
    expect(entrySize(eventEntry(item))).toBeLessThanOrEqual(256 * 1024);
    const over = refusal({ detailType: 'T', detail: { blob: 'x'.repeat(fits + 200) } });
    expect(over).toEqual({
      code: 'EntryTooLarge',
      message: expect.stringMatching(
        /it is 26\d{4} bytes with its stateful metadata; EventBridge takes at most 262144/,
      ),
    });
  });
});

describe('eventEntry()', () => {
  const item: OutboxItem = {
    pk: 'agg',
    sk: '01KB0000000000000000000000',
    detailType: 'T',
    source: 's',
    detail: '{"n":1}',
    createdAt: '2026-01-02T03:04:05.006Z',
  };

  it('adds detail.stateful and times the event at the commit', () => {
    const entry = eventEntry(item);
    expect(JSON.parse(entry.Detail ?? '')).toEqual({
      n: 1,
      stateful: { eventId: item.sk, aggregate: 'agg', committedAt: item.createdAt },
    });
    expect(entry).toMatchObject({ Source: 's', DetailType: 'T', Time: new Date(item.createdAt) });
    expect(entry.Resources).toBeUndefined();
  });

  it('adds it to an empty detail too, and to one written with spaces', () => {
    expect(JSON.parse(eventEntry({ ...item, detail: '{ "n": 1 } ' }).Detail ?? '')).toMatchObject({ n: 1 });
    expect(JSON.parse(eventEntry({ ...item, detail: '{}' }).Detail ?? '')).toEqual({
      stateful: { eventId: item.sk, aggregate: 'agg', committedAt: item.createdAt },
    });
  });
});

describe('itemFromImage()', () => {
  const image = (item: Record<string, unknown>) => marshall(item) as Parameters<typeof itemFromImage>[0];
  const item = buildOutboxItem('shop', { detailType: 'T', detail: { n: 1 }, resources: ['arn:a'] }, 'agg');

  it('reads back the item the writer built', () => {
    expect(itemFromImage(image({ ...item }))).toEqual(item);
  });

  it('refuses, naming the item, what is not an outbox item', () => {
    expect(() => itemFromImage(undefined)).toThrow('the stream record has no NewImage');
    const { detailType: _, ...noType } = item;
    expect(() => itemFromImage(image(noType))).toThrow(
      new OutboxItemError(`outbox item {"pk":"agg","sk":"${item.sk}"} has no detailType (a non-empty string)`),
    );
    expect(() => itemFromImage(image({ ...item, detail: '[1]' }))).toThrow("its detail is not a JSON object's text");
    expect(() => itemFromImage(image({ ...item, resources: [1] }))).toThrow('its resources are not a list of ARNs');
  });
});
