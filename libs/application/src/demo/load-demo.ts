import { createHash } from 'node:crypto';
import {
  Command, Decider, DomainError, Event, HouseholdStatus, communeDecider, communeStream, directiveDecider, directiveStream, householdDecider,
  householdId, householdStream, householdSupportDecider,
} from '@pl/domain';
import { communeFacts } from '../area/execute-commune-command';
import { CommandContext } from '../commands/command-context';
import { CommandExecutor, EventFacts } from '../commands/command-executor';
import { deterministicId } from '../commands/deterministic-id';
import { directiveFacts } from '../directives/execute-directive-command';
import { mapBounded } from '../households/bounded-map';
import { communeGuardedDecider } from '../households/commune-guarded-decider';
import { householdFacts } from '../households/execute-household-command.handler';
import { supportFacts } from '../support/execute-support-command';
import { UnitDirectory } from '../wiring/unit-directory';
import { SMARTPHONE_DAY, assessmentOf, registrationOf, smartphoneGrantOf } from './demo-commands';
import { DEMO_PLAN_ID, demoDecision, demoDirective, demoHouseholdCounts } from './demo-facts';
import { DemoHousehold, planDistrict } from './demo-plan';

/** Fixed, so every run lands on the same command ids and a re-run appends nothing. */
export const DEMO_SCOPE = 'demo-district.v1';

/** How big a district to build, from which seed. */
export interface DemoOptions {
  readonly households?: number;
  readonly seed?: number;
  /** Households written at once; the sqlite log commits concurrent appends together. */
  readonly concurrency?: number;
}

/** What a demo run wrote, and what was already there. */
export interface DemoSummary {
  readonly households: number;
  readonly statuses: Readonly<Record<HouseholdStatus, number>>;
  readonly communes: Readonly<Record<string, number>>;
  readonly commands: number;
  readonly appended: number;
  readonly alreadyPresent: number;
  readonly refused: readonly string[];
  readonly position: number;
  readonly durationMs: number;
}

type Decided = { replayed: boolean; position: number };

/** Writes the synthetic district through the application's own executor, idempotently. */
export async function writeDemoDistrict(executor: CommandExecutor, units: UnitDirectory, options: DemoOptions = {}): Promise<DemoSummary> {
  const started = performance.now();
  const mergedInto = (code: string) => units.currentUnitsOf(code)[0] ?? code;
  const nameOf = (code: string) => units.catalogue.unit(code)?.name ?? `xã ${code}`;
  const plans = planDistrict(options.households ?? 3_000, options.seed ?? 2021, mergedInto);
  const tally = { commands: 0, appended: 0, alreadyPresent: 0, position: 0, refused: [] as string[] };

  const run = async <C extends Command, E extends Event, S>(stream: string, decider: Decider<C, E, S>, command: C, step: string, on: string, facts: (e: E) => EventFacts, correlation = step) => {
    const commandId = deterministicId(DEMO_SCOPE, stream, step);
    const context: CommandContext = {
      actor: { id: 'demo', role: command.type === 'RecogniseHousehold' ? 'reviewer' : 'commune-officer' },
      commandId, correlationId: deterministicId(DEMO_SCOPE, correlation), causationId: commandId,
      recordedAt: `${on}T03:00:00.000Z`, idempotent: true, requestHash: createHash('sha256').update(JSON.stringify(command)).digest('hex'),
    };
    tally.commands++;
    try {
      count(await executor.execute(stream, decider, command, context, facts));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      tally.refused.push(`${stream} ${step}: ${error.code} ${error.message}`);
    }
  };
  const count = (result: Decided) => {
    if (result.replayed) tally.alreadyPresent++; else tally.appended++;
    tally.position = Math.max(tally.position, result.position);
  };

  const directive = demoDirective(nameOf);
  await run(directiveStream(DEMO_PLAN_ID), directiveDecider, directive, 'issue', directive.data.issuedOn, directiveFacts);
  await mapBounded(plans, options.concurrency ?? 64, async (h) => writeHousehold(h, run, mergedInto, nameOf));
  for (const c of demoHouseholdCounts(plans, mergedInto)) {
    await run(communeStream(c.data.communeCode), communeDecider, c, `count-${c.data.year}`, c.data.recordedOn, communeFacts);
  }
  return { households: plans.length, ...summaryOf(plans), ...tally, durationMs: Math.round(performance.now() - started) };
}

type Run = <C extends Command, E extends Event, S>(stream: string, decider: Decider<C, E, S>, command: C, step: string, on: string, facts: (e: E) => EventFacts, correlation?: string) => Promise<void>;

/** A household's story in date order: registration, then each review, grant and decision. */
async function writeHousehold(h: DemoHousehold, run: Run, mergedInto: (code: string) => string, nameOf: (code: string) => string): Promise<void> {
  const stream = householdStream(h.householdId);
  await run(stream, householdDecider, registrationOf(h), 'register', h.registeredOn, householdFacts);
  for (const [i, action] of h.actions.entries()) {
    const step = `${i}-${action.kind}-${action.reviewYear}`;
    if (action.kind === 'recognise') {
      const decision = demoDecision(action.decidingCommune, action.reviewYear, nameOf);
      // The merged commune decides on households still recorded under their old codes.
      const decider = communeGuardedDecider(action.decidingCommune, (code) => [mergedInto(code)]);
      const command = { type: 'RecogniseHousehold' as const, data: { householdId: householdId(h.householdId), reviewYear: action.reviewYear, reviewKind: 'periodic' as const, decision, to: action.to } };
      await run(stream, decider, command, step, decision.date, householdFacts, `decision-${action.decidingCommune}-${action.reviewYear}`);
    } else if (action.kind === 'assess') {
      await run(stream, householdDecider, assessmentOf(h, action), step, action.assessedOn, householdFacts);
    } else {
      await run(stream, householdSupportDecider, smartphoneGrantOf(h, action), step, SMARTPHONE_DAY, supportFacts);
    }
  }
}

function summaryOf(plans: readonly DemoHousehold[]) {
  const statuses: Record<HouseholdStatus, number> = { 'not-listed': 0, poor: 0, 'near-poor': 0, escaped: 0 };
  const communes: Record<string, number> = {};
  for (const h of plans) {
    statuses[h.finalStatus]++;
    communes[h.communeCode] = (communes[h.communeCode] ?? 0) + 1;
  }
  return { statuses, communes };
}
