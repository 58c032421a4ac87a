import { vnd } from '../shared/money';
import { NationalStandardId, PovertyStandard } from './poverty-standard';

// Every figure of the national standards lives here, beside its legal source (docs/domain-rules.md §1).

const INDICATORS_2016 = [
  // Decision 59/2015/QĐ-TTg art. 2: 10 indicators in 5 dimensions.
  'health-service-access', 'health-insurance',
  'adult-education', 'child-school-attendance',
  'housing-quality', 'housing-area',
  'water-source', 'latrine',
  'telecom-use', 'information-assets',
] as const;

const INDICATORS_2022 = [
  // Decree 07/2021/NĐ-CP art. 3: 12 indicators in 6 dimensions.
  'employment', 'dependants',
  'nutrition', 'health-insurance',
  'adult-education', 'child-school-attendance',
  'housing-quality', 'housing-area',
  'water-source', 'latrine',
  'telecom-use', 'information-assets',
] as const;

// [unconfirmed] Decree 351/2025/NĐ-CP: the list as reported (adds waste handling and digital
// access, drops information assets); its final count is not yet checked against the text.
const INDICATORS_2026 = [
  'employment', 'dependants',
  'nutrition', 'health-insurance',
  'adult-education', 'child-school-attendance',
  'housing-quality', 'housing-area',
  'water-source', 'latrine', 'waste-handling',
  'telecom-use', 'digital-services', 'internet-access',
] as const;

/** The national poverty standards, by id. */
export const NATIONAL_STANDARDS: Readonly<Record<NationalStandardId, PovertyStandard>> = {
  '2016-2020': {
    id: '2016-2020',
    legalSource: 'Decision 59/2015/QĐ-TTg; extended to the 2021 review by Decree 07/2021/NĐ-CP art. 2',
    reviewYears: { first: 2016, last: 2021 },
    income: {
      kind: 'lower-upper',
      // Decision 59/2015/QĐ-TTg art. 1.
      lines: {
        rural: { lower: vnd(700_000), upper: vnd(1_000_000) },
        urban: { lower: vnd(900_000), upper: vnd(1_300_000) },
      },
    },
    indicators: INDICATORS_2016,
    deprivationThreshold: 3,
    // Band (rural 1.0-1.5 M, urban 1.3-1.95 M) is [unconfirmed]: left out until checked.
  },
  '2022-2025': {
    id: '2022-2025',
    legalSource: 'Decree 07/2021/NĐ-CP art. 3 (kept for the 2026 review), amended by Decree 30/2025/NĐ-CP',
    reviewYears: { first: 2022, last: 2026 },
    income: {
      kind: 'single-line',
      // Decree 07/2021/NĐ-CP art. 3.
      lines: { rural: vnd(1_500_000), urban: vnd(2_000_000) },
    },
    indicators: INDICATORS_2022,
    deprivationThreshold: 3,
    // Decree 07/2021/NĐ-CP art. 3; Decree 30/2025/NĐ-CP keeps the same ceilings.
    averageLivingStandard: {
      rural: { above: vnd(1_500_000), upTo: vnd(2_250_000) },
      urban: { above: vnd(2_000_000), upTo: vnd(3_000_000) },
    },
  },
  '2026-2030': {
    id: '2026-2030',
    legalSource: 'Decree 351/2025/NĐ-CP of 30 December 2025',
    reviewYears: { first: 2027, last: 2030 },
    income: {
      kind: 'single-line',
      // Decree 351/2025/NĐ-CP.
      lines: { rural: vnd(2_200_000), urban: vnd(2_800_000) },
    },
    indicators: INDICATORS_2026,
    deprivationThreshold: 3,
    // Average-living-standard band: [unconfirmed], left out until checked.
  },
};
