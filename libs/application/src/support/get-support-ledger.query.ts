import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { SupportFund } from '@pl/domain';
import {
  FundYearLedgerDoc, HouseholdLedgerDoc, LedgerTotals, ReadModels, SupportLedgerDoc, areaYearLedgerId, communeYearTotals, fundYearLedgerId, fundYearTotals,
  householdLedgerId, householdTotals, supportLedger,
} from '@pl/projections';

/** Which part of the ledger to total: one household, a commune in a year, or a fund in a year. */
export type LedgerSelector =
  | { readonly by: 'household'; readonly householdId: string }
  | { readonly by: 'commune-year'; readonly communeCode: string; readonly year: number }
  | { readonly by: 'fund-year'; readonly fund: SupportFund; readonly year: number };

/** The ledger's answer: the selector, totals by kind and year, and the exceptions among them. */
export type LedgerAnswer = LedgerTotals & { readonly selector: LedgerSelector };

export class GetSupportLedger extends Query<LedgerAnswer> {
  constructor(readonly selector: LedgerSelector) {
    super();
  }
}

@QueryHandler(GetSupportLedger)
export class GetSupportLedgerHandler implements IQueryHandler<GetSupportLedger, LedgerAnswer> {
  constructor(@Inject(ReadModels) private readonly readModels: ReadModels) {}

  async execute({ selector }: GetSupportLedger): Promise<LedgerAnswer> {
    const ledger = await this.readModels.live<SupportLedgerDoc>(supportLedger);
    switch (selector.by) {
      case 'household': {
        const doc = await ledger.get(householdLedgerId(selector.householdId));
        const empty: HouseholdLedgerDoc = { _id: '', _position: 0, scope: 'household', householdId: selector.householdId, communeCode: '', supportCommunes: [], entries: [], loans: {}, prior: [] };
        return { selector, ...householdTotals(doc?.scope === 'household' ? doc : empty) };
      }
      case 'commune-year': {
        // Totals follow the commune a household lived in when it was given support (see communeYearTotals).
        const docs: HouseholdLedgerDoc[] = [];
        for await (const d of ledger.findAll({ scope: 'household', supportCommunes: selector.communeCode })) if (d.scope === 'household') docs.push(d);
        const area = await ledger.get(areaYearLedgerId(selector.communeCode, selector.year));
        return { selector, ...communeYearTotals(docs, selector.communeCode, selector.year), areaActivities: area?.scope === 'area-year' ? area.activities : {} };
      }
      case 'fund-year': {
        const doc = await ledger.get(fundYearLedgerId(selector.fund, selector.year));
        return { selector, ...fundYearTotals(doc?.scope === 'fund-year' ? (doc as FundYearLedgerDoc) : undefined, selector.year) };
      }
    }
  }
}
