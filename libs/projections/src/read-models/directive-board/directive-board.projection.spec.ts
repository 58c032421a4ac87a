import { isoDate } from '@pl/domain';
import { COMMUNE_AN_SON, HEALTH_CENTRE, PLAN, STATION_AN_SON, forward, issued, reportFor } from '../../../../domain/src/directive/directive.fixtures';
import { project } from '../support-ledger/project.spec-helper';
import { boardAsOf } from './board-as-of';
import { DirectiveBoardDoc } from './directive-board.document';
import { directiveBoardProjection } from './directive-board.projection';

const ack = (recipientId: string, on: string) => ({ type: 'DirectiveAcknowledged.v1', data: { directiveId: PLAN, recipientId, acknowledgedOn: on } });
const reported = (recipientId: string, reportedOn: string, late: boolean) =>
  ({ type: 'DirectiveImplementationReported.v1', data: { ...reportFor(recipientId, '2023-H1', reportedOn).data, dueDate: '2023-06-15', late } });
const forwarded = { type: 'DirectiveForwarded.v1', data: forward().data };
const revoked = { type: 'DirectiveRevoked.v1', data: { directiveId: PLAN, revokedOn: '2023-09-01', byDocument: '52/QĐ-UBND', reason: 'replaced' } };

const boardOf = (events: readonly { type: string; data: unknown }[]) => project<DirectiveBoardDoc>(directiveBoardProjection, events).get(PLAN) as DirectiveBoardDoc;

describe('directive board projection', () => {
  const doc = boardOf([issued(), forwarded, ack(HEALTH_CENTRE.id, '2023-03-02'), ack(STATION_AN_SON.id, '2023-03-04'), reported(COMMUNE_AN_SON.id, '2023-06-20', true), revoked]);

  it('given a forward, acknowledgements and a late report, then the board on a date says who acknowledged, reported late and is overdue', () => {
    const board = boardAsOf(doc, isoDate('2023-07-01'));
    expect(board.acknowledged).toEqual([HEALTH_CENTRE.id, STATION_AN_SON.id]);
    expect(board.reportedLate).toEqual([COMMUNE_AN_SON.id]);
    expect(board.overdue).toEqual([{ recipientId: HEALTH_CENTRE.id, dueDate: '2023-06-15' }]);
    expect(board.recipients.map((r) => [r.id, r.via])).toEqual([[HEALTH_CENTRE.id, 'direct'], [COMMUNE_AN_SON.id, 'direct'], [STATION_AN_SON.id, HEALTH_CENTRE.id]]);
    expect(board.revoked).toBeNull();
  });

  it('given a date before the report came in, then its sender is overdue as it was on that day', () => {
    const board = boardAsOf(doc, isoDate('2023-06-16'));
    expect(board.overdue.map((o) => o.recipientId)).toEqual([HEALTH_CENTRE.id, COMMUNE_AN_SON.id]);
    expect(board.reportedLate).toEqual([]);
  });

  it('given a revocation, then nothing falls due after it', () => {
    const board = boardAsOf(doc, isoDate('2024-01-01'));
    expect(board.revoked).toMatchObject({ revokedOn: '2023-09-01' });
    expect(board.overdue.map((o) => o.dueDate)).toEqual(['2023-06-15']);
  });
});
