import { PovertyStandard } from '@pl/domain';
import { UnitLookup } from '@pl/projections';
import { HouseholdFactsDoc, SurveyFacts } from './household-facts.projection';
import { Judgement, judge, standingOfCategory, standingOfStatus } from './judge';
import { TransitionMatrix, countTransition, emptyMatrix } from './transition-matrix';
import { CommuneMatrix, ProvinceMatrix, WhatIfMove, WhatIfReport } from './what-if-report';

const bump = (counts: Map<string, number>, codes: readonly string[]) => codes.forEach((c) => counts.set(c, (counts.get(c) ?? 0) + 1));
const sortedRecord = (counts: Map<string, number>) => Object.fromEntries([...counts].sort(([a], [b]) => a.localeCompare(b)));

/** Counts households into the matrices of their commune, their province and the whole run, and lists those that would move. */
export class WhatIfTally {
  private readonly totals = emptyMatrix();
  private readonly communes = new Map<string, TransitionMatrix>();
  private readonly moves: WhatIfMove[] = [];
  private readonly missing = new Map<string, number>();
  private readonly dropped = new Map<string, number>();
  private considered = 0;
  private notAssessed = 0;
  private withMissing = 0;
  private withDropped = 0;

  constructor(private readonly standard: PovertyStandard, private readonly units: UnitLookup, private readonly asOf: string, private readonly areaCode?: string) {}

  /** Adds a household if it existed on the date and lies in the area asked about. */
  add(doc: HouseholdFactsDoc): void {
    if (doc.registeredOn > this.asOf || doc.dissolvedOn !== null || !this.inArea(doc.communeCode)) return;
    this.considered += 1;
    if (!doc.assessment) {
      this.notAssessed += 1;
      return;
    }
    const judgement = judge(this.standard, doc.areaType, doc.assessment);
    const from = standingOfStatus(doc.status);
    const to = standingOfCategory(judgement.classification.category);
    countTransition(this.totals, from, to);
    const commune = this.communes.get(doc.communeCode) ?? emptyMatrix();
    this.communes.set(doc.communeCode, commune);
    countTransition(commune, from, to);
    this.noteIndicators(judgement);
    if (from !== to) this.moves.push({ householdId: doc.householdId, communeCode: doc.communeCode, from, to, reasons: reasonsOf(doc.assessment, judgement) });
  }

  report(position: number): WhatIfReport {
    const { id, legalSource, income, indicators, deprivationThreshold } = this.standard;
    return {
      standard: { id, legalSource, income, indicators, deprivationThreshold },
      asOf: this.asOf,
      areaCode: this.areaCode ?? null,
      position,
      households: { considered: this.considered, classified: this.totals.households, notAssessed: this.notAssessed },
      totals: this.totals,
      provinces: this.byProvince(),
      indicators: {
        householdsWithMissingIndicators: this.withMissing,
        householdsWithDroppedIndicators: this.withDropped,
        missing: sortedRecord(this.missing),
        dropped: sortedRecord(this.dropped),
      },
      moves: [...this.moves].sort((a, b) => a.householdId.localeCompare(b.householdId)),
    };
  }

  private inArea(communeCode: string): boolean {
    const area = this.areaCode;
    if (area === undefined) return true;
    if (area.length === 2) return this.units.provinceOf(communeCode, '9999-12-31') === area;
    return communeCode === area || this.units.currentUnitsOf(communeCode).includes(area);
  }

  private noteIndicators({ missingIndicators, droppedIndicators }: Judgement): void {
    if (missingIndicators.length) this.withMissing += 1;
    if (droppedIndicators.length) this.withDropped += 1;
    bump(this.missing, missingIndicators);
    bump(this.dropped, droppedIndicators);
  }

  /** Communes as recorded, rolled up into today's province of each. */
  private byProvince(): ProvinceMatrix[] {
    const provinces = new Map<string | null, { matrix: TransitionMatrix; communes: CommuneMatrix[] }>();
    for (const [communeCode, matrix] of [...this.communes].sort(([a], [b]) => a.localeCompare(b))) {
      const provinceCode = this.units.provinceOf(communeCode, '9999-12-31') ?? null;
      const province = provinces.get(provinceCode) ?? { matrix: emptyMatrix(), communes: [] };
      provinces.set(provinceCode, province);
      province.communes.push({ communeCode, currentCommuneCodes: this.units.currentUnitsOf(communeCode), matrix });
      addInto(province.matrix, matrix);
    }
    return [...provinces].map(([provinceCode, p]) => ({ provinceCode, ...p })).sort((a, b) => String(a.provinceCode).localeCompare(String(b.provinceCode)));
  }
}

function addInto(sum: TransitionMatrix, part: TransitionMatrix): void {
  sum.households += part.households;
  sum.unchanged += part.unchanged;
  sum.moved += part.moved;
  for (const from of Object.keys(part.transitions) as (keyof TransitionMatrix['transitions'])[]) {
    for (const to of Object.keys(part.transitions[from]) as (keyof TransitionMatrix['transitions'])[]) sum.transitions[from][to] += part.transitions[from][to];
  }
}

function reasonsOf(survey: SurveyFacts, { classification, missingIndicators, droppedIndicators }: Judgement): WhatIfMove['reasons'] {
  const r = classification.reasons;
  return {
    assessedOn: survey.assessedOn,
    assessedUnder: survey.standardId,
    income: r.income,
    incomeLines: r.incomeLines,
    deprivations: r.deprivations,
    threshold: r.threshold,
    deficientIndicators: r.deficientIndicators,
    whatIfCategory: classification.category,
    missingIndicators,
    droppedIndicators,
  };
}
