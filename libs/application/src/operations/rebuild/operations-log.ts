/** The stream of operator actions on projections: what was skipped, by whom, and why. */
export const OPERATIONS_LOG = 'operations-log';

/** Stored type of a skipped poisoned event. */
export const PROJECTION_EVENT_SKIPPED = 'ProjectionEventSkipped.v1';

/** An event a projection could not apply and an operator chose to pass over, with the reason. */
export interface ProjectionEventSkipped {
  readonly projection: string;
  readonly version: number;
  readonly collection: string;
  readonly position: number;
  readonly eventId: string;
  readonly type: string;
  readonly error: string;
  readonly reason: string;
  readonly skippedBy: { readonly subject: string; readonly role: string };
}
