import { MemoryEventStore } from '@pl/event-store';
import { DomainError } from '@pl/domain';
import { Principal } from '../principal';
import { PERSONAL_DATA_ACCESSED, PersonalDataAccessLog, accessLogStream } from './personal-data-access-log';

const auditor: Principal = { subject: 'auditor-7', role: 'auditor', areas: ['25'] };
const officer: Principal = { subject: 'officer-1', role: 'commune-officer', areas: ['07906'] };
const route = 'GET /api/v1/households/:householdId';
const at = new Date('2026-03-02T08:00:00.000Z');

async function logged(store: MemoryEventStore): Promise<readonly { type: string; data: unknown }[]> {
  try {
    return await store.readStream(accessLogStream('hh-1'));
  } catch {
    return [];
  }
}

describe('the personal-data access log', () => {
  it('given an auditor with a reason, when personal data is read, then who, whose, when, why and where are recorded', async () => {
    const store = new MemoryEventStore();
    await new PersonalDataAccessLog(store).record(auditor, 'hh-1', { reason: 'inspection plan 2026/KH-TTr', route }, at);
    const events = await logged(store);
    expect(events.map((e) => [e.type, e.data])).toEqual([[PERSONAL_DATA_ACCESSED, {
      householdId: 'hh-1', subject: 'auditor-7', role: 'auditor', reason: 'inspection plan 2026/KH-TTr', accessedAt: at.toISOString(), route,
    }]]);
  });

  it.each([[undefined], ['  ab '], ['x'.repeat(501)], [['two', 'headers']]])('given an auditor with reason %p, then refused with ACCESS_REASON_REQUIRED and nothing recorded', async (reason) => {
    const store = new MemoryEventStore();
    const attempt = new PersonalDataAccessLog(store).record(auditor, 'hh-1', { reason, route }, at);
    await expect(attempt).rejects.toBeInstanceOf(DomainError);
    await expect(attempt).rejects.toMatchObject({ code: 'ACCESS_REASON_REQUIRED', kind: 'invalid' });
    expect(await logged(store)).toEqual([]);
  });

  it('given a commune officer, when personal data is read, then nothing is required or recorded', async () => {
    const store = new MemoryEventStore();
    await new PersonalDataAccessLog(store).record(officer, 'hh-1', { route }, at);
    expect(await logged(store)).toEqual([]);
  });
});
