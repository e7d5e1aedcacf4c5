// A local HTTP proxy in front of a real service (the emulator's EventBridge) that gives the next
// of its canned answers (a throttle, a 5xx) to each request while it has any, then forwards every
// request untouched: the service refusing for a while, then recovering. It keeps the body of
// every request it forwarded, so a test can see the order in which the service received them.
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ServiceAnswer } from './wire';

export interface RefusingProxy {
  /** The proxy's endpoint, for an SDK client. */
  readonly endpoint: string;
  /** The JSON bodies of the requests forwarded, in the order the service received them. */
  readonly forwarded: unknown[];
  /** The requests refused so far. */
  refused(): number;
  close(): Promise<void>;
}

const bodyOf = (message: IncomingMessage) =>
  new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    message.on('data', (chunk: Buffer) => chunks.push(chunk));
    message.on('end', () => resolve(Buffer.concat(chunks)));
    message.on('error', reject);
  });

/** A proxy to `target` (http://host:port) that answers the first requests with `answers`, in turn. */
export async function refusingProxy(target: string, answers: readonly ServiceAnswer[]): Promise<RefusingProxy> {
  const { hostname, port } = new URL(target);
  const forwarded: unknown[] = [];
  let refused = 0;
  const server: Server = createServer((incoming, outgoing) => {
    void bodyOf(incoming).then((body) => {
      const answer = answers[refused];
      if (answer) {
        refused++;
        outgoing.writeHead(answer.status, {
          'content-type': 'application/x-amz-json-1.1',
          'x-amzn-requestid': `refused-${refused}`,
        });
        outgoing.end(JSON.stringify(answer.body));
        return;
      }
      forwarded.push(JSON.parse(body.toString('utf8') || 'null'));
      const onward = httpRequest(
        { hostname, port, method: incoming.method, path: incoming.url, headers: incoming.headers },
        (response) => {
          outgoing.writeHead(response.statusCode ?? 502, response.headers);
          response.pipe(outgoing);
        },
      );
      onward.on('error', (error) => outgoing.destroy(error));
      onward.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    forwarded,
    refused: () => refused,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
