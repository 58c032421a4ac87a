import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { EventToAppend } from './envelope';
import { canonicalJson, eventHash } from './hash';

// Every stored hash was computed with the first, plain canonicalJson: the faster one must
// write the very same text for anything, or the chain of existing logs would stop verifying.

/** The first implementation, kept verbatim as the reference. */
function referenceCanonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(referenceCanonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${referenceCanonicalJson(v)}`).join(',')}}`;
}

function referenceEventHash(prevHash: string, streamId: string, revision: number, event: EventToAppend): string {
  return createHash('sha256')
    .update(prevHash).update('\n')
    .update(streamId).update('\n')
    .update(String(revision)).update('\n')
    .update(event.eventId).update('\n')
    .update(event.type).update('\n')
    .update(JSON.stringify(event.data)).update('\n')
    .update(JSON.stringify(event.metadata))
    .digest('hex');
}

const registered: EventToAppend = {
  eventId: '5b0e6f3a-8d1c-4a57-9a55-1f6f0c1d2e3f',
  type: 'HouseholdRegistered.v1',
  data: {
    householdId: 'hh-00000042',
    registeredOn: '2022-01-10',
    address: { village: 'Thôn 3', communeCode: '07906' },
    areaType: 'rural',
    memberCount: 4,
    ethnicMinority: true,
    policyFamily: false,
    personal: {
      headName: 'Nguyễn Văn Đức',
      headCitizenId: '025000000042',
      ethnicity: 'Mường',
      members: [{ name: 'Trần Thị Bình', relation: 'vợ/chồng', birthDate: undefined }, { relation: 'con', name: 'Lê Văn Cường' }],
    },
  },
  metadata: {
    commandId: 'c-1', correlationId: 'c-1', causationId: 'c-1',
    actor: { id: 'officer-1', role: 'commune-officer', unit: '07906' },
    recordedAt: '2026-01-15T08:00:00.000Z', schemaVersion: 1, effectiveDate: undefined,
  },
};

describe('canonicalJson', () => {
  const cases: Record<string, unknown> = {
    'a household registration': registered.data,
    'event metadata': registered.metadata,
    'nested objects with unsorted keys': { z: { b: 1, a: { d: [3, { y: 1, x: 2 }], c: null } }, a: 'first', m: [] },
    'Vietnamese and other unicode': { 'tên': 'Hộ nghèo Đắk Lắk', 'ý kiến': 'Quyết định số 12/QĐ-UBND', emoji: '🏠👨‍👩‍👧', 'Ä': 1, 'a': 2, 'Z': 3 },
    'keys that sort by code unit, not locale': { 'é': 1, e: 2, E: 3, '10': 4, '9': 5, '': 6, 'ê': 7, '\u{1F600}': 8, '\uFFFF': 9 },
    'characters JSON must escape': { 'quote"key': 'a "quoted" \\ back\\slash', control: '\u0000\u0001\u001f\b\f\n\r\t', 'lone\uD800': '\uDC00 and \uD83D', line: '\u2028\u2029' },
    'undefined values are dropped from objects and read null in arrays': { keep: 1, drop: undefined, list: [undefined, 1, undefined], deep: { gone: undefined } },
    'numbers': { int: 42, neg: -7, zero: 0, negZero: -0, frac: 0.1 + 0.2, big: 1e21, small: 5e-7, max: Number.MAX_SAFE_INTEGER, nan: NaN, inf: Infinity, ninf: -Infinity, vnd: 1_500_000 },
    'booleans and null': { t: true, f: false, n: null, arr: [true, false, null] },
    'values JSON cannot hold': { fn: () => 1, sym: Symbol('s'), list: [() => 1, Symbol('t')], date: new Date(0), map: new Map([[1, 2]]) },
    'a sparse array': [1, , 3],
    'an empty object and array': { o: {}, a: [] },
    'boxed primitives': { s: new String('ab'), n: new Number(3), b: new Boolean(false) },
  };

  it.each(Object.entries(cases))('writes what the reference writes for %s', (_name, value) => {
    expect(canonicalJson(value)).toBe(referenceCanonicalJson(value));
  });

  it.each([null, undefined, 0, -0, 1.5, NaN, 'text', 'Đ"\n', true, false, [], {}, () => 1, Symbol('x')])(
    'writes what the reference writes for the top-level value %p',
    (value) => {
      expect(canonicalJson(value)).toBe(referenceCanonicalJson(value));
    },
  );

  it('throws on a bigint, as the reference does', () => {
    expect(() => referenceCanonicalJson({ n: 1n })).toThrow(TypeError);
    expect(() => canonicalJson({ n: 1n })).toThrow(TypeError);
  });

  it('sorts keys and stays valid JSON', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 1, c: 2 }] })).toBe('{"a":[{"c":2,"d":1}],"b":1}');
    expect(JSON.parse(canonicalJson(cases['Vietnamese and other unicode']))).toEqual(cases['Vietnamese and other unicode']);
  });

  it('writes what the reference writes for any JSON-like value', () => {
    fc.assert(fc.property(fc.anything({ withBoxedValues: true, withNullPrototype: true, withSparseArray: true, withObjectString: true }), (value) => {
      expect(canonicalJson(value)).toBe(referenceCanonicalJson(value));
    }), { numRuns: 2000 });
  });

  it('writes what the reference writes for JSON text with any unicode', () => {
    fc.assert(fc.property(fc.json(), fc.dictionary(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' })), (json, dict) => {
      const value = JSON.parse(json) as unknown;
      expect(canonicalJson(value)).toBe(referenceCanonicalJson(value));
      expect(canonicalJson(dict)).toBe(referenceCanonicalJson(dict));
    }), { numRuns: 2000 });
  });

  it('stays identical when more distinct keys pass than it remembers', () => {
    const many = Object.fromEntries(Array.from({ length: 6000 }, (_, i) => [`key-${i}`, i]));
    expect(canonicalJson(many)).toBe(referenceCanonicalJson(many));
    expect(canonicalJson(many)).toBe(referenceCanonicalJson(many));
  });
});

describe('eventHash', () => {
  it('is the hash the reference gives', () => {
    expect(eventHash('', 'household-hh-00000042', 0, registered)).toBe(referenceEventHash('', 'household-hh-00000042', 0, registered));
    const prev = referenceEventHash('', 'household-hh-00000042', 0, registered);
    expect(eventHash(prev, 'household-hh-00000042', 1, registered)).toBe(referenceEventHash(prev, 'household-hh-00000042', 1, registered));
  });

  it('is pinned: a stored chain keeps verifying', () => {
    // Computed with the reference implementation over the stored JSON text; a change here breaks every stored log.
    expect(eventHash('', 'household-hh-00000042', 0, registered)).toBe(PINNED_HASH);
  });
});

const PINNED_HASH = '4110e338f50bb853ba6946d0ff1930b5bd255e6be4b7f98e4b522d789cce07e1';
