import { IsoDate } from '../shared/calendar';
import { Vnd, vnd } from '../shared/money';
import { EligibleGroup, SupportFund, SupportForm } from './support.values';

/** The kinds of household support the registry records. */
export const SUPPORT_KIND_IDS = [
  'smartphone',
  'preferential-credit',
  'health-insurance',
  'tuition',
  'housing-new',
  'housing-repair',
  'job-creation-loan',
  'other',
] as const;
export type SupportKindId = (typeof SUPPORT_KIND_IDS)[number];

/** A ceiling on one grant, optionally for one form and between two dates (both inclusive). */
export type AmountLimit = Readonly<{ max: Vnd; form?: SupportForm; from?: IsoDate; to?: IsoDate; source: string }>;

/** What the law says about one kind of support: who, how often, how much, paid from where. */
export type SupportKind = Readonly<{
  id: SupportKindId;
  eligible: readonly EligibleGroup[];
  /** Given once per household, by this or any earlier programme. */
  oneOff: boolean;
  forms: readonly SupportForm[];
  funds: readonly SupportFund[];
  /** The most specific limit that applies wins: a dated one before an undated one. */
  limits: readonly AmountLimit[];
  /** Handled by loan disbursement, not by a grant. */
  loan: boolean;
  source: string;
}>;

const d = (s: string) => s as IsoDate;

// [unconfirmed] the 2024-25 housing campaign (phong trào xóa nhà tạm, nhà dột nát) raised the
// figures from its launch; the exact start and end days are configuration until checked.
const CAMPAIGN_FROM = d('2024-04-13');
const CAMPAIGN_TO = d('2025-12-31');

// Every figure of household support, beside its legal source (docs/domain-rules.md §3).
export const SUPPORT_KINDS: Readonly<Record<SupportKindId, SupportKind>> = {
  smartphone: {
    id: 'smartphone',
    eligible: ['poor', 'near-poor'],
    oneOff: true,
    forms: ['device-with-bundle', 'cash'],
    funds: ['public-utility-telecom-fund', 'provincial-budget', 'mobilised-contributions'],
    limits: [
      { max: vnd(500_000), form: 'cash', source: 'Circular 14/2022/TT-BTTTT; Decision 2269/QĐ-TTg: 500,000 VND per household towards a phone' },
    ],
    loan: false,
    source: 'Circular 14/2022/TT-BTTTT; Decision 2269/QĐ-TTg (public-utility telecom programme)',
  },
  'preferential-credit': {
    id: 'preferential-credit',
    eligible: ['poor', 'near-poor', 'newly-escaped'],
    oneOff: false,
    forms: ['cash'],
    funds: ['vbsp'],
    limits: [{ max: vnd(100_000_000), from: d('2019-01-01'), source: 'VBSP: cap 100 M VND per household since 2019' }],
    loan: true,
    source: 'Decision 28/2015/QĐ-TTg; VBSP lending rules',
  },
  'health-insurance': {
    id: 'health-insurance',
    eligible: ['poor', 'near-poor'],
    oneOff: false,
    forms: ['service'],
    funds: ['national-target-programme', 'provincial-budget'],
    limits: [],
    loan: false,
    source: 'Decree 188/2025: poor premium paid in full, near-poor at least 70 %',
  },
  tuition: {
    id: 'tuition',
    eligible: ['poor'],
    oneOff: false,
    forms: ['service', 'cash'],
    funds: ['national-target-programme', 'provincial-budget'],
    limits: [],
    loan: false,
    source: 'Decree 81/2021: poor households exempt',
  },
  'housing-new': {
    id: 'housing-new',
    eligible: ['poor', 'near-poor'],
    oneOff: true,
    forms: ['cash', 'in-kind'],
    funds: ['national-target-programme', 'provincial-budget', 'mobilised-contributions'],
    limits: [
      { max: vnd(60_000_000), from: CAMPAIGN_FROM, to: CAMPAIGN_TO, source: 'national target programme, 2024-25 campaign: 60 M VND per new house' },
      { max: vnd(40_000_000), source: 'national target programme: 40 M VND per new house' },
    ],
    loan: false,
    source: 'national target programme 2021-2025 (poor and near-poor households in poor districts)',
  },
  'housing-repair': {
    id: 'housing-repair',
    eligible: ['poor', 'near-poor'],
    oneOff: true,
    forms: ['cash', 'in-kind'],
    funds: ['national-target-programme', 'provincial-budget', 'mobilised-contributions'],
    limits: [
      { max: vnd(30_000_000), from: CAMPAIGN_FROM, to: CAMPAIGN_TO, source: 'national target programme, 2024-25 campaign: 30 M VND per repair' },
      { max: vnd(20_000_000), source: 'national target programme: 20 M VND per repair' },
    ],
    loan: false,
    source: 'national target programme 2021-2025 (poor and near-poor households in poor districts)',
  },
  'job-creation-loan': {
    id: 'job-creation-loan',
    eligible: ['poor', 'near-poor'],
    oneOff: false,
    forms: ['cash'],
    funds: ['vbsp'],
    limits: [],
    loan: false,
    source: 'Decree 61/2015/NĐ-CP, as amended: workers of poor and near-poor households first',
  },
  other: {
    id: 'other',
    eligible: ['poor', 'near-poor', 'newly-escaped'],
    oneOff: false,
    forms: ['device-with-bundle', 'cash', 'in-kind', 'service'],
    funds: ['provincial-budget', 'national-target-programme', 'mobilised-contributions'],
    limits: [],
    loan: false,
    source: 'the decision that grants it',
  },
};

export const isSupportKindId = (value: string): value is SupportKindId => (SUPPORT_KIND_IDS as readonly string[]).includes(value);

/** The limit on one grant of a kind, in a form, on a date: a dated limit in force wins over the standing one. */
export function limitOn(kind: SupportKind, form: SupportForm, on: IsoDate): AmountLimit | undefined {
  const applies = kind.limits.filter((l) => (!l.form || l.form === form) && (!l.from || on >= l.from) && (!l.to || on <= l.to));
  return applies.find((l) => l.from || l.to) ?? applies[0];
}
