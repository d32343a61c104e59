import 'server-only';
import { randomUUID } from 'node:crypto';
import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { KubeError } from '../kube/errors';
import { ApiError, type ApiErrorBody } from './api-error';

/** Who is calling. Null until the identity issue adds login; routes read it from here only. */
export type RequestUser = null;

export interface RouteContext<Q, B, P> {
  req: NextRequest;
  query: Q;
  body: B;
  params: P;
  /** Aborts when the client goes away. */
  signal: AbortSignal;
  requestId: string;
  user: RequestUser;
}

interface RouteSpec<Q extends z.ZodType, B extends z.ZodType, P extends z.ZodType> {
  query?: Q;
  body?: B;
  params?: P;
  /** Largest accepted body in bytes (default 64 KiB). */
  maxBodyBytes?: number;
}

type Handler<Q, B, P> = (ctx: RouteContext<Q, B, P>) => Promise<Response | object>;

const DEFAULT_MAX_BODY = 64 * 1024;

function fieldOf(issue: z.core.$ZodIssue | undefined): string | undefined {
  return issue?.path.length ? issue.path.map(String).join('.') : undefined;
}

/** Renders any error as `{ error }` JSON with the right status; unknown errors never leak detail. */
export function errorResponse(e: unknown, requestId: string): Response {
  let status = 500;
  let body: ApiErrorBody['error'];
  if (e instanceof ApiError) {
    status = e.status;
    body = { code: e.code, message: e.message, field: e.field };
  } else if (e instanceof z.ZodError) {
    status = 400;
    const issue = e.issues[0];
    const field = fieldOf(issue);
    body = { code: 'BAD_REQUEST', message: field ? `${field}: ${issue?.message}` : (issue?.message ?? 'invalid input'), field };
  } else if (e instanceof KubeError) {
    status = e.httpStatus;
    body = { code: e.code, message: e.message, field: e.causes[0]?.field };
  } else {
    console.error(`[api] ${requestId} unexpected error`, e);
    body = { code: 'INTERNAL', message: `Internal error (request ${requestId})` };
  }
  return NextResponse.json({ error: { ...body, requestId } } satisfies ApiErrorBody, {
    status,
    headers: { 'Cache-Control': 'no-store', 'X-Request-Id': requestId },
  });
}

async function readBody(req: NextRequest, max: number): Promise<unknown> {
  const type = req.headers.get('content-type') ?? '';
  if (!type.toLowerCase().startsWith('application/json')) {
    throw new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json');
  }
  const declared = Number(req.headers.get('content-length') ?? '0');
  if (declared > max) throw new ApiError(413, 'PAYLOAD_TOO_LARGE', `Body larger than ${max} bytes`);
  // Read incrementally so a body without (or lying about) Content-Length is cut off at the limit.
  const reader = req.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw new ApiError(413, 'PAYLOAD_TOO_LARGE', `Body larger than ${max} bytes`);
    }
    chunks.push(value);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) throw new ApiError(400, 'BAD_REQUEST', 'The request body is empty');
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(400, 'BAD_REQUEST', 'The request body is not valid JSON');
  }
}

function queryObject(url: URL): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const all = url.searchParams.getAll(key);
    out[key] = all.length === 1 ? all[0]! : all;
  }
  return out;
}

/**
 * Every API route goes through here: validate (zod) → (authorise, once login exists) → handle →
 * JSON. Errors of every kind come out as `{ error: { code, message, field? } }` with a 4xx/5xx
 * status from one mapper; the handler returns a Response (streams) or a plain object (JSON).
 */
export function route<Q extends z.ZodType = z.ZodUndefined, B extends z.ZodType = z.ZodUndefined, P extends z.ZodType = z.ZodUndefined>(
  spec: RouteSpec<Q, B, P>,
  handler: Handler<z.output<Q>, z.output<B>, z.output<P>>,
) {
  return async (req: NextRequest, segment: { params: Promise<unknown> }): Promise<Response> => {
    const requestId = randomUUID().slice(0, 8);
    try {
      const url = new URL(req.url);
      const query = spec.query ? spec.query.parse(queryObject(url)) : undefined;
      const params = spec.params ? spec.params.parse(await segment.params) : undefined;
      const body = spec.body ? spec.body.parse(await readBody(req, spec.maxBodyBytes ?? DEFAULT_MAX_BODY)) : undefined;
      const out = await handler({
        req, requestId, user: null, signal: req.signal,
        query: query as z.output<Q>, body: body as z.output<B>, params: params as z.output<P>,
      });
      if (out instanceof Response) return out;
      return NextResponse.json(out, { headers: { 'Cache-Control': 'no-store', 'X-Request-Id': requestId } });
    } catch (e) {
      return errorResponse(e, requestId);
    }
  };
}
