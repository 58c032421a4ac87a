/** A message as stored and replayed: plain readonly data, named by a stable, versioned type. */
export type Event<Type extends string = string, Data = unknown> = Readonly<{ type: Type; data: Readonly<Data> }>;

/** A request to change a stream, with the time and identity it was made under passed in. */
export type Command<Type extends string = string, Data = unknown> = Readonly<{ type: Type; data: Readonly<Data> }>;

/**
 * An aggregate as three pure functions: what happened given what is asked (`decide`),
 * what is true given what happened (`evolve`), and where a new stream starts.
 */
export interface Decider<C extends Command, E extends Event, S> {
  decide(command: C, state: S): readonly E[];
  evolve(state: S, event: E): S;
  initialState(): S;
}

export function assertNever(value: never, what = 'value'): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(value)}`);
}

/** Folds a stream's events into its state. */
export const fold = <E extends Event, S>(decider: Pick<Decider<Command, E, S>, 'evolve' | 'initialState'>, events: readonly E[]): S =>
  events.reduce(decider.evolve, decider.initialState());
