import { join } from 'node:path';
import { MemoryEventStore } from '@pl/event-store';
import { UnitDirectory } from '../wiring/unit-directory';
import { recordReorganisations } from './record-reorganisations';

const units = UnitDirectory.load({ adminUnitsFile: join(__dirname, '..', '..', '..', '..', 'resources', 'admin-units', 'catalogue.json') });
const actor = { id: 'cli:admin', role: 'administrator' };

describe('recording the catalogue\'s reorganisations', () => {
  it('given an empty log, when recorded twice, then each reorganisation is an event once, with its resolution as legal basis', async () => {
    const events = new MemoryEventStore();
    const first = await recordReorganisations(events, units, actor);
    expect(first).toMatchObject({ recorded: units.catalogue.reorganisations.length, alreadyRecorded: 0 });
    const second = await recordReorganisations(events, units, actor);
    expect(second).toMatchObject({ recorded: 0, alreadyRecorded: units.catalogue.reorganisations.length });

    const stored = await events.readStream('admin-units');
    expect(stored.map((e) => e.type)).toEqual(units.catalogue.reorganisations.map(() => 'AdminUnitsReorganised.v1'));
    expect(stored[0].metadata).toMatchObject({ legalBasis: { number: '202/2025/QH15' }, effectiveDate: '2025-07-01', actor });
    expect(stored.find((e) => (e.data as { kind: string }).kind === 'merge' && JSON.stringify(e.data).includes('07950'))?.data).toMatchObject({
      mapping: expect.arrayContaining([{ from: '07900', to: '07950' }, { from: '07903', to: '07950' }]),
    });
  });
});
