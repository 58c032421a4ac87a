import { RecordedEvent } from '@pl/event-store';
import { SupportFund } from '@pl/domain';
import { Draft } from '../../projection';
import { Citation, DirectiveSubjectDoc, FindingDraft } from './audit-findings.document';
import { evidenceOf, findingFields, reconcile } from './reconcile';

type Directive = Draft<DirectiveSubjectDoc>;

/** A decision as household events carry it; a recognition's decision may cite a directive too. */
type CitingData = {
  householdId: string;
  grantId?: string;
  loanId?: string;
  fund?: SupportFund;
  communeCode?: string;
  decision: { number?: string; date: string; directiveId?: string };
};

/** The directive a household event's decision cites, if any. */
export const citedDirective = (recorded: RecordedEvent): string | undefined => (recorded.data as Partial<CitingData>).decision?.directiveId;

function citationOf(recorded: RecordedEvent): Citation {
  const d = recorded.data as CitingData;
  const what = d.grantId !== undefined ? 'grant' : d.loanId !== undefined ? 'loan' : 'recognition';
  return {
    householdId: d.householdId, ref: d.grantId ?? d.loanId ?? `r${recorded.revision}`, what,
    decisionDate: d.decision.date, decisionNumber: d.decision.number ?? '',
    // Support events do not carry the commune: the reader takes it from the household's record of the same support.
    communeCode: d.communeCode ?? null, evidence: evidenceOf(recorded), ...(d.fund ? { fund: d.fund } : {}),
  };
}

/** Decisions dated on or after the revocation cite a directive no longer in force, however late the revocation was recorded. */
function directiveFindings(doc: Directive): FindingDraft[] {
  const revocation = doc.revocation;
  if (!revocation) return [];
  return doc.citations.filter((c) => c.decisionDate >= revocation.revokedOn).map((c) => ({
    ruleId: 'cites-revoked-directive',
    evidenceKey: `${c.householdId}:${c.ref}`,
    message: `decision ${c.decisionNumber || 'without a number'} of ${c.decisionDate} (${c.what} ${c.ref} of household ${c.householdId}) cites directive ${doc.number ?? doc.directiveId}, revoked on ${revocation.revokedOn} by ${revocation.byDocument}`,
    evidence: [c.evidence, revocation.evidence],
    communeCode: c.communeCode, provinceCode: null, householdId: c.householdId, directiveId: doc.directiveId, ...(c.fund ? { fund: c.fund } : {}),
  }));
}

/** A directive's audit record after a directive event or a decision citing it, findings re-read in full. */
export function evolveDirectiveSubject(doc: DirectiveSubjectDoc | null, recorded: RecordedEvent, id: string): Directive {
  const directiveId = id.slice('directive-'.length);
  const base: Directive = doc ?? { _id: id, subject: 'directive', directiveId, number: null, revocation: null, citations: [], ...findingFields([]) };
  let next: Directive;
  if (recorded.type === 'DirectiveIssued.v1') {
    next = { ...base, number: (recorded.data as { number: string }).number };
  } else if (recorded.type === 'DirectiveRevoked.v1') {
    const { revokedOn, byDocument } = recorded.data as { revokedOn: string; byDocument: string };
    next = { ...base, revocation: { revokedOn, byDocument, evidence: evidenceOf(recorded) } };
  } else {
    next = { ...base, citations: [...base.citations, citationOf(recorded)] };
  }
  return { ...next, ...findingFields(reconcile(base.findings, directiveFindings(next), id, recorded.position)) };
}
