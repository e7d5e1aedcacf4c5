// Cheap health checks, each bounded in time, that answer "is this service really there?". A port
// nobody listens on refuses at once, so the bounds only ever wait on a service that took the
// connection: they are long enough for one that is busy (MiniStack relaying a thousand events
// answered its health check in more than 1.5 s), since a slow answer is still an answer.
import { connect } from 'node:net';

/** True when `host:port` accepts a TCP connection within `timeoutMs`. */
export function tcpOpen(host: string, port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** True when a Redis server at `url` answers PING with PONG. */
export function redisAnswers(url: string, timeoutMs = 5000): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port || 6379) });
    let reply = '';
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString('utf8');
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
    });
    socket.once('error', () => done(false));
  });
}

/** The JSON body of GET `url`, or undefined when nothing answers with a 2xx in time. */
export async function httpJson(url: string, timeoutMs = 10_000): Promise<unknown> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) return undefined;
    const body: unknown = await response.json();
    return body;
  } catch {
    return undefined;
  }
}

/** True when DynamoDB (Local or emulated) at `endpoint` answers a ListTables call. */
export async function dynamodbAnswers(endpoint: string, timeoutMs = 10_000): Promise<boolean> {
  try {
    const response = await fetch(endpoint, {
      method: 'POST',
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        'content-type': 'application/x-amz-json-1.0',
        'x-amz-target': 'DynamoDB_20120810.ListTables',
        // DynamoDB Local checks that a signature is present, not that it is valid.
        authorization:
          'AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=local',
      },
      body: '{}',
    });
    return response.ok;
  } catch {
    return false;
  }
}

/** Polls `probe` until it is true or `timeoutMs` passes. */
export async function waitUntil(probe: () => Promise<boolean>, timeoutMs: number, intervalMs = 150): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await probe()) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
