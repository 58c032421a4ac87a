import { DirectiveEvent, DirectiveEventType, evolveDirective } from '@pl/domain';
import { RecordedEvent } from '@pl/event-store';
import { Draft, Projection } from '../../projection';
import { BoardForward, DirectiveBoardDoc } from './directive-board.document';

/** Name and version of the directive board; its live collection is `collectionOf(directiveBoard)`. */
export const directiveBoard = { name: 'directive-board', version: 1 } as const;

// The board folds with the domain's own `evolveDirective`, so it cannot read a directive differently from the rules.
function evolve(doc: DirectiveBoardDoc | null, recorded: RecordedEvent, id: string): Draft<DirectiveBoardDoc> {
  const event = { type: recorded.type, data: recorded.data } as DirectiveEvent;
  const state = evolveDirective(doc?.directive ?? { issued: false }, event);
  if (!state.issued) throw new Error(`${recorded.type} at position ${recorded.position} for a directive the board has not seen issued`);
  const forwards = doc?.forwards ?? [];
  if (event.type !== 'DirectiveForwarded.v1') return { _id: id, directiveId: state.directiveId, directive: state, forwards };
  const { by, to, forwardedOn, note } = event.data;
  const forward: BoardForward = { by, to, forwardedOn, note: note ?? null };
  return { _id: id, directiveId: state.directiveId, directive: state, forwards: [...forwards, forward] };
}

/** Each directive's recipients, forwards, acknowledgements, reports and revocation. */
export const directiveBoardProjection: Projection<DirectiveBoardDoc> = {
  ...directiveBoard,
  handles: new Set<string>(Object.values(DirectiveEventType)),
  indexes: [],
  keys: (event) => [(event.data as { directiveId: string }).directiveId],
  evolve,
};
