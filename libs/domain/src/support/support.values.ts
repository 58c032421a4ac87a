import { IsoDate } from '../shared/calendar';
import { DirectiveId } from '../shared/ids';

/** Where the money comes from (docs/domain-rules.md §3): funds name their source; xã hội hóa is `mobilised-contributions`, VBSP lends. */
export const SUPPORT_FUNDS = [
  'public-utility-telecom-fund',
  'provincial-budget',
  'national-target-programme',
  'mobilised-contributions',
  'vbsp',
] as const;
export type SupportFund = (typeof SUPPORT_FUNDS)[number];

/** What the household receives: a phone with a service bundle, money, goods, or a service paid for it. */
export type SupportForm = 'device-with-bundle' | 'cash' | 'in-kind' | 'service';

/** The decision that carries a grant or a loan; it may cite the directive it implements. */
export type SupportDecision = Readonly<{ number: string; date: IsoDate; issuer: string; directiveId?: DirectiveId }>;

/** The act that allows a grant the ordinary rules would refuse. */
export type SupportException = Readonly<{ legalBasis: Readonly<{ number: string; date: IsoDate }>; reason: string }>;

/** An exception as recorded, with the codes of the rules it set aside. */
export type RecordedException = SupportException & Readonly<{ overrides: readonly string[] }>;

/**
 * Smartphone priority order (docs/domain-rules.md §3, Circular 14/2022/TT-BTTTT): người có công
 * (meritorious service), gia đình chính sách (policy family), poor, near-poor.
 */
export type PriorityGroup = 'meritorious-service' | 'policy-family' | 'poor' | 'near-poor' | 'other';

/** Who may borrow at a preferential rate: the poor, the near-poor and the newly escaped (hộ mới thoát nghèo). */
export type BorrowerCategory = 'poor' | 'near-poor' | 'newly-escaped';

/** Which statuses a support kind serves; `newly-escaped` is the three-year window after leaving the lists. */
export type EligibleGroup = BorrowerCategory;
