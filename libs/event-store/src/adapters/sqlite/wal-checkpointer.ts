import { Worker } from 'node:worker_threads';
import { SqliteSynchronous, WAL_BACKSTOP_BYTES } from './schema';

// Plain JavaScript, run in the worker: its own connection to the file copies the WAL into it
// (PRAGMA wal_checkpoint(PASSIVE), which never blocks the writer) and answers when done.
const CHECKPOINTER = `
const { parentPort, workerData } = require('node:worker_threads');
const { DatabaseSync } = require('node:sqlite');
const db = new DatabaseSync(workerData.file);
db.exec('PRAGMA busy_timeout = 5000');
db.exec('PRAGMA synchronous = ' + workerData.synchronous);
const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
parentPort.on('message', (message) => {
  if (message === 'close') { db.close(); parentPort.close(); return; }
  let failure;
  try { checkpoint.get(); } catch (error) { failure = String(error && error.message || error); }
  parentPort.postMessage(failure === undefined ? 'done' : 'failed: ' + failure);
});
`;

/** WAL bytes written by commits that send the thread to copy them into the file. */
const CHECKPOINT_EVERY_BYTES = WAL_BACKSTOP_BYTES / 16;

/**
 * Copies the WAL into the log file on a thread of its own, so that a bulk load's commits do not
 * stop for checkpoints. The writer's connection still checkpoints by itself past
 * `WAL_BACKSTOP_BYTES`, sixteen times more: the backstop, should this thread fall behind or fail.
 * A checkpoint never affects durability: each commit is synced to the WAL before it is
 * acknowledged. The thread starts with the first few megabytes written, so a store that
 * writes little never has one.
 */
export class WalCheckpointer {
  private worker: Worker | undefined;
  private running = false;
  private pending = false;
  private written = 0;
  private closing: Promise<void> | undefined;

  constructor(private readonly file: string, private readonly synchronous: SqliteSynchronous) {}

  /** After each commit: about `bytes` more were written to the WAL. */
  committed(bytes: number): void {
    this.written += bytes;
    if (this.pending || this.closing || this.written < CHECKPOINT_EVERY_BYTES) return;
    const worker = this.worker ?? this.start();
    if (!this.running) return;
    this.written = 0;
    this.pending = true;
    worker.postMessage('checkpoint');
  }

  /** Closes the thread's connection after any checkpoint under way. */
  close(): Promise<void> {
    this.closing ??= new Promise<void>((resolve) => {
      const worker = this.worker;
      if (!worker || !this.running) return resolve();
      worker.once('exit', () => resolve());
      // Held until it is gone, or the process could end first, with its connection still open.
      worker.ref();
      worker.postMessage('close');
    });
    return this.closing;
  }

  private start(): Worker {
    const synchronous = this.synchronous === 'full' ? 'FULL' : 'NORMAL';
    const worker = new Worker(CHECKPOINTER, { eval: true, workerData: { file: this.file, synchronous } });
    this.worker = worker;
    this.running = true;
    // The log must neither keep a process alive nor fail it: the backstop covers a lost thread.
    worker.unref();
    worker.on('message', () => { this.pending = false; });
    worker.on('error', () => undefined);
    worker.once('exit', () => { this.running = false; });
    return worker;
  }
}
