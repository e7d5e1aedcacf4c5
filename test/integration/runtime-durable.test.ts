/**
 * @services emulator
 */
// durable(name) and what it says when Lambda refuses or is slow: a missing function (the
// emulator), an input Lambda would refuse (nothing sent), a Lambda that never answers (a socket
// that accepts and stays silent) and a taken execution name (a server answering as Lambda does,
// since MiniStack 1.5.33 ignores execution names). The happy path runs in test/e2e/durable-deploy.test.ts.
import { LambdaClient } from '@aws-sdk/client-lambda';
import { createServer, type Server } from 'node:http';
import { createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import {
  durable,
  DurableExecutionConflictError,
  durableExecutionName,
  DurableFunctionNotFoundError,
  DurableInputError,
  DurableStartTimeoutError,
  ResourceNotDeclaredError,
  setLambdaClient,
} from '../../runtime/index';
import { environmentVariableName } from '../../runtime/environment';
import { awsClientConfig } from '../support/endpoints';

const config = awsClientConfig('emulator');
const variable = environmentVariableName('durable', 'reminder');

beforeAll(() => {
  process.env.AWS_ENDPOINT_URL = config.endpoint;
  process.env.AWS_REGION = config.region;
  process.env[variable] = 'stateful-runtime-no-such-function:durable';
  setLambdaClient(undefined);
});

afterAll(() => {
  Reflect.deleteProperty(process.env, variable);
  setLambdaClient(undefined);
});

describe('durableExecutionName', () => {
  it('keeps a key Lambda takes as a name, and hashes any other to a name it takes, the same every time', () => {
    expect(durableExecutionName('cart-42_a')).toBe('cart-42_a');
    const hashed = durableExecutionName('cart 42 / customer é');
    expect(hashed).toMatch(/^h-[A-Za-z0-9_-]{43}$/);
    expect(durableExecutionName('cart 42 / customer é')).toBe(hashed);
    expect(durableExecutionName('x'.repeat(65))).toMatch(/^h-/);
    expect(durableExecutionName('x'.repeat(64))).toBe('x'.repeat(64));
  });
});

describe('durable().start()', () => {
  it('says which durable function is missing, and where it looked', async () => {
    const error = await durable('reminder')
      .start({ cartId: 'c1' }, { key: 'c1' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DurableFunctionNotFoundError);
    expect((error as Error).message).toContain(
      'durable function reminder (stateful-runtime-no-such-function:durable) does not exist in region us-east-1',
    );
  });

  it('refuses a durable function the function did not declare', () => {
    expect(() => durable('other').functionName).toThrow(ResourceNotDeclaredError);
  });

  it('refuses an input Lambda would refuse, before sending anything', async () => {
    await expect(durable('reminder').start({ big: 'x'.repeat(1024 * 1024) })).rejects.toThrow(DurableInputError);
    await expect(durable('reminder').start({ when: () => 1 })).rejects.toThrow(/its input cannot be sent: when is/);
  });

  describe('against a Lambda that does not answer', () => {
    let server: TcpServer;
    const sockets: Socket[] = [];
    beforeAll(async () => {
      server = createTcpServer((socket) => sockets.push(socket)); // accepts, never answers
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as AddressInfo;
      setLambdaClient(new LambdaClient({ ...config, endpoint: `http://127.0.0.1:${port}`, maxAttempts: 1 }));
    });
    afterAll(async () => {
      setLambdaClient(undefined);
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    });

    it('gives up after timeoutMs, saying a retry with the same key is safe', async () => {
      const error = await durable('reminder')
        .start({ cartId: 'c1' }, { key: 'cart-c1', timeoutMs: 300 })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(DurableStartTimeoutError);
      expect((error as Error).message).toContain(
        'the execution cart-c1 may or may not have started. Start again with the same key: it is idempotent.',
      );
    });
  });

  describe('against a Lambda where the execution name is taken', () => {
    let server: Server;
    beforeAll(async () => {
      // As Lambda answers a start whose name an execution with another input holds.
      server = createServer((request, response) => {
        request.resume();
        response.writeHead(409, {
          'content-type': 'application/json',
          'x-amzn-errortype': 'DurableExecutionAlreadyStartedException',
        });
        response.end(JSON.stringify({ Type: 'User', message: 'Execution already started' }));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as AddressInfo;
      setLambdaClient(new LambdaClient({ ...config, endpoint: `http://127.0.0.1:${port}`, maxAttempts: 1 }));
    });
    afterAll(async () => {
      setLambdaClient(undefined);
      await new Promise((resolve) => server.close(resolve));
    });

    it('says the key names another execution', async () => {
      const error = await durable('reminder')
        .start({ cartId: 'c2' }, { key: 'cart-c2' })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(DurableExecutionConflictError);
      expect((error as Error).message).toContain('already has an execution named cart-c2');
      expect((error as { cause?: { name?: string } }).cause?.name).toBe('DurableExecutionAlreadyStartedException');
    });
  });
});
