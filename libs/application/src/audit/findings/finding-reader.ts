import {
  AuditFinding, AuditSubjectDoc, HouseholdSubjectDoc, auditFindings, collectionOf, householdSubjectId, subjectOfFinding,
} from '@pl/projections';
import { Collection, Filter, ReadStore } from '@pl/read-store';
import { UnitDirectory } from '../../wiring/unit-directory';

/** A finding as answered: its area filled in where the subject's events did not carry it. */
export type FindingView = AuditFinding;

/** Reads findings out of the subject documents that hold them. */
export class FindingReader {
  private readonly collection: Collection<AuditSubjectDoc>;

  constructor(readStore: ReadStore, private readonly units: UnitDirectory) {
    this.collection = readStore.collection<AuditSubjectDoc>(collectionOf(auditFindings));
  }

  /** One finding by id, or undefined when the read model does not list it. */
  async get(findingId: string): Promise<FindingView | undefined> {
    const subject = subjectOfFinding(findingId);
    const doc = subject ? await this.collection.get(subject) : undefined;
    const finding = doc?.findings.find((f) => f.id === findingId);
    return finding ? this.withArea(finding) : undefined;
  }

  /** Every finding of the subjects matching the filter, in id order. */
  async all(filter: Filter): Promise<FindingView[]> {
    const found: FindingView[] = [];
    for await (const doc of this.collection.findAll({ findingCount: { $gt: 0 }, ...filter })) {
      for (const finding of doc.findings) found.push(await this.withArea(finding));
    }
    return found.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /** The province of a unit code, for area filters: a commune's today, a province's itself. */
  provinceOf(communeCode: string | null): string | null {
    return communeCode === null ? null : (this.units.provinceOf(communeCode) ?? null);
  }

  /**
   * A directive's finding about a grant knows the household, not its commune: that is read from
   * the household's own record of the same event, as recorded on the day.
   */
  private async withArea(finding: AuditFinding): Promise<FindingView> {
    if (finding.communeCode !== null) return finding.provinceCode !== null ? finding : { ...finding, provinceCode: this.provinceOf(finding.communeCode) };
    if (!finding.householdId) return finding;
    const doc = await this.collection.get(householdSubjectId(finding.householdId));
    if (doc?.subject !== 'household') return finding;
    const citing = finding.evidence[0]?.position;
    const record = (doc as HouseholdSubjectDoc).supports.find((s) => s.evidence.position === citing);
    const communeCode = record?.communeCode ?? doc.communeCode;
    return { ...finding, communeCode, provinceCode: record?.provinceCode ?? doc.provinceCode ?? this.provinceOf(communeCode) };
  }
}
