/** How urgently a finding needs an auditor's eye. */
export type FindingSeverity = 'high' | 'medium' | 'low';

/** The rules audit findings name, with their severity; ids are stable, so reports and acknowledgements keep pointing at them. */
export const AUDIT_RULES = {
  'grant-not-eligible-on-date': 'high',
  'duplicate-one-off-support': 'high',
  'loan-above-cap': 'high',
  'loan-term-too-long': 'medium',
  'loan-wrong-rate': 'medium',
  'support-after-dissolution': 'high',
  'cites-revoked-directive': 'high',
  'recognition-without-decision-number': 'high',
  'periodic-review-outside-window-without-reason': 'medium',
  // Every exception is listed for review; the legal basis usually justifies it.
  'exception-granted': 'low',
} as const satisfies Readonly<Record<string, FindingSeverity>>;

export type AuditRuleId = keyof typeof AUDIT_RULES;

export const AUDIT_RULE_IDS = Object.keys(AUDIT_RULES) as readonly AuditRuleId[];

export const FINDING_SEVERITIES: readonly FindingSeverity[] = ['high', 'medium', 'low'];

export const isAuditRuleId = (value: string): value is AuditRuleId => Object.hasOwn(AUDIT_RULES, value);
