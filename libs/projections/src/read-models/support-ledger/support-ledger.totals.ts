import { SupportKindId } from '@pl/domain';
import { AreaActivities, FundYearLedgerDoc, HouseholdLedgerDoc, KindTotal, LedgerEntry, LedgerException } from './support-ledger.document';

/** One line of a ledger answer: a kind in a year. */
export interface LedgerLine extends KindTotal {
  readonly kind: SupportKindId;
  readonly year: number;
}

/** Totals by kind and year, the grand total and the exceptions among them. */
export interface LedgerTotals {
  readonly lines: readonly LedgerLine[];
  readonly total: KindTotal;
  readonly exceptions: readonly LedgerException[];
  /** Support to communes as a whole (radio upgrades, training, communication); not in `total`, which counts households' support. */
  readonly areaActivities?: AreaActivities;
}

const byKindThenYear = (a: LedgerLine, b: LedgerLine) => a.kind.localeCompare(b.kind) || a.year - b.year;

function totalsOfLines(lines: readonly LedgerLine[], exceptions: readonly LedgerException[]): LedgerTotals {
  const sorted = [...lines].sort(byKindThenYear);
  const total = sorted.reduce((t, l) => ({ count: t.count + l.count, amount: t.amount + l.amount }), { count: 0, amount: 0 });
  return { lines: sorted, total, exceptions };
}

function linesOf(entries: readonly (LedgerEntry & { householdId: string })[]): LedgerTotals {
  const lines = new Map<string, LedgerLine>();
  for (const e of entries) {
    const key = `${e.kind}|${e.year}`;
    const line = lines.get(key) ?? { kind: e.kind, year: e.year, count: 0, amount: 0 };
    lines.set(key, { ...line, count: line.count + 1, amount: line.amount + e.amount });
  }
  const exceptions = entries.flatMap((e) =>
    e.exception ? [{ householdId: e.householdId, ref: e.ref, kind: e.kind, on: e.on, communeCode: e.communeCode, exception: e.exception }] : [],
  );
  return totalsOfLines([...lines.values()], exceptions);
}

/** Everything one household received, by kind and year. */
export const householdTotals = (doc: HouseholdLedgerDoc): LedgerTotals => linesOf(doc.entries.map((e) => ({ ...e, householdId: doc.householdId })));

/**
 * What households received in a commune in a year: each entry counts where the household lived
 * on the day it was given, so a later move does not carry its support to another commune.
 */
export function communeYearTotals(docs: readonly HouseholdLedgerDoc[], communeCode: string, year: number): LedgerTotals {
  const entries = docs.flatMap((d) => d.entries.filter((e) => e.communeCode === communeCode && e.year === year).map((e) => ({ ...e, householdId: d.householdId })));
  return linesOf(entries);
}

/** What a fund paid in a year, by kind. */
export function fundYearTotals(doc: FundYearLedgerDoc | undefined, year: number): LedgerTotals {
  if (!doc) return totalsOfLines([], []);
  const lines = Object.entries(doc.byKind).map(([kind, t]) => ({ kind: kind as SupportKindId, year, count: t?.count ?? 0, amount: t?.amount ?? 0 }));
  return { ...totalsOfLines(lines, doc.exceptions), areaActivities: doc.areaActivities ?? {} };
}
