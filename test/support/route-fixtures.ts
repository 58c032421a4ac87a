import { generateList, toCsv } from '../fixtures/imports/household-list';
import type { Role } from '@pl/application';
import { ApiHarness, registration } from './api-harness';

/**
 * A valid request for every route, aimed at data `seedRouteData` puts in commune 07906 (province 25).
 * Keyed by "METHOD /path" exactly as the API document spells it; `route-table.ts` fails the
 * suites for any route of the document missing here. `n` is fresh per request, for new ids.
 */
export interface RouteFixture {
  readonly path?: Record<string, string>;
  readonly query?: Record<string, string>;
  readonly body?: Record<string, unknown>;
  readonly upload?: { readonly fileName: string; readonly content: Buffer };
  /**
   * The route answers an out-of-area caller with what it may see (an empty list) rather than 403;
   * the matrix then checks that nothing of the seeded commune is in the answer.
   */
  readonly filtersByArea?: boolean;
  /** The route limits a permission that is otherwise national (operations:run) to the target's area. */
  readonly areaBound?: boolean;
  /** Who is outside this route's target, where the matrix's usual outside areas are not (see the board). */
  readonly outsideAreas?: Partial<Record<Role, readonly string[]>>;
  /** The route refuses an out-of-area target inside a 200 report (an import's rows) rather than with 403. */
  readonly refusedOutsideInBody?: (body: unknown) => boolean;
}

export const SEED = {
  commune: '07906',
  province: '25',
  household: 'rt-main',
  /** Dissolved and erased by the matrix's inside callers; kept apart so rt-main stays usable. */
  dissolvable: 'rt-dissolve',
  erasable: 'rt-erase',
  grant: 'rt-grant',
  loan: 'rt-loan',
  directive: 'rt-directive',
  recipient: 'ubnd-07906',
  citizenId: '025085000123',
  /** The exception grant on rt-erase raises this finding. */
  finding: 'finding:exception-granted:household-rt-erase:rt-exception',
  projection: 'household-registry',
  rebuild: 'household-registry_v1_b1',
} as const;

const decision = { number: '125/QĐ-UBND', date: '2025-01-05', issuer: 'UBND xã Giáp Lai' };
const HOUSEHOLD = { householdId: SEED.household };

export const FIXTURES: Readonly<Record<string, (n: number) => RouteFixture>> = {
  'GET /health': () => ({}),
  'GET /health/ready': () => ({}),

  'POST /api/v1/households': (n) => ({ body: registration({ householdId: `rt-new-${n}`, registeredOn: '2024-03-01' }) }),
  'GET /api/v1/households/{householdId}': () => ({ path: HOUSEHOLD }),
  'GET /api/v1/households/{householdId}/timeline': () => ({ path: HOUSEHOLD }),
  'POST /api/v1/households/{householdId}/assessments': () => ({
    path: HOUSEHOLD,
    body: { reviewYear: 2025, reviewKind: 'periodic', assessedOn: '2025-10-01', incomePerPersonMonthly: 1_000_000, deficientIndicators: ['nutrition'], surveyor: 'Đinh Thị Lan' },
  }),
  'POST /api/v1/households/{householdId}/members': () => ({ path: HOUSEHOLD, body: { memberCount: 5, changedOn: '2025-02-01', members: [{ name: 'Hà Thị Mai', relation: 'con' }] } }),
  // Within the same commune (422 SAME_COMMUNE, past the gate): a move out would leave the officer's area.
  'POST /api/v1/households/{householdId}/relocation': () => ({ path: HOUSEHOLD, body: { to: { communeCode: SEED.commune, village: 'Xóm Bến' }, areaType: 'rural', movedOn: '2025-08-01' } }),
  'POST /api/v1/households/{householdId}/dissolution': () => ({ path: { householdId: SEED.dissolvable }, body: { dissolvedOn: '2025-03-01', reason: 'joined a relative\'s household' } }),
  'POST /api/v1/households/{householdId}/causes': () => ({ path: HOUSEHOLD, body: { recordedOn: '2025-02-02', causes: ['lack-of-capital'], needGroups: ['credit'] } }),
  'POST /api/v1/households/search': () => ({ body: { citizenId: SEED.citizenId }, filtersByArea: true }),
  'POST /api/v1/households/{householdId}/erasure': () => ({
    path: { householdId: SEED.erasable },
    body: { legalBasis: { number: '12/QĐ-UBND', date: '2026-01-28', issuer: 'UBND xã' }, reason: 'the data subject withdrew consent' },
  }),
  // Each row's commune is checked: a list of another commune is answered 200 with every row refused.
  'POST /api/v1/imports/households': (n) => ({
    refusedOutsideInBody: (body) => {
      const report = body as { accepted?: number; refused?: { code: string }[] };
      return report.accepted === 0 && (report.refused ?? []).length > 0 && report.refused!.every((r) => r.code === 'OUTSIDE_AREA');
    },
    upload: {
      fileName: `rt-${n}.csv`,
      content: Buffer.from(toCsv({ header: generateList(1).header, rows: [[`RT-${n}`, 'Hà Văn Sơn', '', '', '', SEED.commune, 'Xóm Đồng', 'rural', '4', '', '']] })),
    },
  }),

  'POST /api/v1/recognitions': () => ({
    body: {
      decision: { number: '301/QĐ-UBND', date: '2025-12-19', issuer: 'UBND xã Giáp Lai' }, reviewYear: 2025, reviewKind: 'periodic',
      communeCode: SEED.commune, entries: [{ householdId: SEED.household, to: 'poor' }],
    },
  }),
  'GET /api/v1/registry': () => ({ query: { communeCode: SEED.commune } }),
  'GET /api/v1/registry/export': () => ({ query: { communeCode: SEED.commune, format: 'csv' } }),

  'POST /api/v1/households/{householdId}/grants': (n) => ({
    path: HOUSEHOLD,
    body: { grantId: `rt-grant-${n}`, kind: 'health-insurance', grantedOn: '2025-01-10', fund: 'provincial-budget', decision, amount: 700_000, form: 'service' },
  }),
  'POST /api/v1/households/{householdId}/prior-support': () => ({
    path: HOUSEHOLD, body: { kind: 'housing-repair', programme: 'Chương trình 135', recordedOn: '2025-01-15', source: 'hồ sơ xã 2019' },
  }),
  'POST /api/v1/households/{householdId}/loans': (n) => ({
    path: HOUSEHOLD,
    body: { loanId: `rt-loan-${n}`, programme: 'poor-household-lending', amount: 10_000_000, termMonths: 36, disbursedOn: '2025-03-01', fund: 'vbsp', decision },
  }),
  'POST /api/v1/households/{householdId}/loans/{loanId}/repayments': () => ({ path: { ...HOUSEHOLD, loanId: SEED.loan }, body: { amount: 100_000, paidOn: '2025-09-01' } }),
  'POST /api/v1/households/{householdId}/loans/{loanId}/overdue': () => ({ path: { ...HOUSEHOLD, loanId: SEED.loan }, body: { since: '2025-10-01' } }),
  'GET /api/v1/support/ledger': () => ({ query: { communeCode: SEED.commune, year: '2025' } }),
  'GET /api/v1/support/coverage': () => ({ query: { communeCode: SEED.commune, kind: 'smartphone', asOf: '2025-06-01' } }),

  'POST /api/v1/communes/{communeCode}/radio-upgrades': (n) => ({
    path: { communeCode: SEED.commune },
    body: { activityId: `rt-radio-${n}`, completedOn: '2025-11-30', stations: 1, loudspeakerClusters: 4, cost: 90_000_000, fund: 'national-target-programme', decision },
  }),
  'POST /api/v1/communes/{communeCode}/activities': (n) => ({
    path: { communeCode: SEED.commune }, body: { activityId: `rt-activity-${n}`, kind: 'training', heldOn: '2025-04-12', participants: 40, topic: 'giảm nghèo về thông tin' },
  }),
  'POST /api/v1/communes/{communeCode}/household-counts': () => ({
    path: { communeCode: SEED.commune },
    body: { year: 2025, total: 1200, urban: 200, rural: 1000, ethnicMinority: 640, source: 'commune statistics 2025', recordedOn: '2025-11-30' },
  }),

  'POST /api/v1/directives': (n) => ({ body: directive(`rt-directive-${n}`) }),
  'POST /api/v1/directives/{directiveId}/forwards': () => ({
    path: { directiveId: SEED.directive },
    body: { by: { id: SEED.recipient, name: 'UBND xã Giáp Lai' }, to: [{ id: 'tyt-07906', name: 'Trạm Y tế xã Giáp Lai' }], forwardedOn: '2025-03-03', note: 'sao gửi' },
  }),
  'POST /api/v1/directives/{directiveId}/amendments': () => ({
    path: { directiveId: SEED.directive },
    body: { amendedOn: '2025-07-01', byDocument: '41/KH-UBND', changes: { targets: [{ year: 2025, reducePoor: 3, areaCode: SEED.commune }] } },
  }),
  // On its own directive, so the one the other routes cite stays in force.
  'POST /api/v1/directives/{directiveId}/revocation': () => ({
    path: { directiveId: `${SEED.directive}-revocable` }, body: { revokedOn: '2025-09-01', byDocument: '52/QĐ-UBND', reason: 'replaced' },
  }),
  'POST /api/v1/directives/{directiveId}/acknowledgements': () => ({
    path: { directiveId: SEED.directive }, body: { recipientId: SEED.recipient, areaCode: SEED.commune, acknowledgedOn: '2025-03-06' },
  }),
  'POST /api/v1/directives/{directiveId}/reports': () => ({
    path: { directiveId: SEED.directive },
    body: { recipientId: SEED.recipient, areaCode: SEED.commune, period: '2025-H1', reportedOn: '2025-06-10', figures: { communicationEvents: 3 } },
  }),
  // Any commune of the issuer's province reads its board (07909 too), and the catalogue holds no
  // province but 25 and those merged into it: outside is a commune of a province it does not know.
  'GET /api/v1/directives/{directiveId}/board': () => ({
    path: { directiveId: SEED.directive }, query: { asOf: '2025-07-01' }, outsideAreas: { 'commune-officer': ['01001'] },
  }),
  'GET /api/v1/targets/progress': () => ({ query: { areaCode: SEED.commune, year: '2025' } }),

  'GET /api/v1/operations/projections': () => ({}),
  'POST /api/v1/operations/projections/{name}/retry': () => ({ path: { name: SEED.projection } }),
  'POST /api/v1/operations/projections/{name}/skip': () => ({ path: { name: SEED.projection }, body: { reason: 'nothing is stopped; the answer is 409' } }),
  'POST /api/v1/operations/rebuilds': () => ({ body: { projection: SEED.projection } }),
  'GET /api/v1/operations/rebuilds/{id}': () => ({ path: { id: SEED.rebuild } }),
  'POST /api/v1/operations/rebuilds/{id}/switch': () => ({ path: { id: SEED.rebuild } }),
  'POST /api/v1/operations/rebuilds/{id}/abort': () => ({ path: { id: SEED.rebuild } }),
  // A what-if over an area needs that area, even for an operator (run-what-if.query.ts).
  'POST /api/v1/operations/what-if': () => ({ areaBound: true, body: { standard: '2026-2030', asOf: '2026-12-31', areaCode: SEED.commune } }),

  'GET /api/v1/statistics/poverty': () => ({ query: { areaCode: SEED.commune, year: '2025' } }),
  'GET /api/v1/statistics/poverty/list': () => ({ query: { areaCodes: SEED.commune, year: '2025' } }),
  'GET /api/v1/statistics/poverty/export': () => ({ query: { areaCode: SEED.commune, year: '2025', format: 'csv' } }),
  'GET /api/v1/statistics/support-coverage': () => ({ query: { areaCode: SEED.commune, kind: 'smartphone' } }),

  'GET /api/v1/audit/findings': () => ({ query: { areaCode: SEED.commune } }),
  'GET /api/v1/audit/findings/{findingId}': () => ({ path: { findingId: SEED.finding } }),
  'POST /api/v1/audit/findings/{findingId}/acknowledgement': () => ({ path: { findingId: SEED.finding }, body: { note: 'the commune recovers the card' } }),
  'POST /api/v1/audit/findings/{findingId}/explanation': () => ({
    path: { findingId: SEED.finding }, body: { explanation: 'listed by the district after the flood', legalBasis: { number: '45/QĐ-UBND', date: '2024-05-20' } },
  }),
  'GET /api/v1/audit/trail': () => ({ query: { householdId: SEED.household } }),
};

function directive(directiveId: string): Record<string, unknown> {
  return {
    directiveId, number: '29/KH-UBND', kind: 'ke-hoach', issuer: { name: 'Ủy ban nhân dân tỉnh' }, areaCode: SEED.province,
    issuedOn: '2025-03-01', subject: 'Truyền thông về giảm nghèo bền vững', basedOn: ['220/KH-UBND'],
    recipients: [{ id: SEED.recipient, name: 'UBND xã Giáp Lai' }],
    reporting: { period: 'half-yearly', dueDates: ['2025-06-15', '2025-12-15'] },
    targets: [{ year: 2025, reducePoor: 2, reduceNearPoor: 1 }],
  };
}

/**
 * The data the fixtures point at, written through the API once per suite: a household of 07906
 * assessed and recognised poor with a grant and a loan, two more to dissolve and erase (one with
 * an exception grant, which raises a finding), two province-25 directives and a commune count.
 */
export async function seedRouteData(api: ApiHarness): Promise<number> {
  const officer = { authorization: `Bearer ${await api.token('commune-officer', [SEED.commune], 'seed-officer')}` };
  const reviewer = { authorization: `Bearer ${await api.token('reviewer', [SEED.province], 'seed-reviewer')}` };
  const ok = async (what: string, pending: PromiseLike<{ status: number; body: { position?: number } }>) => {
    const res = await pending;
    if (res.status >= 300) throw new Error(`seeding ${what} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  };
  for (const id of [SEED.household, SEED.dissolvable, SEED.erasable]) {
    await ok(`household ${id}`, api.http.post('/api/v1/households').set(officer).send(registration({ householdId: id, registeredOn: '2023-03-01' })));
  }
  await ok('assessment', api.http.post(`/api/v1/households/${SEED.household}/assessments`).set(officer).send({
    reviewYear: 2024, reviewKind: 'periodic', assessedOn: '2024-10-01', incomePerPersonMonthly: 1_000_000,
    deficientIndicators: ['nutrition', 'housing-area', 'latrine'], surveyor: 'Đinh Thị Lan',
  }));
  await ok('recognition', api.http.post('/api/v1/recognitions').set(reviewer).send({
    decision: { number: '88/QĐ-UBND', date: '2024-12-20', issuer: 'UBND xã Giáp Lai' }, reviewYear: 2024, reviewKind: 'periodic',
    communeCode: SEED.commune, entries: [{ householdId: SEED.household, to: 'poor' }],
  }));
  const smartphone = { kind: 'smartphone', grantedOn: '2025-01-10', fund: 'public-utility-telecom-fund', decision, amount: 500_000, form: 'cash' };
  await ok('grant', api.http.post(`/api/v1/households/${SEED.household}/grants`).set(officer).send({ ...smartphone, grantId: SEED.grant }));
  await ok('exception grant', api.http.post(`/api/v1/households/${SEED.erasable}/grants`).set(officer).send({
    ...smartphone, grantId: 'rt-exception',
    exception: { legalBasis: { number: '45/QĐ-UBND', date: '2024-12-20' }, reason: 'household hit by the flood, listed by the district' },
  }));
  await ok('loan', api.http.post(`/api/v1/households/${SEED.household}/loans`).set(officer).send({
    loanId: SEED.loan, programme: 'poor-household-lending', amount: 50_000_000, termMonths: 60, disbursedOn: '2025-02-01', fund: 'vbsp', decision,
  }));
  await ok('directive', api.http.post('/api/v1/directives').set(reviewer).send(directive(SEED.directive)));
  await ok('revocable directive', api.http.post('/api/v1/directives').set(reviewer).send(directive(`${SEED.directive}-revocable`)));
  const last = await ok('household counts', api.http.post(`/api/v1/communes/${SEED.commune}/household-counts`).set(officer).send({
    year: 2024, total: 1200, urban: 200, rural: 1000, ethnicMinority: 640, source: 'commune statistics 2024', recordedOn: '2024-11-30',
  }));
  return last.position ?? 0;
}
