import { annotateFailure, describeDown } from '../../testing/service-failures';

describe('describeDown', () => {
  it('says which service, where, and whether it was missing or stopped', () => {
    const redis = { label: 'Redis', endpoint: 'redis://127.0.0.1:6390' };
    expect(describeDown([redis], 'before')).toMatch(
      /^Redis at redis:\/\/127\.0\.0\.1:6390 is not answering, and this test file needs it\./,
    );
    expect(describeDown([redis], 'during')).toMatch(
      /^Redis at redis:\/\/127\.0\.0\.1:6390 stopped answering during this test\./,
    );
    expect(describeDown([{ label: 'MiniStack', endpoint: undefined }], 'before')).toMatch(
      /^MiniStack was not started;/,
    );
  });

  it('says where its log is and how to start it, and that the global setup publishes endpoints', () => {
    const redis = { label: 'Redis', endpoint: 'redis://127.0.0.1:6390' };
    // Jest runs from this repository's root: its .local-aws, and its npm script.
    expect(describeDown([redis], 'during')).toContain(
      'See its log in .local-aws/logs/, or start it with `npm run local -- up`.',
    );
    expect(describeDown([{ label: 'Redis', endpoint: undefined }], 'before')).toContain(
      "name serverless-stateful/testing/jest-global-setup as Jest's globalSetup",
    );
  });

  it('gives one line per service', () => {
    const down = [
      { label: 'Redis', endpoint: 'redis://127.0.0.1:1' },
      { label: 'DynamoDB Local', endpoint: 'http://127.0.0.1:2' },
    ];
    expect(describeDown(down, 'during').split('\n')).toHaveLength(2);
  });
});

describe('annotateFailure', () => {
  it('puts the note before the message, in the stack Jest prints too', () => {
    const error = new Error('Connection is closed.');
    annotateFailure(error, 'Redis stopped.');
    expect(error.message).toBe('Redis stopped.\nConnection is closed.');
    expect(error.stack).toMatch(/^Error: Redis stopped\.\nConnection is closed\.\n\s+at /);
  });

  it('leaves values that are not errors alone', () => {
    expect(() => annotateFailure('a string', 'note')).not.toThrow();
    expect(() => annotateFailure(undefined, 'note')).not.toThrow();
  });
});
