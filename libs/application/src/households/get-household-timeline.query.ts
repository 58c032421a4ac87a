import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { Actor, LegalBasis, RecordedEvent } from '@pl/event-store';
import { AccessPolicy } from '../security/access-policy';
import { canSeePersonalData } from '../security/personal-data-visibility';
import { Principal } from '../security/principal';
import { PersonalData } from '../wiring/personal-data';
import { HouseholdStreamReader, currentCommuneOf } from './household-stream-reader';

/** One event of a household's history, as an auditor reads it. */
export interface TimelineEntry {
  readonly revision: number;
  readonly position: number;
  readonly type: string;
  readonly recordedAt: string;
  readonly effectiveDate: string | null;
  readonly actor: Actor;
  readonly legalBasis: LegalBasis | null;
  readonly correlationId: string;
  readonly causationId: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/** A household's history and the commune it lives in now. */
export interface HouseholdTimeline {
  readonly householdId: string;
  readonly communeCode: string;
  readonly events: readonly TimelineEntry[];
}

/** Every event of one household's stream, in order, for a caller who may read it. */
export class GetHouseholdTimeline extends Query<HouseholdTimeline> {
  constructor(readonly householdId: string, readonly principal: Principal) {
    super();
  }
}

@QueryHandler(GetHouseholdTimeline)
export class GetHouseholdTimelineHandler implements IQueryHandler<GetHouseholdTimeline, HouseholdTimeline> {
  constructor(
    @Inject(HouseholdStreamReader) private readonly streams: HouseholdStreamReader,
    @Inject(AccessPolicy) private readonly access: AccessPolicy,
    @Inject(PersonalData) private readonly personal: PersonalData,
  ) {}

  async execute({ householdId, principal }: GetHouseholdTimeline): Promise<HouseholdTimeline> {
    const events = await this.streams.events(householdId);
    const communeCode = currentCommuneOf(householdId, events);
    // Authorised before anything personal is opened.
    this.access.authorize(principal, 'household:read', { communeCode });
    const open = canSeePersonalData(principal);
    return { householdId, communeCode, events: await Promise.all(events.map((event) => this.entry(householdId, event, open))) };
  }

  private async entry(householdId: string, event: RecordedEvent, open: boolean): Promise<TimelineEntry> {
    const { personal, ...rest } = event.data as Record<string, unknown>;
    const data = open && personal !== undefined ? { ...rest, personal: await this.personal.open(householdId, personal) } : rest;
    const m = event.metadata;
    return {
      revision: event.revision,
      position: event.position,
      type: event.type,
      recordedAt: m.recordedAt,
      effectiveDate: m.effectiveDate ?? null,
      actor: m.actor,
      legalBasis: m.legalBasis ?? null,
      correlationId: m.correlationId,
      causationId: m.causationId,
      data,
    };
  }
}
