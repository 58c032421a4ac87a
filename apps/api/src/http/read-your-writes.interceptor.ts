import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import { APP_CONFIG, AppConfig, READ_MODEL_PROGRESS, ReadModelProgress } from '@pl/application';
import { DomainError } from '@pl/domain';
import type { FastifyRequest } from 'fastify';
import { Observable, from, switchMap } from 'rxjs';
import { minPositionOf } from './min-position';

/** A read with `minPosition` (or `X-Min-Position`) waits, up to a bound, for the read models to reach it. */
@Injectable()
export class ReadYourWritesInterceptor implements NestInterceptor {
  constructor(
    @Inject(READ_MODEL_PROGRESS) private readonly runner: ReadModelProgress,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (request.method !== 'GET') return next.handle();
    const position = minPositionOf(request.query, request.headers);
    if (position === undefined) return next.handle();
    return from(this.runner.waitFor(position, this.config.minPositionWaitMs)).pipe(
      switchMap((reached) => {
        if (!reached) {
          const stopped = this.runner.poisoned().map((p) => p.projection);
          throw new DomainError('unavailable', 'READ_MODEL_BEHIND',
            `the read models have applied position ${this.runner.position()}, not yet ${position}, after ${this.config.minPositionWaitMs} ms;` +
            (stopped.length ? ` stopped projections: ${stopped.join(', ')} (see /health/ready)` : ' retry shortly'),
            { minPosition: position, position: this.runner.position() });
        }
        return next.handle();
      }),
    );
  }
}
