import { invalid, isIsoDate } from '@pl/domain';
import { EventStore } from '@pl/event-store';
import { UnitLookup, applyBatch } from '@pl/projections';
import { MemoryReadStore } from '@pl/read-store';
import { HouseholdFactsDoc, householdFactsProjection } from './household-facts.projection';
import { WhatIfRule, whatIfStandard } from './what-if-standard';
import { WhatIfTally } from './what-if-tally';
import { WhatIfReport } from './what-if-report';

/** A what-if: which standard, on which date, over which area (a 5-digit commune, as recorded or today's, or a 2-digit province). */
export type WhatIfRequest = Readonly<{ rule: WhatIfRule; asOf: string; areaCode?: string }>;

/** Told after each batch of the log: how far the run has read, and where it stops. */
export type WhatIfProgress = (position: number, head: number) => void;

const BATCH = 1000;
const AREA = /^(\d{2}|\d{5})$/;

/**
 * Replays the log up to its current head into a scratch store of its own and classifies each
 * household's survey under the chosen standard. It only reads the log: no live read model,
 * checkpoint or event is touched, and the scratch store is dropped when the run ends.
 */
export async function runWhatIf(events: EventStore, units: UnitLookup, request: WhatIfRequest, onProgress?: WhatIfProgress): Promise<WhatIfReport> {
  const { asOf, areaCode } = request;
  if (!isIsoDate(asOf)) throw invalid('INVALID_DATE', `asOf must be a calendar date (YYYY-MM-DD), got "${asOf}"`, { asOf });
  if (areaCode !== undefined && !AREA.test(areaCode)) throw invalid('INVALID_AREA', 'areaCode is a 5-digit commune or a 2-digit province code', { areaCode });
  const standard = whatIfStandard(request.rule);
  const head = await events.headPosition();
  const scratch = new MemoryReadStore();
  try {
    const projection = householdFactsProjection(asOf);
    const facts = scratch.collection<HouseholdFactsDoc>(projection.name);
    let after = 0;
    onProgress?.(after, head);
    if (head > 0) {
      for await (const batch of events.readAll({ until: head, batchSize: BATCH })) {
        const outcome = await applyBatch(projection, facts, batch, after);
        if (outcome.poisoned) {
          throw new Error(`what-if stopped at position ${outcome.poisoned.position} (${outcome.poisoned.type}): ${outcome.poisoned.error}`);
        }
        after = outcome.appliedThrough;
        onProgress?.(after, head);
      }
    }
    const tally = new WhatIfTally(standard, units, asOf, areaCode);
    for await (const doc of facts.findAll()) tally.add(doc);
    return tally.report(head);
  } finally {
    await scratch.close();
  }
}
