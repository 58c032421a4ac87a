import { IsoDate } from '../shared/calendar';
import { notFound, ruleViolated } from '../shared/errors';
import { DirectiveState, IssuedDirective } from './directive.state';

/** Whether a decision dated `onDate` may cite the directive: issued by then and not revoked by then. */
export function isCitable(state: DirectiveState, onDate: IsoDate): boolean {
  if (!state.issued || onDate < state.issuedOn) return false;
  return !state.revoked || onDate < state.revoked.revokedOn;
}

/** The directive a grant or recognition cites, or the coded reason it may not be cited. */
export function requireCitable(state: DirectiveState, directiveId: string, onDate: IsoDate): IssuedDirective {
  if (!state.issued) throw notFound('DIRECTIVE_NOT_FOUND', `directive ${directiveId} is not recorded`, { directiveId });
  if (state.revoked && onDate >= state.revoked.revokedOn) {
    throw ruleViolated('DIRECTIVE_REVOKED', `directive ${state.number} was revoked on ${state.revoked.revokedOn} by ${state.revoked.byDocument}`, {
      directiveId,
      revokedOn: state.revoked.revokedOn,
    });
  }
  if (onDate < state.issuedOn) {
    throw ruleViolated('DIRECTIVE_NOT_YET_ISSUED', `directive ${state.number} was issued on ${state.issuedOn}, after ${onDate}`, { directiveId });
  }
  return state;
}
