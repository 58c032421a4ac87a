import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Observable } from 'rxjs';
import { etagOf, noneMatchHits } from './etag';

/** Answers carrying personal data may be kept by the caller's own client only, and revalidated every time. */
export const READ_CACHE_CONTROL = 'private, no-cache';

const eligible = new WeakSet<FastifyRequest>();
const installed = new WeakSet<FastifyInstance>();

/**
 * Strong ETags on every JSON read under /api/v1, and 304 with no body when `If-None-Match`
 * names the current one. The tag is the hash of the bytes actually sent, taken in Fastify's
 * onSend hook: the body is serialised once, and the tag follows every change of it, whatever
 * the read model, the filters or the caller's areas. The hook runs after the handler, so after
 * the read-your-writes wait: a tag is never taken from a page older than `minPosition`.
 */
@Injectable()
export class EtagInterceptor implements NestInterceptor {
  constructor(@Inject(HttpAdapterHost) host: HttpAdapterHost) {
    // Providers are built before Nest registers the routes, so the root hook reaches all of them.
    const fastify = host.httpAdapter?.getInstance<FastifyInstance>();
    if (fastify && !installed.has(fastify)) {
      installed.add(fastify);
      fastify.addHook('onSend', async (request, reply, payload) => revalidate(request, reply, payload));
    }
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if ((request.method === 'GET' || request.method === 'HEAD') && request.url.startsWith('/api/v1/')) eligible.add(request);
    return next.handle();
  }
}

function revalidate(request: FastifyRequest, reply: FastifyReply, payload: unknown): unknown {
  if (!eligible.has(request)) return payload;
  // Streams (exports) and errors are neither tagged nor cached.
  if (reply.statusCode !== 200 || !(typeof payload === 'string' || Buffer.isBuffer(payload))) {
    if (reply.statusCode === 200) void reply.header('cache-control', 'private, no-store');
    return payload;
  }
  const etag = etagOf(payload);
  void reply.header('etag', etag).header('cache-control', READ_CACHE_CONTROL);
  if (!noneMatchHits(request.headers['if-none-match'], etag)) return payload;
  void reply.code(304).removeHeader('content-type').removeHeader('content-length');
  return null;
}
