import { DirectiveEvent, DirectiveEventType, DirectiveTarget } from '@pl/domain';
import { RecordedEvent } from '@pl/event-store';
import { Draft, Projection } from '../../projection';
import { AreaTarget, DirectiveTargetsDoc, areaYearKey } from './targets.document';

/** Name and version of the targets read model; its live collection is `collectionOf(directiveTargets)`. */
export const directiveTargets = { name: 'targets', version: 1 } as const;

const handled = new Set<string>([DirectiveEventType.Issued, DirectiveEventType.Amended, DirectiveEventType.Revoked]);

function placed(targets: readonly DirectiveTarget[], issuerCode: string | null): Pick<DirectiveTargetsDoc, 'targets' | 'areaYears'> {
  const list: AreaTarget[] = targets.map((t) => ({
    areaCode: t.areaCode ?? issuerCode, year: t.year, reducePoor: t.reducePoor ?? null, reduceNearPoor: t.reduceNearPoor ?? null,
    smartphoneCoveragePercent: t.smartphoneCoveragePercent ?? null,
  }));
  const areaYears = [...new Set(list.flatMap((t) => (t.areaCode ? [areaYearKey(t.areaCode, t.year)] : [])))];
  return { targets: list, areaYears };
}

function evolve(doc: DirectiveTargetsDoc | null, recorded: RecordedEvent, id: string): Draft<DirectiveTargetsDoc> | null {
  const event = { type: recorded.type, data: recorded.data } as DirectiveEvent;
  if (event.type === 'DirectiveIssued.v1') {
    const { directiveId, number, issuer, targets } = event.data;
    const issuerCode = issuer.code ?? null;
    return { _id: id, directiveId, number, issuerCode, ...placed(targets, issuerCode), revokedOn: null };
  }
  if (!doc) throw new Error(`${recorded.type} at position ${recorded.position} for a directive not seen issued`);
  if (event.type === 'DirectiveRevoked.v1') return { ...doc, revokedOn: event.data.revokedOn };
  if (event.type === 'DirectiveAmended.v1' && event.data.changes.targets) return { ...doc, ...placed(event.data.changes.targets, doc.issuerCode) };
  return doc;
}

/** The targets of every directive, findable by area and year. */
export const directiveTargetsProjection: Projection<DirectiveTargetsDoc> = {
  ...directiveTargets,
  handles: handled,
  indexes: [{ fields: ['areaYears'] }],
  keys: (event) => [(event.data as { directiveId: string }).directiveId],
  evolve,
};
