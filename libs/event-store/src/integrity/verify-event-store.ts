import { readStreamOrEmpty } from '../read-stream-or-empty';
import { storedJson } from '../hash';
import { RecordedEvent } from '../envelope';
import { EventStore } from '../event-store.port';
import { LogAnchored } from './anchor';
import { ChainVerifier } from './chain-verifier';
import { LogLookup, classifyBreak } from './classify-break';
import { VerificationReport } from './tamper-finding';

/** What to verify: the whole log (anchors included) or one stream, against an exported anchor too. */
export interface VerifyOptions {
  readonly streamId?: string;
  readonly anchor?: LogAnchored;
  readonly batchSize?: number;
}

/** Verifies any event store through its port: the whole log in position order, or one stream. */
export async function verifyEventStore(store: EventStore, options: VerifyOptions = {}): Promise<VerificationReport> {
  const started = performance.now();
  const verifier = new ChainVerifier({ anchors: options.streamId === undefined, external: options.streamId === undefined ? options.anchor : undefined });
  const feed = (events: readonly RecordedEvent[]): boolean => {
    for (const e of events) {
      if (!verifier.check(e.position, e.streamId, e.revision, e.eventId, e.type, storedJson(e.data), storedJson(e.metadata), e.prevHash, e.hash)) return false;
    }
    return true;
  };
  if (options.streamId !== undefined) {
    feed(await readStreamOrEmpty(store, options.streamId));
  } else {
    for await (const batch of store.readAll({ batchSize: options.batchSize ?? 1000 })) if (!feed(batch)) break;
  }
  verifier.finish();
  const finding = verifier.broken ? await classifyBreak(verifier.broken, storeLookup(store)) : undefined;
  return reportOf(verifier, finding, options.streamId === undefined, started);
}

/** The report of a finished pass. */
export function reportOf(verifier: ChainVerifier, finding: VerificationReport['finding'], wholeLog: boolean, started: number): VerificationReport {
  const last = verifier.last;
  return {
    ok: finding === undefined,
    ...(finding ? { finding } : {}),
    events: verifier.events,
    streams: verifier.streams,
    anchorsChecked: verifier.anchorsChecked,
    ...(wholeLog ? { logHash: last.logHash, logEventCount: last.logCount } : {}),
    lastPosition: last.position,
    seconds: (performance.now() - started) / 1000,
  };
}

function storeLookup(store: EventStore): LogLookup {
  return {
    eventAt: async (streamId, revision) => (await readStreamOrEmpty(store, streamId, revision)).find((e) => e.revision === revision),
    all: () => store.readAll({ batchSize: 1000 }),
  };
}

