import { Inject, Injectable } from '@nestjs/common';
import { directiveStream, householdStream } from '@pl/domain';
import { EVENT_STORE, EventStore, RecordedEvent, readStreamOrEmpty } from '@pl/event-store';
import { AuditEventDoc, AuditIndexDoc, AuditResidenceDoc, ReadModels, auditIndex, auditResidenceId } from '@pl/projections';
import { Collection, Filter } from '@pl/read-store';
import { DirectiveState } from '@pl/domain';
import { readDirective } from '../../directives/directive-reader';
import { AuditSubject } from './audit-subject';

/** A candidate event of a trail: where it is, and the commune it concerned when it was recorded (for area checks). */
export interface TrailCandidate {
  readonly position: number;
  readonly streamId: string;
  readonly revision: number;
  readonly communeCode?: string;
}

/**
 * Finds the events of a subject: household and directive streams are read directly (the
 * write side's truth); communes, funds, actors and correlations through the audit index.
 */
@Injectable()
export class TrailLocator {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore, @Inject(ReadModels) private readonly readModels: ReadModels) {}

  /** The subject's events after `cursor`, in log order. */
  async candidates(subject: AuditSubject, cursor = 0): Promise<readonly TrailCandidate[]> {
    switch (subject.kind) {
      case 'household':
        return (await this.stream(householdStream(subject.value))).filter((e) => e.position > cursor);
      case 'directive':
        return (await this.stream(directiveStream(subject.value))).filter((e) => e.position > cursor);
      case 'commune':
        return this.commune(subject.value, cursor);
      case 'fund':
        return this.indexed({ kind: 'event', fund: subject.value }, cursor);
      case 'actor':
        return this.indexed({ kind: 'event', actorId: subject.value }, cursor);
      case 'correlation':
        return this.indexed({ kind: 'event', correlationId: subject.value }, cursor);
    }
  }

  /** The stored events of the candidates, in their order: one stream read per stream, not one read per event. */
  async events(candidates: readonly TrailCandidate[]): Promise<readonly RecordedEvent[]> {
    const byStream = new Map<string, number>();
    for (const c of candidates) byStream.set(c.streamId, Math.min(byStream.get(c.streamId) ?? c.revision, c.revision));
    const found = new Map<number, RecordedEvent>();
    for (const [streamId, fromRevision] of byStream) {
      for (const event of await this.stream(streamId, fromRevision)) found.set(event.position, event);
    }
    return candidates.flatMap((c) => found.get(c.position) ?? []);
  }

  /** A directive as its stream tells it, for the issuer's area. */
  directive(directiveId: string): Promise<DirectiveState> {
    return readDirective(this.store, directiveId);
  }

  /** A stream's events, none when it does not exist. */
  stream(streamId: string, fromRevision = 0): Promise<readonly RecordedEvent[]> {
    return readStreamOrEmpty(this.store, streamId, fromRevision);
  }

  /** The live audit index (it follows a blue/green switch). */
  private index(): Promise<Collection<AuditIndexDoc>> {
    return this.readModels.live<AuditIndexDoc>(auditIndex);
  }

  private async indexed(filter: Filter, cursor: number): Promise<readonly TrailCandidate[]> {
    const index = await this.index();
    const docs: AuditEventDoc[] = [];
    for await (const doc of index.findAll({ ...filter, position: { $gt: cursor } })) if (doc.kind === 'event') docs.push(doc);
    const households = [...new Set(docs.map((d) => d.householdId).filter((h): h is string => h !== undefined))];
    const residences = await index.getMany(households.map(auditResidenceId));
    return docs.map((d) => ({ ...d, communeCode: d.householdId ? communeAt(asResidence(residences.get(auditResidenceId(d.householdId))), d.position) : d.communeCode }));
  }

  /** The commune's own stream and events naming it, and its households' events while they lived there. */
  private async commune(code: string, cursor: number): Promise<readonly TrailCandidate[]> {
    const index = await this.index();
    const byPosition = new Map<number, TrailCandidate>();
    for await (const doc of index.findAll({ kind: 'event', communeCode: code, position: { $gt: cursor } })) {
      if (doc.kind === 'event') byPosition.set(doc.position, { ...doc, communeCode: code });
    }
    const periods = new Map<string, AuditResidenceDoc>();
    for await (const doc of index.findAll({ kind: 'residence', communeCodes: code })) if (doc.kind === 'residence') periods.set(doc.householdId, doc);
    if (periods.size > 0) {
      for await (const doc of index.findAll({ kind: 'event', householdId: { $in: [...periods.keys()] }, position: { $gt: cursor } })) {
        if (doc.kind === 'event' && communeAt(periods.get(doc.householdId as string), doc.position) === code) byPosition.set(doc.position, { ...doc, communeCode: code });
      }
    }
    return [...byPosition.values()].sort((a, b) => a.position - b.position);
  }
}

const asResidence = (doc: AuditIndexDoc | undefined): AuditResidenceDoc | undefined => (doc?.kind === 'residence' ? doc : undefined);

/** The commune a household lived in at a log position. */
function communeAt(residence: AuditResidenceDoc | undefined, position: number): string | undefined {
  return residence?.periods.find((p) => p.from <= position && (p.to === null || position < p.to))?.communeCode;
}
