import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@pl/domain';
import { EVENT_STORE, EventStore } from '@pl/event-store';
import { randomUUID } from 'node:crypto';
import { Principal } from '../principal';
import { canSeePersonalData } from '../personal-data-visibility';

/** Stored type of an access-log entry. */
export const PERSONAL_DATA_ACCESSED = 'PersonalDataAccessed.v1';

/** The stream of reads of one household's personal data. */
export const accessLogStream = (householdId: string): string => `access-log-${householdId}`;

/** Who looked at whose personal data, when and why. */
export interface PersonalDataAccessed {
  readonly householdId: string;
  readonly subject: string;
  readonly role: string;
  readonly reason: string;
  readonly accessedAt: string;
  readonly route: string;
}

const MIN_REASON = 3;
const MAX_REASON = 500;

/**
 * Every read of personal data by an auditor is itself recorded (docs/domain-rules.md §6),
 * with the reason the auditor gave. Call it before the data leaves: no reason, no data.
 */
@Injectable()
export class PersonalDataAccessLog {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** Records the read when the caller is an auditor who may see personal data; throws `ACCESS_REASON_REQUIRED` without a reason. */
  async record(caller: Principal, householdId: string, access: { readonly reason?: string | string[]; readonly route: string }, now = new Date()): Promise<void> {
    if (caller.role !== 'auditor' || !canSeePersonalData(caller)) return;
    const reason = typeof access.reason === 'string' ? decodeReason(access.reason).trim() : '';
    if (reason.length < MIN_REASON || reason.length > MAX_REASON) {
      throw new DomainError('invalid', 'ACCESS_REASON_REQUIRED',
        `an auditor reading personal data states why in the X-Access-Reason header (${MIN_REASON}-${MAX_REASON} characters)`);
    }
    const accessedAt = now.toISOString();
    const data: PersonalDataAccessed = { householdId, subject: caller.subject, role: caller.role, reason, accessedAt, route: access.route };
    const id = randomUUID();
    await this.store.append(accessLogStream(householdId), [{
      eventId: id,
      type: PERSONAL_DATA_ACCESSED,
      data,
      metadata: {
        commandId: id, correlationId: id, causationId: id, recordedAt: accessedAt, schemaVersion: 1,
        actor: { id: caller.subject, role: caller.role, ...(caller.areas.length ? { unit: caller.areas.join(',') } : {}) },
      },
    }], 'any');
  }
}

/** Header values are ASCII: a reason in Vietnamese arrives percent-encoded as UTF-8 (`encodeURIComponent`). */
function decodeReason(raw: string): string {
  if (!/%[0-9A-Fa-f]{2}/.test(raw)) return raw;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
