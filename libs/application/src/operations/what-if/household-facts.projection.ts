import { AreaType, HouseholdEvent, HouseholdEventType, HouseholdStatus, assertNever } from '@pl/domain';
import { Document } from '@pl/read-store';
import { Draft, Projection } from '@pl/projections';

/** The survey a what-if classifies: the latest assessment on or before the date asked about. */
export type SurveyFacts = Readonly<{
  reviewYear: number;
  assessedOn: string;
  standardId: string;
  incomePerPersonMonthly: number;
  deficientIndicators: readonly string[];
  indicatorsAssessed: readonly string[];
}>;

/** What the history says about one household on a date; a scratch document, never a live read model. */
export interface HouseholdFactsDoc extends Document {
  readonly householdId: string;
  readonly registeredOn: string;
  readonly dissolvedOn: string | null;
  /** As recorded on the latest address on or before the date; never rewritten after a reorganisation. */
  readonly communeCode: string;
  readonly areaType: AreaType;
  readonly addressSince: string;
  readonly assessment: SurveyFacts | null;
  /** The status the latest decision on or before the date gave. */
  readonly status: HouseholdStatus;
  readonly statusSince: string | null;
}

/**
 * Folds household events into the facts of each household on `asOf`. Facts dated after it are
 * ignored, whenever they were recorded; of two facts on the same day the later recorded wins.
 */
export function householdFactsProjection(asOf: string): Projection<HouseholdFactsDoc> {
  const onOrBefore = (day: string, since: string | null | undefined) => day <= asOf && (since === null || since === undefined || day >= since);

  function evolve(doc: HouseholdFactsDoc | null, event: HouseholdEvent): Draft<HouseholdFactsDoc> | null {
    if (event.type === HouseholdEventType.Registered) {
      const d = event.data;
      return {
        _id: d.householdId, householdId: d.householdId, registeredOn: d.registeredOn, dissolvedOn: null,
        communeCode: d.address.communeCode, areaType: d.areaType, addressSince: d.registeredOn,
        assessment: null, status: 'not-listed', statusSince: null,
      };
    }
    if (!doc) return null;
    switch (event.type) {
      case HouseholdEventType.Assessed: {
        const d = event.data;
        if (!onOrBefore(d.assessedOn, doc.assessment?.assessedOn)) return doc;
        const { reviewYear, assessedOn, standardId, incomePerPersonMonthly, deficientIndicators, indicatorsAssessed } = d;
        return { ...doc, assessment: { reviewYear, assessedOn, standardId, incomePerPersonMonthly, deficientIndicators, indicatorsAssessed } };
      }
      case HouseholdEventType.Recognised: {
        const { to, decision } = event.data;
        return onOrBefore(decision.date, doc.statusSince) ? { ...doc, status: to, statusSince: decision.date } : doc;
      }
      case HouseholdEventType.Relocated: {
        const { to, areaType, movedOn } = event.data;
        return onOrBefore(movedOn, doc.addressSince) ? { ...doc, communeCode: to.communeCode, areaType, addressSince: movedOn } : doc;
      }
      case HouseholdEventType.Dissolved:
        return event.data.dissolvedOn <= asOf ? { ...doc, dissolvedOn: event.data.dissolvedOn } : doc;
      case HouseholdEventType.MembersChanged:
      case HouseholdEventType.CausesRecorded:
      case HouseholdEventType.PersonalDataErased:
        return doc;
      default:
        return assertNever(event, 'household event');
    }
  }

  return {
    name: 'what-if-household-facts',
    version: 1,
    handles: new Set(Object.values(HouseholdEventType)),
    indexes: [],
    keys: (event) => [(event.data as { householdId: string }).householdId],
    evolve: (doc, recorded) => evolve(doc, { type: recorded.type, data: recorded.data } as HouseholdEvent),
  };
}
