// HTTP API (API Gateway v2, payload format 2.0) requests and responses.
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

export type HttpEvent = APIGatewayProxyEventV2;
export type HttpResult = APIGatewayProxyStructuredResultV2;

export function json(statusCode: number, body: unknown): HttpResult {
  return { statusCode, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

/** A 4xx the caller can act on: what is wrong, in one sentence. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
  }
}

export const httpError = (error: HttpError) => json(error.statusCode, { message: error.message });

/** The path parameter `name`; the route guarantees it, so its absence is the route's bug. */
export function pathParameter(event: HttpEvent, name: string): string {
  const value = event.pathParameters?.[name];
  if (!value) throw new HttpError(400, `the path has no ${name}`);
  return value;
}

/** The request's JSON body as an object ({} when there is none). */
export function jsonBody(event: HttpEvent): Record<string, unknown> {
  if (!event.body) return {};
  const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'the body is not JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HttpError(400, 'the body must be a JSON object');
  }
  return body as Record<string, unknown>;
}

/** Runs `handle`, turning an HttpError into its response; anything else is a 500 Lambda logs. */
export function httpHandler(handle: (event: HttpEvent, context: LambdaContext) => Promise<HttpResult>) {
  return async (event: HttpEvent, context: LambdaContext): Promise<HttpResult> => {
    try {
      return await handle(event, context);
    } catch (error) {
      if (error instanceof HttpError) return httpError(error);
      throw error;
    }
  };
}

/** The part of Lambda's context the shop reads: how long the invocation may still run. */
export interface LambdaContext {
  getRemainingTimeInMillis(): number;
}
