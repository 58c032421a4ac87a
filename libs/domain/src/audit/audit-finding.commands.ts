import { IsoDate } from '../shared/calendar';
import { Command } from '../shared/decider';

/** The legal act an explanation rests on. */
export type ExplanationBasis = Readonly<{ number: string; date: IsoDate }>;

/**
 * `findingOnRecord` is the application's answer to "does the read model list this finding?":
 * the decider refuses an unknown finding without reading the read model itself.
 */
type AboutFinding = { findingId: string; findingOnRecord: boolean };

/** An auditor has seen the finding and notes what follows. */
export type AcknowledgeFinding = Command<'AcknowledgeFinding', AboutFinding & { note: string }>;

/** An auditor records why the finding is justified, with the legal basis when there is one. */
export type ExplainFinding = Command<'ExplainFinding', AboutFinding & { explanation: string; legalBasis?: ExplanationBasis }>;

/** Everything an auditor can record about a finding. */
export type AuditFindingCommand = AcknowledgeFinding | ExplainFinding;
