import { Document, MemoryReadStore } from '@pl/read-store';

type Doc = Document & Record<string, unknown>;
import { diffCollections, sameDocument } from './collection-diff';

describe('comparing a rebuilt read model with the live one', () => {
  describe('sameDocument', () => {
    it('given the same values in another key order and another _position, then the documents are the same', () => {
      expect(sameDocument(
        <Doc>{ _id: 'h1', _position: 4, status: 'poor', area: { commune: '25', province: '01' }, years: [2024, 2025] },
        <Doc>{ area: { province: '01', commune: '25' }, years: [2024, 2025], status: 'poor', _id: 'h1', _position: 9 },
      )).toBe(true);
    });

    it('given a key holding undefined on one side and absent on the other, then the documents are the same', () => {
      expect(sameDocument(<Doc>{ _id: 'h1', _position: 1, note: undefined }, { _id: 'h1', _position: 1 })).toBe(true);
    });

    it.each([
      ['a changed value', { status: 'poor' }, { status: 'near-poor' }],
      ['a missing key', { status: 'poor', causes: [] }, { status: 'poor' }],
      ['an extra key', { status: 'poor' }, { status: 'poor', village: 'Thôn 1' }],
      ['arrays in another order', { years: [2024, 2025] }, { years: [2025, 2024] }],
      ['an array against an object', { years: [2024] }, { years: { 0: 2024 } }],
      ['null against an object', { lastDecision: null }, { lastDecision: {} }],
      ['a number against its text', { members: 4 }, { members: '4' }],
      ['a nested difference', { area: { commune: '25' } }, { area: { commune: '26' } }],
      ['_position inside a nested object', { last: { _position: 1 } }, { last: { _position: 2 } }],
    ])('given %s, then the documents differ', (_, a, b) => {
      expect(sameDocument(<Doc>{ _id: 'x', _position: 1, ...a }, <Doc>{ _id: 'x', _position: 1, ...b })).toBe(false);
    });
  });

  it('given a live and a rebuilt collection, when diffed, then it counts and names the documents only in one and those that differ', async () => {
    const store = new MemoryReadStore();
    const live = store.collection<Doc>('live');
    const rebuilt = store.collection<Doc>('rebuilt');
    await live.bulkWrite([
      { kind: 'put', doc: { _id: 'a', _position: 1, status: 'poor' } },
      { kind: 'put', doc: { _id: 'b', _position: 2, status: 'poor' } },
      { kind: 'put', doc: { _id: 'c', _position: 3, status: 'near-poor' } },
    ]);
    await rebuilt.bulkWrite([
      { kind: 'put', doc: { _id: 'b', _position: 7, status: 'poor' } },
      { kind: 'put', doc: { _id: 'c', _position: 8, status: 'escaped' } },
      { kind: 'put', doc: { _id: 'd', _position: 9, status: 'poor' } },
    ]);

    expect(await diffCollections(live, rebuilt)).toMatchObject({
      liveCount: 3, rebuiltCount: 3, onlyInLive: ['a'], onlyInRebuilt: ['d'], differing: ['c'], identical: false, truncated: false,
    });
  });
});
