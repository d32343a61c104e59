import 'server-only';
import { randomUUID } from 'node:crypto';
import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import type { KubeConfig } from '@kubernetes/client-node';
import { assertSameOrigin } from '../auth/csrf';
import { userKubeConfig } from '../auth/identity';
import {
  clearSessionCookie,
  isSecureRequest,
  openSession,
  sessionCookieValue,
  setSessionCookie,
  touched,
  type NoSession,
  type Session,
  type SessionUser,
} from '../auth/session';
import { KubeError } from '../kube/errors';
import { recordRequest } from '../telemetry/panel-metrics';
import { HttpError, type ApiErrorBody } from '../errors/http-error';
import { readCapped } from './read-capped';

interface BaseContext<Q, B, P> {
  req: NextRequest;
  query: Q;
  body: B;
  params: P;
  /** Aborts when the client goes away. */
  signal: AbortSignal;
  requestId: string;
}

/** A signed-in request: the user, and a KubeConfig that acts with the user's own credentials. */
export interface RouteContext<Q, B, P> extends BaseContext<Q, B, P> {
  session: Session;
  user: SessionUser;
  /** The user's credentials against the panel's cluster — for every write and access review. */
  kube: () => KubeConfig;
}

/** A request to a public route (login, probes): a session if there is one. */
export interface PublicRouteContext<Q, B, P> extends BaseContext<Q, B, P> {
  session: Session | null;
}

interface RouteSpec<Q extends z.ZodType, B extends z.ZodType, P extends z.ZodType> {
  query?: Q;
  body?: B;
  params?: P;
  /** Largest accepted body in bytes (default 64 KiB). */
  maxBodyBytes?: number;
}

type Handler<C> = (ctx: C) => Promise<Response | object>;

const DEFAULT_MAX_BODY = 64 * 1024;

function fieldOf(issue: z.core.$ZodIssue | undefined): string | undefined {
  return issue?.path.length ? issue.path.map(String).join('.') : undefined;
}

/** Renders any error as `{ error }` JSON with the right status; unknown errors never leak detail. */
export function errorResponse(e: unknown, requestId: string): Response {
  let status = 500;
  let body: ApiErrorBody['error'];
  if (e instanceof HttpError) {
    status = e.status;
    body = { code: e.code, message: e.message, field: e.field };
  } else if (e instanceof z.ZodError) {
    status = 400;
    const issue = e.issues[0];
    const field = fieldOf(issue);
    body = {
      code: 'BAD_REQUEST',
      message: field ? `${field}: ${issue?.message}` : (issue?.message ?? 'invalid input'),
      field,
    };
  } else if (e instanceof KubeError) {
    status = e.httpStatus;
    body = { code: e.code, message: e.message, field: e.causes[0]?.field };
  } else {
    console.error(`[api] ${requestId} unexpected error`, e);
    body = { code: 'INTERNAL', message: `Internal error (request ${requestId})` };
  }
  return NextResponse.json(
    { ...(e instanceof HttpError ? e.extra : {}), error: { ...body, requestId } } satisfies ApiErrorBody,
    {
      status,
      headers: { 'Cache-Control': 'no-store', 'X-Request-Id': requestId, ...(e instanceof HttpError ? e.headers : {}) },
    },
  );
}

async function readBody(req: NextRequest, max: number): Promise<unknown> {
  const type = req.headers.get('content-type') ?? '';
  if (!type.toLowerCase().startsWith('application/json')) {
    throw new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json');
  }
  const declared = Number(req.headers.get('content-length') ?? '0');
  if (declared > max) throw new HttpError(413, 'PAYLOAD_TOO_LARGE', `Body larger than ${max} bytes`);
  // Read incrementally so a body without (or lying about) Content-Length is cut off at the limit.
  const text = await readCapped(
    req.body,
    max,
    () => new HttpError(413, 'PAYLOAD_TOO_LARGE', `Body larger than ${max} bytes`),
  );
  if (!text) throw new HttpError(400, 'BAD_REQUEST', 'The request body is empty');
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'BAD_REQUEST', 'The request body is not valid JSON');
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

const NO_SESSION: Record<NoSession, string> = {
  missing: 'Sign in first',
  invalid: 'Your session is not valid; sign in again',
  expired: 'Your session has expired; sign in again',
  idle: 'Your session ended after a period of inactivity; sign in again',
  revoked: 'You have signed out; sign in again',
};

type AnyContext<Q, B, P> = RouteContext<Q, B, P> | PublicRouteContext<Q, B, P>;

function build<Q extends z.ZodType, B extends z.ZodType, P extends z.ZodType>(
  spec: RouteSpec<Q, B, P>,
  needsSession: boolean,
  handler: Handler<AnyContext<z.output<Q>, z.output<B>, z.output<P>>>,
) {
  const handle = async (req: NextRequest, segment: { params: Promise<unknown> }): Promise<Response> => {
    const requestId = randomUUID().slice(0, 8);
    let clearCookie = false;
    try {
      // Order matters: a forged cross-site request is refused before anything is read or done.
      assertSameOrigin(req);
      const opened = await openSession(sessionCookieValue(req.cookies, isSecureRequest(req)));
      const session = typeof opened === 'string' ? null : opened;
      if (!session && opened !== 'missing') clearCookie = true;
      if (needsSession && !session) throw new HttpError(401, 'UNAUTHENTICATED', NO_SESSION[opened as NoSession]);
      const url = new URL(req.url);
      const query = spec.query ? spec.query.parse(queryObject(url)) : undefined;
      const params = spec.params ? spec.params.parse(await segment.params) : undefined;
      const body = spec.body ? spec.body.parse(await readBody(req, spec.maxBodyBytes ?? DEFAULT_MAX_BODY)) : undefined;
      const base = {
        req,
        requestId,
        signal: req.signal,
        query: query as z.output<Q>,
        body: body as z.output<B>,
        params: params as z.output<P>,
      };
      const ctx = session
        ? { ...base, session, user: session.user, kube: () => userKubeConfig(session) }
        : { ...base, session: null };
      const out = await handler(ctx as AnyContext<z.output<Q>, z.output<B>, z.output<P>>);
      const res =
        out instanceof Response
          ? out
          : NextResponse.json(out, { headers: { 'Cache-Control': 'no-store', 'X-Request-Id': requestId } });
      // Activity keeps a session alive: re-date it now and then (idle expiry counts from here).
      const fresh = session && !res.headers.has('Set-Cookie') ? touched(session) : null;
      if (fresh) await setSessionCookie(res.headers, fresh, isSecureRequest(req));
      return res;
    } catch (e) {
      const res = errorResponse(e, requestId);
      if (clearCookie) clearSessionCookie(res.headers);
      return res;
    }
  };
  // Counted for the panel's own /api/metrics (lib/server/telemetry/panel-metrics.ts).
  return async (req: NextRequest, segment: { params: Promise<unknown> }): Promise<Response> => {
    const t0 = performance.now();
    const res = await handle(req, segment);
    recordRequest(req.method, req.nextUrl.pathname, res.status, (performance.now() - t0) / 1000);
    return res;
  };
}

/**
 * Every API route goes through here: same-origin check for writes → session → validate (zod) →
 * handle → JSON. Errors of every kind come out as `{ error: { code, message, field? } }` with a
 * 4xx/5xx status from one mapper; the handler returns a Response (streams) or a plain object (JSON).
 * Without a valid session the answer is 401 before any input is read.
 */
export function route<
  Q extends z.ZodType = z.ZodUndefined,
  B extends z.ZodType = z.ZodUndefined,
  P extends z.ZodType = z.ZodUndefined,
>(spec: RouteSpec<Q, B, P>, handler: Handler<RouteContext<z.output<Q>, z.output<B>, z.output<P>>>) {
  return build(spec, true, handler as Handler<AnyContext<z.output<Q>, z.output<B>, z.output<P>>>);
}

/** A route anyone may call (login, logout, probes). Writes still pass the same-origin check. */
export function publicRoute<
  Q extends z.ZodType = z.ZodUndefined,
  B extends z.ZodType = z.ZodUndefined,
  P extends z.ZodType = z.ZodUndefined,
>(spec: RouteSpec<Q, B, P>, handler: Handler<PublicRouteContext<z.output<Q>, z.output<B>, z.output<P>>>) {
  return build(spec, false, handler as Handler<AnyContext<z.output<Q>, z.output<B>, z.output<P>>>);
}
