import { Command, Decider, Event } from '../decider';
import { DomainError, ErrorKind } from '../errors';

/** Given events, when a command, then the events it produces or the coded error it raises. */
export function deciderSpec<C extends Command, E extends Event, S>(decider: Decider<C, E, S>) {
  return {
    given: (history: readonly E[]) => ({
      when: (command: C) => {
        const run = () => decider.decide(command, history.reduce(decider.evolve, decider.initialState()));
        return {
          then: (expected: readonly E[]) => expect(run()).toEqual(expected),
          /** Returns the produced events, for assertions on a few fields. */
          events: (): readonly E[] => run(),
          thenThrows: (code: string, kind?: ErrorKind): DomainError => {
            let caught: unknown;
            try {
              run();
            } catch (error) {
              caught = error;
            }
            expect(caught).toBeInstanceOf(DomainError);
            const error = caught as DomainError;
            expect(error.code).toBe(code);
            if (kind) expect(error.kind).toBe(kind);
            return error;
          },
        };
      },
    }),
  };
}
