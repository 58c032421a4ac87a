import { HouseholdCommand, HouseholdStatus, communeCode, householdDecider, householdId, householdStream, isoDate, vnd } from '@pl/domain';
import { MemoryEventStore } from '@pl/event-store';
import { join } from 'node:path';
import { CommandContext } from '../commands/command-context';
import { CommandExecutor } from '../commands/command-executor';
import { identityCodec } from '../commands/event-codec';
import { UnitDirectory } from '../wiring/unit-directory';
import { RecogniseHouseholds } from './recognise-households.command';
import { RecogniseHouseholdsHandler } from './recognise-households.handler';

const units = UnitDirectory.load({ adminUnitsFile: join(__dirname, '../../../../resources/admin-units/catalogue.json') });
const decision = { number: '12/QĐ-UBND', date: isoDate('2023-12-20'), issuer: 'UBND xã Thạch Khoán' };

function context(commandId: string, idempotent: boolean): CommandContext {
  return { actor: { id: 'reviewer-1', role: 'reviewer' }, commandId, correlationId: commandId, causationId: commandId, recordedAt: '2023-12-21T08:00:00.000Z', idempotent, ...(idempotent ? { requestHash: 'h1' } : {}) };
}

describe('RecogniseHouseholdsHandler', () => {
  let store: MemoryEventStore;
  let executor: CommandExecutor;
  let handler: RecogniseHouseholdsHandler;

  const given = async (id: string, commune: string, assessed: boolean) => {
    const hh = householdId(id);
    const commands: HouseholdCommand[] = [{
      type: 'RegisterHousehold',
      data: { householdId: hh, registeredOn: isoDate('2023-02-01'), address: { communeCode: communeCode(commune), village: 'Xóm 1' }, areaType: 'rural', memberCount: 3, ethnicMinority: false, policyFamily: false, personal: { headName: 'Lò Văn Páo' } },
    }];
    if (assessed) commands.push({ type: 'AssessHousehold', data: { householdId: hh, reviewYear: 2023, reviewKind: 'periodic', assessedOn: isoDate('2023-10-01'), incomePerPersonMonthly: vnd(900_000), deficientIndicators: ['nutrition', 'latrine', 'housing-area'], surveyor: 'Lan' } });
    for (const c of commands) await executor.execute(householdStream(id), householdDecider, c, context(`setup-${id}-${c.type}`, false));
  };
  const batch = (entries: [string, HouseholdStatus][], ctx: CommandContext, communeCode = '07900') =>
    new RecogniseHouseholds(decision, 2023, 'periodic', communeCode, entries.map(([id, to]) => ({ householdId: householdId(id), to })), ctx);
  const streamLength = async (id: string) => (await store.readStream(householdStream(id))).length;

  beforeEach(async () => {
    store = new MemoryEventStore();
    executor = new CommandExecutor(store, identityCodec);
    handler = new RecogniseHouseholdsHandler(executor, units);
    await given('a', '07900', true);
    await given('b', '07900', false);
    await given('c', '07906', true);
  });

  it('recognises each household on its own: refused entries change nothing and block no other', async () => {
    const result = await handler.execute(batch([['b', 'poor'], ['a', 'poor'], ['c', 'poor']], context('batch-1', false)));
    expect(result.results.map((r) => (r.outcome === 'refused' ? r.code : r.transition))).toEqual(['NO_ASSESSMENT_FOR_REVIEW_YEAR', 'newly-arising', 'HOUSEHOLD_NOT_IN_COMMUNE']);
    expect(result.totals).toEqual({ entries: 3, recognised: 1, refused: 2 });
    expect([await streamLength('a'), await streamLength('b'), await streamLength('c')]).toEqual([3, 1, 2]);
  });

  it('links every household\'s event to the decision\'s command', async () => {
    await handler.execute(batch([['a', 'poor']], context('batch-2', false)));
    const [, , recognised] = await store.readStream(householdStream('a'));
    expect(recognised.metadata).toMatchObject({ correlationId: 'batch-2', causationId: 'batch-2' });
    expect(recognised.metadata.commandId).not.toBe('batch-2');
  });

  it('appends nothing when an idempotent decision is run again, even without the stored answer', async () => {
    const first = await handler.execute(batch([['a', 'poor'], ['b', 'poor']], context('key-derived-id', true)));
    const again = await handler.execute(batch([['a', 'poor'], ['b', 'poor']], context('key-derived-id', true)));
    expect(again.results).toEqual(first.results);
    expect(await streamLength('a')).toBe(3);
  });

  it('accepts a household recorded in a commune since merged into the deciding one', async () => {
    const result = await handler.execute(batch([['a', 'poor']], context('batch-3', false), '07950'));
    expect(result.results[0]).toMatchObject({ outcome: 'recognised' });
  });

  it('refuses a decision that lists a household twice, before writing anything', async () => {
    await expect(handler.execute(batch([['a', 'poor'], ['a', 'near-poor']], context('batch-4', false)))).rejects.toMatchObject({ code: 'DUPLICATE_HOUSEHOLD_IN_DECISION' });
    expect(await streamLength('a')).toBe(2);
  });
});
