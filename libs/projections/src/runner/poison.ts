/** An event a projection failed on: the projection stops there until an operator retries or skips it. */
export interface PoisonedEvent {
  readonly projection: string;
  readonly position: number;
  readonly eventId: string;
  readonly type: string;
  readonly error: string;
}

/** Where each projection stands; what `/health/ready` and the CLI status report. */
export interface ProjectionStatus {
  readonly name: string;
  readonly version: number;
  readonly collection: string;
  readonly checkpoint: number;
  readonly state: 'catching-up' | 'live' | 'stopped';
  readonly poisoned?: PoisonedEvent;
}
