export * from './admin-unit';
export * from './admin-units.events';
export type { AdminCatalogueData, AdminReorganisationData, AdminUnitData, CatalogueProblem } from './admin-catalogue.data';
export * from './admin-catalogue';
export * from './admin-units.decider';
