import { Command, Decider, assertNever } from '../shared/decider';
import { conflict } from '../shared/errors';
import { canonicalMapping } from './admin-units.mapping';
import { AdminReorganisation } from './admin-unit';
import { AdminUnitsEvent, AdminUnitsEventType } from './admin-units.events';

/** Record a reorganisation decided by a resolution (merge, split, rename, district level abolished). */
export type RecordReorganisation = Command<'RecordReorganisation', AdminReorganisation>;
export type AdminUnitsCommand = RecordReorganisation;

/** The reorganisations recorded so far, by resolution, kind and date. */
export interface AdminUnitsState {
  readonly recorded: Readonly<Record<string, string>>;
}

const keyOf = (r: AdminReorganisation) => `${r.resolution.number}|${r.kind}|${r.effectiveOn}`;

/**
 * The `admin-units` stream: each reorganisation once. Recording the same one again changes
 * nothing, so the catalogue file can be recorded as often as it is loaded; the same resolution,
 * kind and date with another mapping is a conflict to resolve by hand, not an overwrite.
 */
export const adminUnitsDecider: Decider<AdminUnitsCommand, AdminUnitsEvent, AdminUnitsState> = {
  initialState: () => ({ recorded: {} }),
  evolve: (state, event) => {
    switch (event.type) {
      case AdminUnitsEventType.Reorganised:
        return { recorded: { ...state.recorded, [keyOf(event.data)]: canonicalMapping(event.data) } };
      default:
        return assertNever(event.type, 'admin-units event');
    }
  },
  decide: (command, state) => {
    const key = keyOf(command.data);
    const known = state.recorded[key];
    if (known === undefined) return [{ type: AdminUnitsEventType.Reorganised, data: command.data }];
    if (known === canonicalMapping(command.data)) return [];
    throw conflict('REORGANISATION_DIFFERS', `resolution ${command.data.resolution.number} (${command.data.kind}, effective ${command.data.effectiveOn}) is recorded with another mapping; correct the catalogue or record a new resolution`, { resolution: command.data.resolution.number });
  },
};
