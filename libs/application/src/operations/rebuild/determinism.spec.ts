import { HouseholdStatus, directiveStream, householdStream } from '@pl/domain';
import { EventStore, MemoryEventStore, makeEvent } from '@pl/event-store';
import { ProjectionRunner, ReadModels, RebuildService } from '@pl/projections';
import { Document, MemoryReadStore, ReadStore } from '@pl/read-store';
import { historyWithStatus } from '../../../../domain/src/household/household.fixtures';
import { disbursed, grant } from '../../../../domain/src/support/support.fixtures';
import { issued } from '../../../../domain/src/directive/directive.fixtures';
import { projectionsOf } from '../../wiring/projections';
import { UnitDirectory } from '../../wiring/unit-directory';

const units = UnitDirectory.load({ adminUnitsFile: 'resources/admin-units/catalogue.json' });
const COMMUNES = ['07906', '07909', '07912', '08950'];
const STATUSES: HouseholdStatus[] = ['poor', 'near-poor', 'escaped', 'not-listed'];

/** Households of every status in communes of the catalogue, loans to the poor ones, and a few directives. */
async function aLog(): Promise<EventStore> {
  const events = new MemoryEventStore();
  for (let n = 0; n < 120; n++) {
    const id = `hh-${n}`;
    const commune = COMMUNES[n % COMMUNES.length];
    const stored = historyWithStatus(STATUSES[n % STATUSES.length]).map((e) => {
      const data: Record<string, unknown> = { ...e.data, householdId: id };
      if (e.type === 'HouseholdRegistered.v1') data.address = { ...(e.data as { address: object }).address, communeCode: commune };
      if (e.type === 'HouseholdRecognised.v1') data.communeCode = commune;
      return makeEvent(e.type, data);
    });
    if (n % 4 === 0) stored.push(makeEvent('HouseholdLoanDisbursed.v1', { ...disbursed(1_000_000 * (1 + (n % 7))).data, householdId: id, loanId: `loan-${n}` }));
    if (n % 4 === 1) stored.push(makeEvent('HouseholdSupportGranted.v1', { ...grant({ grantId: `g-${n}` }).data, householdId: id, priorityGroup: 'poor', statusOnGrantDate: 'near-poor' }));
    await events.append(householdStream(id), stored, 'no-stream');
  }
  for (let d = 0; d < 5; d++) {
    const id = `kh-${d}-2025`;
    await events.append(directiveStream(id), [makeEvent('DirectiveIssued.v1', { ...issued().data, directiveId: id })], 'no-stream');
  }
  return events;
}

/** Every document of a collection as JSON, sorted by `_id`: the bytes two replays must share. */
async function dump(store: ReadStore, collection: string): Promise<string> {
  const docs: Document[] = [];
  for await (const doc of store.collection(collection).findAll()) docs.push(doc);
  return JSON.stringify(docs.sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0)));
}

describe('replay determinism', () => {
  it('given one log, when every projection is built twice, then both sets of collections are the same bytes', async () => {
    const events = await aLog();
    const projections = projectionsOf(units);
    const readStore = new MemoryReadStore();
    const runner = new ProjectionRunner(events, readStore, projections);
    await runner.start();
    expect(runner.poisoned()).toEqual([]);
    const service = new RebuildService(readStore, events, runner, new ReadModels(readStore), projectionsOf(units), { now: () => new Date() });

    for (const status of runner.snapshot()) {
      const { _id } = await service.start(status.name);
      const ready = await service.whenSettled(_id);
      expect(ready).toMatchObject({ state: 'ready', diff: { identical: true } });
      const first = await dump(readStore, status.collection);
      expect(first.length).toBeGreaterThan(2);
      expect(await dump(readStore, _id)).toBe(first);
      await service.abort(_id);
    }
    await runner.stop();
  });
});
