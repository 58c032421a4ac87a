import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import { HttpAdapterHost, Reflector } from '@nestjs/core';
import { APP_CONFIG, AppConfig, Principal } from '@pl/application';
import { ProjectionRunner } from '@pl/projections';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Observable, of } from 'rxjs';
import { etagOf, noneMatchHits } from './etag';
import { Answer, AnswerCache, ReadModelState, TAG_CACHED, restingState, scopeOf } from './tag-cache';

/** Answers carrying personal data may be kept by the caller's own client only, and revalidated every time. */
export const READ_CACHE_CONTROL = 'private, no-cache';

// Longer URLs are answered as usual, not remembered: the cache stays small.
const MAX_CACHED_URL = 2048;

/**
 * What the interceptor found out about a request, for the onSend hook: kept on the request itself
 * (weak maps keyed by requests would keep short-lived objects alive through young-generation
 * collections and push them into the old one, at thousands of requests a second).
 */
interface Tagging {
  /** Tag-cached: the answer, once sent, may be remembered under this key at this state. */
  rememberable?: { readonly key: string; readonly state: ReadModelState };
  /** Answered from a remembered answer (200 with its bytes, or 304), without running the handler. */
  remembered?: Answer;
}
const TAGGING = Symbol('tagging');
type TaggedRequest = FastifyRequest & { [TAGGING]?: Tagging };

const installed = new WeakSet<FastifyInstance>();

/**
 * Strong ETags on every JSON read under /api/v1, and 304 with no body when `If-None-Match`
 * names the current one. The tag is the hash of the bytes actually sent, taken in Fastify's
 * onSend hook: the body is serialised once, and the tag follows every change of it, whatever
 * the read model, the filters or the caller's areas. The hook runs after the handler, so after
 * the read-your-writes wait: a tag is never taken from a page older than `minPosition`.
 *
 * On `@TagCached()` routes the answer sent (tag and bytes) is also remembered for the request
 * (method, URL, the caller's role and areas) at the read models' state, and a repeat is answered
 * from it here, after the guards and the read-your-writes wait (interceptors registered before
 * this one), without running the pipes or the query: 304 when it names the tag, else 200 with
 * the same bytes and headers. Any write to the read models changes the state and forgets all.
 */
@Injectable()
export class EtagInterceptor implements NestInterceptor {
  private readonly answers = new AnswerCache();

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
    const request = context.switchToHttp().getRequest<TaggedRequest & { principal?: Principal }>();
    if (!((request.method === 'GET' || request.method === 'HEAD') && request.url.startsWith('/api/v1/'))) return next.handle();
    const tagging: Tagging = (request[TAGGING] = {});
    const state = this.state();
    if (!state || !request.principal || request.url.length > MAX_CACHED_URL || !this.reflector.get<boolean>(TAG_CACHED, context.getHandler())) return next.handle();
    const key = `${request.method} ${request.url} ${scopeOf(request.principal)}`;
    const known = this.answers.get(state, key);
    if (known !== undefined && replayable(request, known)) {
      tagging.remembered = known;
      return of(undefined);
    }
    tagging.rememberable = { key, state };
    return next.handle();
  }

  private state(): ReadModelState | undefined {
    return restingState(this.runner, this.config.projectionsInProcess);
  }

  private revalidate(request: TaggedRequest, reply: FastifyReply, payload: unknown): unknown {
    const tagging = request[TAGGING];
    if (tagging === undefined) return payload;
    const known = tagging.remembered;
    if (known !== undefined) return replay(request, reply, known);
    // Streams (exports) and errors are neither tagged nor cached.
    if (reply.statusCode !== 200 || !(typeof payload === 'string' || Buffer.isBuffer(payload))) {
      if (reply.statusCode === 200) void reply.header('cache-control', 'private, no-store');
      return payload;
    }
    // Encoded once, for the hash, the socket and the cache alike: a string would be encoded to UTF-8 twice.
    const body = typeof payload === 'string' ? encode(payload) : payload;
    const etag = etagOf(body);
    const read = tagging.rememberable;
    // Remembered only when nothing was written while the answer was made: then it is the answer at that state.
    if (read && this.state() === read.state) this.answers.set(read.state, read.key, etag, body, contentTypeOf(reply));
    return answer(request, reply, etag, body);
  }
}

/**
 * Whether a remembered answer can stand for the handler's: always when its bytes were kept;
 * without them (too large), only as a 304 to a GET, since a 304 to HEAD carries the body's length.
 */
function replayable(request: FastifyRequest, known: Answer): boolean {
  return known.body !== undefined || (request.method === 'GET' && noneMatchHits(request.headers['if-none-match'], known.etag));
}

/** A remembered answer as the handler's would go: its type, then what `answer` sets. */
function replay(request: FastifyRequest, reply: FastifyReply, known: Answer): Buffer | null {
  if (known.contentType !== undefined) void reply.header('content-type', known.contentType);
  return answer(request, reply, known.etag, known.body ?? Buffer.alloc(0));
}

function answer(request: FastifyRequest, reply: FastifyReply, etag: string, body: Buffer): Buffer | null {
  if (!noneMatchHits(request.headers['if-none-match'], etag)) {
    void reply.header('etag', etag).header('cache-control', READ_CACHE_CONTROL);
    return body;
  }
  void reply.code(304).header('etag', etag).header('cache-control', READ_CACHE_CONTROL).removeHeader('content-type').removeHeader('content-length');
  // Fastify's HEAD route drops the body after taking its length for Content-Length (the 200's, as
  // RFC 9110 §8.6 allows on a 304), and fails on null.
  return request.method === 'HEAD' ? body : null;
}

/**
 * UTF-8 in a buffer of its own and of its exact size, so the answer cache keeps it as it is:
 * `Buffer.from` gives a slice of the shared pool, or of a buffer sized for the worst case.
 */
function encode(text: string): Buffer {
  const bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(text));
  bytes.write(text);
  return bytes;
}

function contentTypeOf(reply: FastifyReply): string | undefined {
  const type = reply.getHeader('content-type');
  return typeof type === 'string' ? type : undefined;
}
