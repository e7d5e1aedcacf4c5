// A missing program fails with its name and the command that installs it, before anything runs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { MissingPrerequisiteError } from '../../testing/local-aws';
import { dynamodbLocal } from '../../testing/local-aws/dynamodb-local';
import { which } from '../../testing/local-aws/processes';
import { redis } from '../../testing/local-aws/redis';

describe('local AWS prerequisites', () => {
  const context = { endpoints: {}, log: () => undefined };
  const emptyDir = mkdtempSync(join(tmpdir(), 'empty-path-'));
  const path = process.env.PATH;

  beforeEach(() => (process.env.PATH = emptyDir));
  afterEach(() => (process.env.PATH = path));
  afterAll(() => rmSync(emptyDir, { recursive: true }));

  it('finds programs on PATH, and only there', () => {
    expect(which('node', `${emptyDir}${delimiter}${dirname(process.execPath)}`)).toBe(process.execPath);
    expect(which('node', emptyDir)).toBeUndefined();
  });

  it('names redis-server and how to install it', async () => {
    const attempt = redis.start(context);
    await expect(attempt).rejects.toBeInstanceOf(MissingPrerequisiteError);
    await expect(attempt).rejects.toThrow(
      'Redis needs redis-server, which is not installed. Install it with: apt-get install redis-server',
    );
  });

  it('names Java and how to install it', async () => {
    await expect(dynamodbLocal.start(context)).rejects.toThrow(
      'DynamoDB Local needs Java 17 (java), which is not installed. Install it with: apt-get install openjdk-17-jre-headless',
    );
  });
});
