import { RecordedEvent } from '../../envelope';

/**
 * Every `intervalMs`, reads what was committed after the last delivery (by this process or
 * another one sharing the file) and publishes it, until a read finds nothing. `read` answers
 * undefined when nobody listens. A failed read (the file busy a moment) is retried at the
 * next tick rather than ending every subscription. Returns the function that stops polling.
 */
export function pollOtherWriters(
  intervalMs: number,
  read: () => readonly RecordedEvent[] | undefined,
  publish: (events: readonly RecordedEvent[]) => void,
): () => void {
  const timer = setInterval(() => {
    try {
      for (;;) {
        const batch = read();
        if (!batch || batch.length === 0) return;
        publish(batch);
      }
    } catch {
      // Retried at the next tick: the next read starts from the last published position.
    }
  }, intervalMs);
  // A poller alone must not keep the process alive.
  timer.unref();
  return () => clearInterval(timer);
}
