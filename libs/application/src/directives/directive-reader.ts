import { Inject, Injectable } from '@nestjs/common';
import {
  DirectiveEvent, DirectiveState, IssuedDirective, directiveStream, evolveDirective, initialDirectiveState, notFound, requireCitable, ruleViolated,
} from '@pl/domain';
import { EVENT_STORE, EventStore, readStreamOrEmpty } from '@pl/event-store';

/** A directive as its own stream tells it: the write side's truth, for area checks and citations. */
export async function readDirective(store: EventStore, directiveId: string): Promise<DirectiveState> {
  const events = await readStreamOrEmpty(store, directiveStream(directiveId));
  // Directive events carry no personal data, so they are read back as stored.
  return events.reduce((state, e) => evolveDirective(state, { type: e.type, data: e.data } as DirectiveEvent), initialDirectiveState());
}

/**
 * The directive a decision dated `onDate` cites. An unknown directive is 422 DIRECTIVE_NOT_FOUND,
 * not 404: the route's own resource exists, the request breaks the rule that a citation names a
 * recorded directive. A revoked one is 422 DIRECTIVE_REVOKED.
 */
export async function citableDirective(store: EventStore, directiveId: string, onDate: string): Promise<IssuedDirective> {
  const state = await readDirective(store, directiveId);
  if (!state.issued) throw ruleViolated('DIRECTIVE_NOT_FOUND', `the decision cites directive ${directiveId}, which is not recorded`, { directiveId });
  return requireCitable(state, directiveId, onDate as IssuedDirective['issuedOn']);
}

/** Reads directive streams for the application's handlers. */
@Injectable()
export class DirectiveReader {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** The issued directive, or 404 DIRECTIVE_NOT_FOUND. */
  async issued(directiveId: string): Promise<IssuedDirective> {
    const state = await readDirective(this.store, directiveId);
    if (!state.issued) throw notFound('DIRECTIVE_NOT_FOUND', `directive ${directiveId} is not recorded`, { directiveId });
    return state;
  }

  citable(directiveId: string, onDate: string): Promise<IssuedDirective> {
    return citableDirective(this.store, directiveId, onDate);
  }
}
