import { IssuedDirective, Recipient } from '@pl/domain';
import { Document } from '@pl/read-store';

/** One copy-on (sao gửi) as recorded. */
export interface BoardForward {
  readonly by: Recipient;
  readonly to: readonly Recipient[];
  readonly forwardedOn: string;
  readonly note: string | null;
}

/** One directive's life as its stream tells it, with every forwarding kept; overdue is computed when read. */
export interface DirectiveBoardDoc extends Document {
  readonly directiveId: string;
  readonly directive: IssuedDirective;
  readonly forwards: readonly BoardForward[];
}
