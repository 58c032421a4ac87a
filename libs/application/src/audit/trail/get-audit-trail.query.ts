import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { notFound } from '@pl/domain';
import { RecordedEvent } from '@pl/event-store';
import { currentCommuneOf } from '../../households/household-stream-reader';
import { PersonalDataAccessLog } from '../../security/access-log/personal-data-access-log';
import { AccessPolicy } from '../../security/access-policy';
import { canSeePersonalData } from '../../security/personal-data-visibility';
import { Principal } from '../../security/principal';
import { PersonalData } from '../../wiring/personal-data';
import { AuditSubject, AuditTrailEntry, AuditTrailPage, AuditTrailRange } from './audit-subject';
import { TrailLocator } from './trail-locator';

/** Every event of one subject, in log order, as an auditor reads it; personal data opened only with a stated reason, and the read recorded. */
export class GetAuditTrail extends Query<AuditTrailPage> {
  constructor(
    readonly subject: AuditSubject,
    readonly range: AuditTrailRange,
    readonly principal: Principal,
    readonly access: { readonly reason?: string; readonly route: string },
  ) {
    super();
  }
}

@QueryHandler(GetAuditTrail)
export class GetAuditTrailHandler implements IQueryHandler<GetAuditTrail, AuditTrailPage> {
  constructor(
    @Inject(TrailLocator) private readonly locator: TrailLocator,
    @Inject(AccessPolicy) private readonly policy: AccessPolicy,
    @Inject(PersonalData) private readonly personal: PersonalData,
    @Inject(PersonalDataAccessLog) private readonly accessLog: PersonalDataAccessLog,
  ) {}

  async execute({ subject, range, principal, access }: GetAuditTrail): Promise<AuditTrailPage> {
    // Authorised before anything is read past the subject's area.
    const scoped = await this.authorize(subject, principal);
    const candidates = (await this.locator.candidates(subject, range.cursor ?? 0))
      .filter((c) => !scoped || this.policy.covers(principal, c.communeCode ? { communeCode: c.communeCode } : {}));
    const events: RecordedEvent[] = [];
    let more = false;
    // Page-sized chunks: a page reads the streams of about `limit` candidates, not the whole trail.
    for (let from = 0; from < candidates.length && !more; from += range.limit + 1) {
      for (const event of await this.locator.events(candidates.slice(from, from + range.limit + 1))) {
        if (!inRange(event, range)) continue;
        if (events.length === range.limit) { more = true; break; }
        events.push(event);
      }
    }
    const open = canSeePersonalData(principal);
    const households = [...new Set(events.filter((e) => hasPersonal(e)).map(householdOf))];
    // Recorded before the data leaves: no reason, no data.
    if (open) for (const householdId of households) await this.accessLog.record(principal, householdId, access);
    const entries = await Promise.all(events.map((e) => this.entry(e, open)));
    return { subject, entries, ...(more ? { nextCursor: String(events[events.length - 1].position) } : {}) };
  }

  /** Checks the subject's area; true when each event must also be checked (subjects that span areas). */
  private async authorize(subject: AuditSubject, principal: Principal): Promise<boolean> {
    switch (subject.kind) {
      case 'household': {
        const events = await this.locator.stream(`household-${subject.value}`);
        if (events.length === 0) throw notFound('HOUSEHOLD_NOT_FOUND', `household ${subject.value} is not registered`, { householdId: subject.value });
        this.policy.authorize(principal, 'audit:read', { communeCode: currentCommuneOf(subject.value, events) });
        return false;
      }
      case 'commune':
        this.policy.authorize(principal, 'audit:read', { communeCode: subject.value });
        return false;
      case 'directive': {
        const state = await this.locator.directive(subject.value);
        if (!state.issued) throw notFound('DIRECTIVE_NOT_FOUND', `directive ${subject.value} is not recorded`, { directiveId: subject.value });
        const area = state.issuer.code;
        this.policy.authorize(principal, 'audit:read', area ? (area.length === 5 ? { communeCode: area } : { provinceCode: area }) : {});
        return false;
      }
      default:
        this.policy.authorize(principal, 'audit:read');
        return !this.policy.covers(principal, {});
    }
  }

  private async entry(event: RecordedEvent, open: boolean): Promise<AuditTrailEntry> {
    const { personal, ...rest } = (typeof event.data === 'object' && event.data !== null ? event.data : { value: event.data }) as Record<string, unknown>;
    const data = open && personal !== undefined ? { ...rest, personal: await this.personal.open(householdOf(event), personal) } : rest;
    const m = event.metadata;
    return {
      position: event.position, streamId: event.streamId, revision: event.revision, eventId: event.eventId, type: event.type,
      recordedAt: m.recordedAt, effectiveDate: m.effectiveDate ?? null,
      actor: { id: m.actor.id, role: m.actor.role, unit: m.actor.unit ?? null },
      legalBasis: m.legalBasis ?? null, correlationId: m.correlationId, causationId: m.causationId, data,
    };
  }
}

const hasPersonal = (event: RecordedEvent): boolean => typeof event.data === 'object' && event.data !== null && 'personal' in event.data;
const householdOf = (event: RecordedEvent): string => String((event.data as { householdId?: unknown }).householdId ?? event.streamId.replace(/^household-/, ''));

function inRange(event: RecordedEvent, range: AuditTrailRange): boolean {
  const day = event.metadata.recordedAt.slice(0, 10);
  return (range.from === undefined || day >= range.from) && (range.to === undefined || day <= range.to);
}
