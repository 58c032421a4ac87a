import { HouseholdEvent } from '@pl/domain';
import { assessed, historyWithStatus, recognised, registered } from '../../../../domain/src/household/household.fixtures';
import { MemoryEventStore, makeEvent } from '@pl/event-store';
import { MemoryReadStore } from '@pl/read-store';
import { Document } from '@pl/read-store';
import { Projection, collectionOf } from '../../projection';
import { ProjectionRunner } from '../../runner/projection-runner';
import { HouseholdRegistryDoc } from './household-registry.document';
import { householdRegistry, householdRegistryProjection } from './household-registry.projection';

const units = {
  provinceOf: (code: string) => (code === '00001' ? '01' : undefined),
  currentUnitsOf: (code: string) => (code === '00001' ? ['00009'] : [code]),
};

async function project(events: readonly HouseholdEvent[]): Promise<{ doc?: HouseholdRegistryDoc; dump: string }> {
  const store = new MemoryEventStore();
  for (const e of events) await store.append(`household-${e.data.householdId}`, [makeEvent(e.type, e.data)], 'any');
  const readModels = new MemoryReadStore();
  const runner = new ProjectionRunner(store, readModels, [householdRegistryProjection(units) as unknown as Projection<Document>]);
  await runner.start();
  await runner.stop();
  const collection = readModels.collection<HouseholdRegistryDoc>(collectionOf(householdRegistry));
  const all: HouseholdRegistryDoc[] = [];
  for await (const d of collection.findAll()) all.push(d);
  return { doc: all[0], dump: JSON.stringify(all) };
}

describe('household registry projection', () => {
  it('given a registration, then the household is listed as not-listed with its area as recorded and mapped', async () => {
    const { doc } = await project([registered()]);
    expect(doc).toMatchObject({
      householdId: 'hh-1', communeCode: '00001', provinceCode: '01', currentCommuneCodes: ['00009'], status: 'not-listed',
      active: true, memberCount: 4, ethnicMinority: true, history: [], _position: 1,
    });
  });

  it('given assessment and recognitions, then the status, history, review years and last decision follow', async () => {
    const { doc } = await project(historyWithStatus('escaped'));
    expect(doc).toMatchObject({
      status: 'escaped',
      reviewYears: [2023, 2024],
      lastDecision: { number: '2024/QĐ-UBND' },
      lastAssessment: { reviewYear: 2024 },
    });
    expect(doc?.history.map((h) => `${h.from}->${h.to}`)).toEqual(['not-listed->poor', 'poor->escaped']);
  });

  it('given the same events twice, then the read models are byte-identical', async () => {
    const events = [registered(), assessed(2023), recognised(2023, 'not-listed', 'near-poor')];
    expect((await project(events)).dump).toBe((await project(events)).dump);
  });

  it('given citizen-ID hashes beside the ciphertext and then an erasure, then the hashes and personal data are dropped, the facts kept', async () => {
    // As stored: the event codec put ciphertext in place of `personal` and the hashes beside it.
    const stored = { ...registered(), data: { ...registered().data, personal: { alg: 'A256GCM', ciphertext: 'x' }, citizenIdHashes: ['h-head'] } };
    const withHashes = stored as unknown as HouseholdEvent;
    const before = await project([withHashes]);
    expect(before.doc).toMatchObject({ citizenIdHashes: ['h-head'], personalDataErased: false, personal: { ciphertext: 'x' } });

    const erased: HouseholdEvent = {
      type: 'HouseholdPersonalDataErased.v1',
      data: { householdId: registered().data.householdId, erasedOn: registered().data.registeredOn, legalBasis: { number: '1/QĐ', date: registered().data.registeredOn }, reason: 'request' },
    };
    const after = await project([withHashes, erased]);
    expect(after.doc).toMatchObject({ citizenIdHashes: [], personalDataErased: true, personal: null, status: 'not-listed', memberCount: 4, active: true });
  });
});
