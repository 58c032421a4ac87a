import { SupportKindId } from '@pl/domain';
import { Document } from '@pl/read-store';

/** When a household first received a kind: by a grant of this registry, or as recorded from an earlier programme. */
export interface KindReceived {
  readonly grantedOn: string | null;
  readonly priorOn: string | null;
}

/** The kinds one household has received; a commune's coverage joins these with the registry's statuses. */
export interface SupportCoverageDoc extends Document {
  readonly householdId: string;
  readonly kinds: Readonly<Partial<Record<SupportKindId, KindReceived>>>;
}
