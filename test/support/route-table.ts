import type { Permission } from '@pl/application';
import type { Response } from 'supertest';
import type { ApiHarness } from './api-harness';
import { FIXTURES, RouteFixture } from './route-fixtures';

/** One operation of the API document: what the gate needs and what the sweeps can vary. */
export interface Route {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly path: string;
  /** `null` for @Public() routes: the document gives them no 403 answer. */
  readonly permission: Permission | null;
  readonly pathParams: readonly string[];
  readonly queryParams: readonly string[];
  readonly body: 'json' | 'multipart' | null;
}

export const routeKey = (route: Pick<Route, 'method' | 'path'>): string => `${route.method} ${route.path}`;

type Operation = {
  parameters?: { in: string; name: string }[];
  requestBody?: { content?: Record<string, unknown> };
  responses?: Record<string, { description?: string }>;
};

/**
 * Every route, read from the API's own document, so a route added tomorrow is in the table
 * tomorrow. The permission comes from the 403 description that `@Requires` writes.
 */
export async function loadRoutes(api: ApiHarness): Promise<Route[]> {
  const doc = (await api.http.get('/api/docs-json').expect(200)).body as { paths: Record<string, Record<string, Operation>> };
  const routes: Route[] = [];
  for (const [path, operations] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(operations)) {
      const forbidden = op.responses?.['403']?.description;
      const permission = forbidden === undefined ? null : /the role lacks ([a-z-]+:[a-z-]+)/.exec(forbidden)?.[1];
      if (permission === undefined) throw new Error(`${method.toUpperCase()} ${path}: its 403 description names no permission: "${forbidden}"`);
      const params = op.parameters ?? [];
      const content = Object.keys(op.requestBody?.content ?? {});
      routes.push({
        method: method.toUpperCase() as Route['method'],
        path,
        permission: permission as Permission | null,
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        queryParams: params.filter((p) => p.in === 'query').map((p) => p.name),
        body: content.includes('multipart/form-data') ? 'multipart' : content.length ? 'json' : null,
      });
    }
  }
  return routes;
}

/** Routes the document lists without a fixture, each as the message a developer needs to see. */
export function missingFixtures(routes: readonly Route[]): string[] {
  return routes.filter((r) => !FIXTURES[routeKey(r)]).map((r) => `no fixture for ${routeKey(r)} : add one to test/support/route-fixtures.ts (see test/support/route-table.ts)`);
}

/** Fixtures naming a route the document no longer has: a renamed route would otherwise go untested. */
export function staleFixtures(routes: readonly Route[]): string[] {
  const known = new Set(routes.map(routeKey));
  return Object.keys(FIXTURES).filter((key) => !known.has(key)).map((key) => `fixture for ${key} names no route of the API document`);
}

let counter = 0;
/** The fixture of a route, fresh for each request: writes get ids never used before. */
export function fixtureOf(route: Route): RouteFixture {
  const make = FIXTURES[routeKey(route)];
  if (!make) throw new Error(missingFixtures([route])[0]);
  return make(++counter);
}

/** Parts of a request a sweep replaces; `rawPath`/`rawQuery` go on the wire as given (already encoded). */
export interface Variation {
  readonly rawPath?: Record<string, string>;
  readonly rawQuery?: string;
  /** A value to send as JSON, or a string sent as-is with content-type application/json. */
  readonly body?: unknown;
  readonly rawBody?: string;
}

export function urlOf(route: Route, fixture: RouteFixture, variation: Variation = {}): string {
  const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (variation.rawPath?.[name] !== undefined) return variation.rawPath[name];
    const value = fixture.path?.[name];
    if (value === undefined) throw new Error(`${routeKey(route)}: the fixture gives no value for path parameter ${name}`);
    return encodeURIComponent(value);
  });
  const query = variation.rawQuery ?? new URLSearchParams(fixture.query ?? {}).toString();
  return query ? `${path}?${query}` : path;
}

/** Sends a route's request with the fixture (or a variation of it) and the given headers. */
export function send(api: ApiHarness, route: Route, fixture: RouteFixture, headers: Record<string, string>, variation: Variation = {}): Promise<Response> {
  const url = urlOf(route, fixture, variation);
  const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
  const request = api.http[method](url).set(headers);
  if (variation.rawBody !== undefined) return request.set('content-type', 'application/json').send(variation.rawBody);
  if (variation.body !== undefined) return request.send(variation.body as object);
  if (fixture.upload) return request.attach('file', fixture.upload.content, fixture.upload.fileName);
  if (fixture.body) return request.send(fixture.body);
  return request;
}
