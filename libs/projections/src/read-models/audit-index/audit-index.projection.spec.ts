import { RecordedEvent, makeEvent } from '@pl/event-store';
import { auditIndexProjection } from './audit-index.projection';
import { AuditIndexDoc } from './audit-index.document';
import { foldAll } from '../../runner/fold';

let position = 0;
const recorded = (streamId: string, type: string, data: unknown, correlationId = 'c-1'): RecordedEvent => {
  const e = makeEvent(type, data);
  const metadata = { ...e.metadata, correlationId };
  position += 1;
  return { ...e, metadata, streamId, revision: 0, position, prevHash: '', hash: '' };
};

/** Folds events as the runner would, into a map of documents. */
function project(events: readonly RecordedEvent[]): Map<string, AuditIndexDoc> {
  return foldAll(auditIndexProjection, events);
}

describe('audit index', () => {
  it('given a household registered, relocated and granted support, then events carry subjects and residence has periods', () => {
    position = 0;
    const docs = project([
      recorded('household-h1', 'HouseholdRegistered.v1', { householdId: 'h1', address: { communeCode: '07900' } }),
      recorded('household-h1', 'HouseholdSupportGranted.v1', { householdId: 'h1', fund: 'central-budget' }, 'batch-9'),
      recorded('household-h1', 'HouseholdRelocated.v1', { householdId: 'h1', from: { communeCode: '07900' }, to: { communeCode: '07906' } }),
      recorded('commune-07906', 'CommuneRadioUpgraded.v1', { communeCode: '07906' }),
      recorded('audit-anchors', 'SomethingNew.v7', {}),
    ]);
    expect(docs.get('residence:h1')).toMatchObject({ communeCodes: ['07900', '07906'], periods: [{ communeCode: '07900', from: 1, to: 3 }, { communeCode: '07906', from: 3, to: null }] });
    expect(docs.get('event:000000000000002')).toMatchObject({ householdId: 'h1', fund: 'central-budget', correlationId: 'batch-9', actorId: 'officer-1' });
    expect(docs.get('event:000000000000004')).toMatchObject({ communeCode: '07906', streamId: 'commune-07906' });
    expect(docs.get('event:000000000000005')).toMatchObject({ kind: 'event', streamId: 'audit-anchors' });
  });
});
