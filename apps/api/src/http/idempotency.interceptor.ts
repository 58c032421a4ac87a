import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import { canonicalJson } from '@pl/event-store';
import { IDEMPOTENCY_STORE, IdempotencyStore, Principal, deterministicId } from '@pl/application';
import { DomainError } from '@pl/domain';
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Observable, from, of, switchMap, tap } from 'rxjs';
import { IdempotentRequest } from './command-context.decorator';

const KEY = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * `Idempotency-Key` on writes: the first answer is kept and replayed for the same key and
 * body; the same key with another body is refused (422). The key also fixes the command id,
 * so a retry after a crash derives the same event ids and appends nothing twice.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(@Inject(IDEMPOTENCY_STORE) private readonly store: IdempotencyStore) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest & { principal?: Principal; idempotent?: IdempotentRequest }>();
    const header = request.headers['idempotency-key'];
    if (request.method === 'GET' || request.method === 'HEAD' || header === undefined) return next.handle();
    if (typeof header !== 'string' || !KEY.test(header)) {
      throw new DomainError('invalid', 'INVALID_IDEMPOTENCY_KEY', 'Idempotency-Key must be 8-128 letters, digits, ".", "_", ":" or "-" (a UUID is a good choice)');
    }
    const scope = request.principal?.subject ?? 'anonymous';
    const requestHash = createHash('sha256').update(`${request.method} ${request.routeOptions.url}\n${request.url}\n${canonicalJson(request.body ?? null)}`).digest('hex');
    request.idempotent = { commandId: deterministicId('idempotency', scope, header), requestHash };
    const reply = http.getResponse<FastifyReply>();

    return from(this.store.get(scope, header)).pipe(
      switchMap((first) => {
        if (!first) {
          return next.handle().pipe(tap((body) => {
            void this.store.put({ scope, key: header, requestHash, status: reply.statusCode, body, createdAt: new Date().toISOString() });
          }));
        }
        if (first.requestHash !== requestHash) {
          throw new DomainError('rule-violated', 'IDEMPOTENCY_KEY_REUSED', 'this Idempotency-Key was already used with a different request; use a new key for a new request');
        }
        void reply.status(first.status).header('idempotent-replayed', 'true');
        return of(first.body);
      }),
    );
  }
}
