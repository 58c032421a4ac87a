import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { HouseholdRegistryDoc, ProjectionRunner, ReadModels, householdRegistry } from '@pl/projections';
import { Collection, READ_STORE, ReadStore } from '@pl/read-store';
import { AccessPolicy } from '../security/access-policy';
import { Principal } from '../security/principal';
import { UNIT_DIRECTORY, UnitDirectory } from '../wiring/unit-directory';
import { RegistryCriteria, registryFilter } from './registry-filter';

/** A household on a registry page: never personal, whoever reads it. */
export type RegistryItem = Omit<HouseholdRegistryDoc, '_id' | '_position' | 'personal' | 'citizenIdHashes'> & { readonly position: number };

/** A page of the registry, in `_id` order, and the log position the read models had reached. */
export interface RegistryPage {
  readonly items: readonly RegistryItem[];
  readonly nextCursor?: string;
  readonly position: number;
}

/** One page of the poverty registry, filtered and limited to the caller's areas. */
export class GetRegistryPage extends Query<RegistryPage> {
  constructor(readonly criteria: RegistryCriteria, readonly principal: Principal) {
    super();
  }
}

@QueryHandler(GetRegistryPage)
export class GetRegistryPageHandler implements IQueryHandler<GetRegistryPage, RegistryPage> {
  constructor(
    @Inject(ReadModels) private readonly readModels: ReadModels,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(ProjectionRunner) private readonly runner: ProjectionRunner,
    @Inject(AccessPolicy) private readonly access: AccessPolicy,
    @Inject(UNIT_DIRECTORY) private readonly units: UnitDirectory,
  ) {}

  async execute({ criteria, principal }: GetRegistryPage): Promise<RegistryPage> {
    this.access.authorize(principal, 'registry:read');
    const filter = registryFilter(criteria, principal, this.access, this.units);
    // Read before the page: the page reflects at least this position.
    const position = this.runner.position();
    const page = await (await this.registry()).find({
      filter,
      limit: criteria.limit,
      ...(criteria.cursor !== undefined ? { cursor: criteria.cursor } : {}),
    });
    // Neither personal data nor the keyed hashes of citizen IDs (they serve exact search only).
    const items = page.items.map(({ _id, _position, personal: _personal, citizenIdHashes: _hashes, ...rest }) => ({ ...rest, position: _position }));
    return { items, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}), position };
  }

  /**
   * The collection the runner in this process writes, which changes only when it publishes (it
   * follows a blue/green switch there first, before the alias), so an answer always matches the
   * runner's published state, which the HTTP layer's tag cache relies on; the alias otherwise.
   */
  private async registry(): Promise<Collection<HouseholdRegistryDoc>> {
    const written = this.runner.snapshot().find((s) => s.name === householdRegistry.name)?.collection;
    return written !== undefined ? this.readStore.collection<HouseholdRegistryDoc>(written) : this.readModels.live<HouseholdRegistryDoc>(householdRegistry);
  }
}
