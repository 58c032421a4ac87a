import { Event } from '../shared/decider';
import { AdminReorganisation } from './admin-unit';

/** The single stream that records every reorganisation of administrative units. */
export const ADMIN_UNITS_STREAM = 'admin-units';

export const AdminUnitsEventType = { Reorganised: 'AdminUnitsReorganised.v1' } as const;

/** Units were merged, split, renamed or a level abolished, by a resolution, from a date. */
export type AdminUnitsReorganised = Event<'AdminUnitsReorganised.v1', AdminReorganisation>;

export type AdminUnitsEvent = AdminUnitsReorganised;

export const isAdminUnitsEvent = (event: { type: string }): event is AdminUnitsEvent => event.type === AdminUnitsEventType.Reorganised;
