// Failures on the wire, between an AWS SDK client and a real local service: answers a service
// would give (a refusal, a conflict) in place of some requests, a port where nothing listens,
// a proxy that passes requests on at once but holds the answers back, and a port that never answers.
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';
import { Readable } from 'node:stream';

type Handle = NodeHttpHandler['handle'];
type Request = Parameters<Handle>[0];

export interface ServiceAnswer {
  readonly status: number;
  /** The JSON body, as the service's JSON protocol writes it (`__type`, `message`, …). */
  readonly body: Record<string, unknown>;
}

/**
 * A request handler for an SDK client: `answer` sees each request (with the count of those before
 * it) and returns the service's answer to give instead, or undefined to let it through.
 */
export function answeringHandler(answer: (request: Request, previous: number) => ServiceAnswer | undefined) {
  const network = new NodeHttpHandler();
  const sent: Request[] = [];
  const requestHandler = {
    handle: async (...[request, options]: Parameters<Handle>) => {
      const given = answer(request, sent.length);
      sent.push(request);
      if (!given) return network.handle(request, options);
      return {
        response: {
          statusCode: given.status,
          reason: 'injected',
          headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': `injected-${sent.length}` },
          body: Readable.from([Buffer.from(JSON.stringify(given.body))]),
        },
      };
    },
    updateHttpClientConfig: () => undefined,
    httpHandlerConfigs: () => ({}),
  };
  return { requestHandler, sent };
}

/** The operation a request calls, from its X-Amz-Target header (`TransactWriteItems`, `PutEvents`…). */
export const operationOf = (request: Request) => String(request.headers['x-amz-target']).split('.').pop() ?? '';

/** The request's JSON body; the SDK hands it over as a string or as bytes. */
export function jsonBodyOf(request: Request): unknown {
  const body: unknown = request.body;
  // isView, not instanceof: the SDK's bytes come from outside the test's sandbox.
  const text = ArrayBuffer.isView(body)
    ? Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8')
    : String(body);
  return JSON.parse(text);
}

/** A loopback endpoint where nothing listens: connections are refused at once. */
export async function refusingEndpoint(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

export interface SlowProxy {
  readonly endpoint: string;
  /** How long answers are held back from now on, in milliseconds. */
  delayMs: number;
  /**
   * Resolves once the target has answered everything passed on to it so far: the work is done,
   * whether or not the caller, whose answer is still held back, has heard of it yet.
   */
  answered(): Promise<void>;
  close(): Promise<void>;
}

/** Passes each request on to `target` at once and holds every answer back `delayMs`. */
export async function slowProxy(target: string, delayMs: number): Promise<SlowProxy> {
  const settings = { delayMs };
  const { hostname, port } = new URL(target);
  const sockets = new Set<Socket>();
  // Connections whose last request the target has not answered yet, and who waits for them.
  const awaitingAnswer = new Set<Socket>();
  let waiters: (() => void)[] = [];
  const settled = (upstream: Socket) => {
    awaitingAnswer.delete(upstream);
    if (awaitingAnswer.size > 0) return;
    for (const resolve of waiters) resolve();
    waiters = [];
  };
  const server: Server = createServer((client) => {
    const upstream = connect(Number(port), hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => sockets.delete(socket));
    }
    client.on('data', (chunk) => {
      awaitingAnswer.add(upstream);
      upstream.write(chunk);
    });
    upstream.on('close', () => settled(upstream));
    upstream.on('data', (chunk) => {
      settled(upstream);
      if (client.destroyed) upstream.destroy();
      else setTimeout(() => client.writable && client.write(chunk), settings.delayMs);
    });
    // A caller that gave up does not stop the work: the target still gets to answer.
    client.on('close', () => awaitingAnswer.has(upstream) || upstream.destroy());
    upstream.on('close', () => setTimeout(() => client.destroy(), settings.delayMs));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    get delayMs() {
      return settings.delayMs;
    },
    set delayMs(value: number) {
      settings.delayMs = value;
    },
    answered: () =>
      awaitingAnswer.size === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve)),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

export interface SilentEndpoint {
  /** `127.0.0.1:<port>` */
  readonly address: string;
  close(): Promise<void>;
}

/** A loopback port that accepts connections and then never answers: a service that hangs. */
export async function silentEndpoint(): Promise<SilentEndpoint> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    address: `127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
