import { randomUUID } from 'node:crypto';
import { ADMIN_UNITS_STREAM, adminUnitsDecider } from '@pl/domain';
import { Actor, EventStore } from '@pl/event-store';
import { CommandExecutor } from '../commands/command-executor';
import { identityCodec } from '../commands/event-codec';
import { UnitDirectory } from '../wiring/unit-directory';

/** What recording the catalogue's reorganisations did. */
export interface RecordedReorganisations {
  readonly recorded: number;
  readonly alreadyRecorded: number;
  readonly position: number;
}

/**
 * Records every reorganisation of the unit catalogue on the `admin-units` stream, each with its
 * resolution and old-to-new mapping; one already recorded is left as it is, so running it again
 * after the catalogue gains a resolution records only the new one.
 */
export async function recordReorganisations(events: EventStore, units: UnitDirectory, actor: Actor, now: Date = new Date()): Promise<RecordedReorganisations> {
  const executor = new CommandExecutor(events, identityCodec);
  let recorded = 0;
  let alreadyRecorded = 0;
  let position = 0;
  for (const reorganisation of units.catalogue.reorganisations) {
    const commandId = randomUUID();
    const result = await executor.execute(ADMIN_UNITS_STREAM, adminUnitsDecider, { type: 'RecordReorganisation', data: reorganisation }, {
      actor, commandId, correlationId: commandId, causationId: commandId, recordedAt: now.toISOString(), idempotent: false,
    }, () => ({
      effectiveDate: reorganisation.effectiveOn,
      legalBasis: { number: reorganisation.resolution.number, date: reorganisation.resolution.date },
    }));
    if (result.events.length > 0) recorded++;
    else alreadyRecorded++;
    position = Math.max(position, result.position);
  }
  return { recorded, alreadyRecorded, position };
}
