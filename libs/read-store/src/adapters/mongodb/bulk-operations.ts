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
  const winners = new Map<string, DocumentWrite<D>>();
  for (const write of writes) {
    const held = winners.get(idOf(write));
    if (!held || positionOf(write) > positionOf(held)) winners.set(idOf(write), write);
  }
  return [...winners.values()].map((write) => {
    if (write.kind === 'delete') {
      return { deleteOne: { filter: { _id: write._id, _position: { $lt: write._position } } } } as AnyBulkWriteOperation<D>;
    }
    const { doc } = write;
    const filter = { _id: doc._id, $or: [{ _position: { $lt: doc._position } }, { _position: { $exists: false } }] };
    return { replaceOne: { filter, replacement: doc, upsert: true } } as AnyBulkWriteOperation<D>;
  });
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
