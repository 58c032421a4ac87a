import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import { HttpAdapterHost, Reflector } from '@nestjs/core';
import { APP_CONFIG, AppConfig, Principal } from '@pl/application';
import { ProjectionRunner } from '@pl/projections';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Observable, of } from 'rxjs';
import { etagOf, noneMatchHits } from './etag';
import { ReadModelState, TAG_CACHED, TagCache, restingState, scopeOf } from './tag-cache';

/** Answers carrying personal data may be kept by the caller's own client only, and revalidated every time. */
export const READ_CACHE_CONTROL = 'private, no-cache';

// Longer URLs are answered as usual, not remembered: the cache stays small.
const MAX_CACHED_URL = 2048;

const eligible = new WeakSet<FastifyRequest>();
/** Tag-cached requests whose tag, once sent, may be remembered: the key and the state they were read at. */
const rememberable = new WeakMap<FastifyRequest, { readonly key: string; readonly state: ReadModelState }>();
/** Requests answered 304 from a remembered tag, without running the handler. */
const notModified = new WeakMap<FastifyRequest, string>();
const installed = new WeakSet<FastifyInstance>();

/**
 * Strong ETags on every JSON read under /api/v1, and 304 with no body when `If-None-Match`
 * names the current one. The tag is the hash of the bytes actually sent, taken in Fastify's
 * onSend hook: the body is serialised once, and the tag follows every change of it, whatever
 * the read model, the filters or the caller's areas. The hook runs after the handler, so after
 * the read-your-writes wait: a tag is never taken from a page older than `minPosition`.
 *
 * On `@TagCached()` routes the tag sent is also remembered for the request (method, URL, the
 * caller's role and areas) at the read models' state, and a repeat naming it is answered 304
 * here, after the guards and the read-your-writes wait, without running the query. Any write
 * to the read models changes the state and forgets every remembered tag.
 */
@Injectable()
export class EtagInterceptor implements NestInterceptor {
  private readonly tags = new TagCache();

  constructor(
    @Inject(HttpAdapterHost) host: HttpAdapterHost,
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(ProjectionRunner) private readonly runner: ProjectionRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    // Providers are built before Nest registers the routes, so the root hook reaches all of them.
    const fastify = host.httpAdapter?.getInstance<FastifyInstance>();
    if (fastify && !installed.has(fastify)) {
      installed.add(fastify);
      fastify.addHook('onSend', async (request, reply, payload) => this.revalidate(request, reply, payload));
    }
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest & { principal?: Principal }>();
    if (!((request.method === 'GET' || request.method === 'HEAD') && request.url.startsWith('/api/v1/'))) return next.handle();
    eligible.add(request);
    const state = this.state();
    if (!state || !request.principal || request.url.length > MAX_CACHED_URL || !this.reflector.get<boolean>(TAG_CACHED, context.getHandler())) return next.handle();
    const key = `${request.method} ${request.url} ${scopeOf(request.principal)}`;
    const known = this.tags.get(state, key);
    if (known !== undefined && noneMatchHits(request.headers['if-none-match'], known)) {
      notModified.set(request, known);
      return of(undefined);
    }
    rememberable.set(request, { key, state });
    return next.handle();
  }

  private state(): ReadModelState | undefined {
    return restingState(this.runner, this.config.projectionsInProcess);
  }

  private revalidate(request: FastifyRequest, reply: FastifyReply, payload: unknown): unknown {
    if (!eligible.has(request)) return payload;
    const known = notModified.get(request);
    if (known !== undefined) return answerNotModified(reply, known);
    // Streams (exports) and errors are neither tagged nor cached.
    if (reply.statusCode !== 200 || !(typeof payload === 'string' || Buffer.isBuffer(payload))) {
      if (reply.statusCode === 200) void reply.header('cache-control', 'private, no-store');
      return payload;
    }
    // Encoded once, for the hash and the socket alike: a string would be encoded to UTF-8 twice.
    const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
    const etag = etagOf(body);
    const read = rememberable.get(request);
    // Remembered only when nothing was written while the answer was made: then it is the answer at that state.
    if (read && this.state() === read.state) this.tags.set(read.state, read.key, etag);
    if (!noneMatchHits(request.headers['if-none-match'], etag)) {
      void reply.header('etag', etag).header('cache-control', READ_CACHE_CONTROL);
      return body;
    }
    return answerNotModified(reply, etag);
  }
}

function answerNotModified(reply: FastifyReply, etag: string): null {
  void reply.code(304).header('etag', etag).header('cache-control', READ_CACHE_CONTROL).removeHeader('content-type').removeHeader('content-length');
  return null;
}
