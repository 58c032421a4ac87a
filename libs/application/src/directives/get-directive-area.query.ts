import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, EventStore } from '@pl/event-store';
import { notFound } from '@pl/domain';
import { readDirective } from './directive-reader';

/** The area (province or commune code) of the body that issued a directive, from its stream; null when none was recorded. */
export class GetDirectiveArea extends Query<string | null> {
  constructor(readonly directiveId: string) {
    super();
  }
}

@QueryHandler(GetDirectiveArea)
export class GetDirectiveAreaHandler implements IQueryHandler<GetDirectiveArea, string | null> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ directiveId }: GetDirectiveArea): Promise<string | null> {
    const state = await readDirective(this.store, directiveId);
    if (!state.issued) throw notFound('DIRECTIVE_NOT_FOUND', `directive ${directiveId} is not recorded`, { directiveId });
    return state.issuer.code ?? null;
  }
}
