import { AreaType, NationalStandardId, PovertyStandard, Vnd, invalid, nationalStandard } from '@pl/domain';

/** A changed rule: a national standard's indicators and rule with other income lines or another deprivation threshold. */
export type ChangedRule = Readonly<{
  base: NationalStandardId;
  /** One line per area, VND per person per month; only for the single-line standards (2022-2025, 2026-2030). */
  lines?: Readonly<Record<AreaType, Vnd>>;
  deprivationThreshold?: number;
}>;

/** What a what-if classifies under: a national standard as enacted, or a changed rule. */
export type WhatIfRule = Readonly<{ kind: 'national'; standardId: NationalStandardId }> | Readonly<{ kind: 'changed'; rule: ChangedRule }>;

/** The standard a what-if runs, built once from the rule; a changed rule gets an id that spells out its parameters. */
export function whatIfStandard(choice: WhatIfRule): PovertyStandard {
  if (choice.kind === 'national') return nationalStandard(choice.standardId);
  const { base: baseId, lines, deprivationThreshold } = choice.rule;
  const base = nationalStandard(baseId);
  if (lines && base.income.kind !== 'single-line') {
    throw invalid('WHAT_IF_LINES_NOT_APPLICABLE', `standard ${baseId} has lower and upper lines: give changed lines only on a single-line standard`, { base: baseId });
  }
  const threshold = deprivationThreshold ?? base.deprivationThreshold;
  if (!Number.isInteger(threshold) || threshold < 1 || threshold > base.indicators.length) {
    throw invalid('INVALID_DEPRIVATION_THRESHOLD', `a deprivation threshold is a whole number from 1 to ${base.indicators.length}`, { deprivationThreshold: threshold });
  }
  const income = lines ? { kind: 'single-line' as const, lines } : base.income;
  const parts = [...(lines ? [`rural=${lines.rural}`, `urban=${lines.urban}`] : []), `threshold=${threshold}`];
  // The band's figures belong to the enacted lines; under changed lines it has no meaning.
  const { averageLivingStandard, ...rest } = base;
  return {
    ...rest,
    ...(averageLivingStandard && !lines ? { averageLivingStandard } : {}),
    id: `what-if:${baseId}(${parts.join(',')})`,
    legalSource: `${base.legalSource}, changed for a what-if`,
    income,
    deprivationThreshold: threshold,
  };
}
