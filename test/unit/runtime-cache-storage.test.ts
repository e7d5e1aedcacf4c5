// What a cache keeps, without Redis: entries behind their header in both codecs, the key layout
// (a value, its lock and a tag's keys each in one Redis Cluster hash slot), and the in-container
// tier's bounds.
import calculateSlot from 'cluster-key-slot';
import { Packr } from 'msgpackr';
import { CacheKeyError, jsonCodec } from '../../runtime/index';
import { readEntry, writeEntry, type Entry } from '../../runtime/caches/entry';
import { KeyLayout } from '../../runtime/caches/key-layout';
import { LocalTier } from '../../runtime/caches/local-tier';
import { msgpackCodec } from '../../runtime/msgpack';

describe('an entry', () => {
  const freshUntil = 1_767_225_600_000;

  it('is the codec, the time it is fresh until, and the JSON value', () => {
    const entry: Entry = { found: true, payload: JSON.stringify({ id: 'p1', name: 'a:b' }), freshUntil };
    const written = writeEntry(jsonCodec, entry);
    expect(written).toBe('json:1767225600000:{"id":"p1","name":"a:b"}');
    expect(readEntry(jsonCodec, written)).toEqual(entry);
    // As a Buffer too (what a binary read of the same key gives).
    expect(readEntry(jsonCodec, Buffer.from(written as string))).toEqual(entry);
  });

  it('keeps "not found" as a header alone, read by any codec', () => {
    const written = writeEntry(jsonCodec, { found: false, payload: '', freshUntil });
    expect(written).toBe('~:1767225600000:');
    expect(readEntry(msgpackCodec(), Buffer.from(written as string))).toEqual({
      found: false,
      payload: '',
      freshUntil,
    });
  });

  it('keeps MessagePack bytes as they are, after an ASCII header', () => {
    const codec = msgpackCodec();
    const value = { id: 'p1', at: new Date(0), bytes: Buffer.from([0, 255, 58]), n: 2 ** 40 };
    const payload = codec.encode(value);
    const written = writeEntry(codec, { found: true, payload, freshUntil });
    expect(Buffer.isBuffer(written)).toBe(true);
    expect((written as Buffer).subarray(0, 22).toString('latin1')).toBe('msgpack:1767225600000:');
    const read = readEntry(codec, written);
    expect(read?.found).toBe(true);
    expect(codec.decode((read as Entry).payload)).toEqual(value);
  });

  it('writes plain MessagePack maps by default, which any reader decodes', () => {
    const payload = msgpackCodec().encode({ a: 1, b: [true, null] }) as Buffer;
    expect(new Packr({ useRecords: false }).unpack(payload)).toEqual({ a: 1, b: [true, null] });
    // A first value packed stays intact after a second one: no shared buffer is reused under it.
    const codec = msgpackCodec();
    const first = codec.encode({ first: 'x'.repeat(100) });
    codec.encode({ second: 'y'.repeat(100) });
    expect(codec.decode(first)).toEqual({ first: 'x'.repeat(100) });
  });

  it.each([
    ['another codec', 'msgpack:1767225600000:\x81\xa1a\x01'],
    ['no header', '{"id":"p1"}'],
    ['a header without a time', 'json::{}'],
    ['one colon only', 'json:1767225600000'],
  ])('reads as a miss when written by %s', (_, data) => {
    expect(readEntry(jsonCodec, data)).toBeUndefined();
  });

  it('cannot be made of what JSON cannot say', () => {
    expect(() => jsonCodec.encode(undefined)).toThrow('JSON cannot encode a undefined');
    expect(() => jsonCodec.encode(() => 1)).toThrow('JSON cannot encode a function');
    expect(() => jsonCodec.encode({ n: 1n })).toThrow(TypeError);
  });
});

describe('the key layout', () => {
  const layout = new KeyLayout('catalog', 'shop-dev:');

  it('prefixes every name with the namespace', () => {
    expect(layout.value('product:1')).toBe('shop-dev:{product:1}');
    expect(layout.lock('product:1')).toBe('shop-dev:{product:1}:lock');
    expect(layout.tag('category:7')).toBe('shop-dev:tag:{category:7}');
    expect(layout.tagInvalidated('category:7')).toBe('shop-dev:tag:{category:7}:at');
    expect(new KeyLayout('catalog', '').value('product:1')).toBe('{product:1}');
  });

  it.each(['product:1', 'a{b}c', 'x}y', '{nested}', 'ünïcödé', 'p'.repeat(500)])(
    'puts the value and the lock of %s in one hash slot, as a script over both needs',
    (key) => {
      expect(calculateSlot(layout.lock(key))).toBe(calculateSlot(layout.value(key)));
      expect(calculateSlot(layout.tagInvalidated(key))).toBe(calculateSlot(layout.tag(key)));
    },
  );

  it('never gives a key the name of another key’s lock or of a tag', () => {
    const names = ['a', 'a}:lock', 'tag:{a}', '{a}', 'a:lock'].flatMap((key) => [layout.value(key), layout.lock(key)]);
    const tags = ['a', 'a}:at'].flatMap((tag) => [layout.tag(tag), layout.tagInvalidated(tag)]);
    expect(new Set([...names, ...tags]).size).toBe(names.length + tags.length);
  });

  it.each([
    ['', /a key is a non-empty string, not an empty string/],
    [42, /a key is a non-empty string, not number/],
    ['}x', /the key }x starts with '}', which no key may/],
  ])('refuses the key %p', (key, message) => {
    expect(() => layout.check(key)).toThrow(CacheKeyError);
    expect(() => layout.check(key)).toThrow(message);
  });
});

describe('the in-container tier', () => {
  const entry = (payload: string, freshUntil = 10_000): Entry => ({ found: true, payload, freshUntil });

  it('serves an entry for its local lifetime at most, and keeps it until Redis would expire it', () => {
    const tier = new LocalTier({ maxEntries: 10, maxBytes: 1000, ttlMs: 500 });
    tier.set('a', entry('"a"', 10_000), 1000, 20_000);
    expect(tier.get('a')).toMatchObject({ localUntil: 1500, freshUntil: 10_000, staleUntil: 20_000 });
    tier.set('b', entry('"b"', 1200), 1000, 1200);
    expect(tier.get('b')?.localUntil).toBe(1200);
    // Already expired in Redis: not kept.
    tier.set('c', entry('"c"', 900), 1000, 1000);
    expect(tier.get('c')).toBeUndefined();
  });

  it('drops the least recently used entries past its count', () => {
    const tier = new LocalTier({ maxEntries: 2, maxBytes: 1000, ttlMs: 500 });
    tier.set('a', entry('1'), 0, 10_000);
    tier.set('b', entry('2'), 0, 10_000);
    tier.get('a');
    tier.set('c', entry('3'), 0, 10_000);
    expect([tier.get('a'), tier.get('b'), tier.get('c')].map((kept) => kept?.payload)).toEqual(['1', undefined, '3']);
  });

  it('drops entries past its bytes, counting encoded bytes, and keeps none larger than all of them', () => {
    const tier = new LocalTier({ maxEntries: 100, maxBytes: 100, ttlMs: 500 });
    for (const key of ['a', 'b', 'c']) tier.set(key, entry('x'.repeat(40)), 0, 10_000);
    expect(tier.size).toBe(2);
    expect(tier.bytes).toBe(80);
    tier.set('é', entry('é'.repeat(30)), 0, 10_000); // 60 bytes in UTF-8
    expect(tier.bytes).toBeLessThanOrEqual(100);
    expect(tier.get('é')).toBeDefined();
    tier.set('huge', entry('x'.repeat(101)), 0, 10_000);
    expect(tier.get('huge')).toBeUndefined();
  });

  it('forgets the entries of a tag', () => {
    const tier = new LocalTier({ maxEntries: 10, maxBytes: 1000, ttlMs: 500 });
    tier.set('p1', entry('1'), 0, 10_000, ['category:1']);
    tier.set('p2', entry('2'), 0, 10_000, ['category:2', 'sale']);
    tier.set('p3', entry('3'), 0, 10_000);
    tier.deleteTagged(['sale', 'category:1']);
    expect([tier.get('p1'), tier.get('p2'), tier.get('p3')].map((kept) => kept?.payload)).toEqual([
      undefined,
      undefined,
      '3',
    ]);
  });
});
