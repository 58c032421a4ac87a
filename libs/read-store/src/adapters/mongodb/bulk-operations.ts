import { type AnyBulkWriteOperation, MongoBulkWriteError, type WriteError } from 'mongodb';
import type { Document, DocumentWrite } from '../../read-store.port';

const positionOf = (w: DocumentWrite<Document>) => (w.kind === 'put' ? w.doc._position : w._position);
const idOf = (w: DocumentWrite<Document>) => (w.kind === 'put' ? w.doc._id : w._id);

/**
 * One guarded operation per document. An unordered bulk may run operations in any order,
 * so only the write that sequential application would leave standing is sent: the first
 * one with the highest position.
 */
export function bulkOperations<D extends Document>(writes: readonly DocumentWrite<D>[]): AnyBulkWriteOperation<D>[] {
  return lastWrites(writes).map((write) => {
    if (write.kind === 'delete') {
      return { deleteOne: { filter: { _id: write._id, _position: { $lt: write._position } } } } as AnyBulkWriteOperation<D>;
    }
    const { doc } = write;
    const filter = { _id: doc._id, $or: [{ _position: { $lt: doc._position } }, { _position: { $exists: false } }] };
    return { replaceOne: { filter, replacement: doc, upsert: true } } as AnyBulkWriteOperation<D>;
  });
}

/** Per document, the write that sequential guarded application would leave standing. */
export function lastWrites<D extends Document>(writes: readonly DocumentWrite<D>[]): DocumentWrite<D>[] {
  const winners = new Map<string, DocumentWrite<D>>();
  for (const write of writes) {
    const held = winners.get(idOf(write));
    if (!held || positionOf(write) > positionOf(held)) winners.set(idOf(write), write);
  }
  return [...winners.values()];
}

/**
 * Operations for a store that cannot guard on the server cheaply (FerretDB 1.x scans the
 * whole collection for any update filter other than a lone `_id`): the stored positions are
 * read first, then stale writes are dropped and the rest sent as one ordered bulk of a
 * delete of the replaced documents followed by inserts. Safe under replay, because a crash
 * between the two leaves documents missing that the replayed batch puts back; it assumes
 * one writer per collection, which the projector lease provides.
 */
export function replaceOperations<D extends Document>(
  writes: readonly DocumentWrite<D>[],
  stored: ReadonlyMap<string, number>,
): AnyBulkWriteOperation<D>[] {
  const fresh = lastWrites(writes).filter((w) => positionOf(w) > (stored.get(idOf(w)) ?? -Infinity));
  const replaced = fresh.map(idOf).filter((id) => stored.has(id));
  const ops: AnyBulkWriteOperation<D>[] = [];
  if (replaced.length > 0) ops.push({ deleteMany: { filter: { _id: { $in: replaced } } } } as AnyBulkWriteOperation<D>);
  for (const write of fresh) if (write.kind === 'put') ops.push({ insertOne: { document: write.doc } } as AnyBulkWriteOperation<D>);
  return ops;
}

/**
 * True when a bulk failed only because some upserts met a stored document with a position
 * at least as high: the upsert then tries to insert an existing `_id` (E11000), which means
 * "already applied". Any other failure, including a write-concern error, is real.
 */
export function onlyStaleWrites(error: unknown): boolean {
  if (!(error instanceof MongoBulkWriteError)) return false;
  if (error.result?.hasWriteErrors?.() === false) return false;
  if (error.result?.getWriteConcernError?.()) return false;
  const writeErrors: WriteError[] = ([] as WriteError[]).concat(error.writeErrors ?? []);
  return writeErrors.length > 0 && writeErrors.every(isIdConflict);
}

// A duplicate on another unique index is a real conflict and must not be swallowed.
function isIdConflict(error: WriteError): boolean {
  if (error.code !== 11000) return false;
  const message = error.errmsg ?? '';
  return !/index: (?!_id_ )\S+/.test(message);
}
