import { eventHash } from '../hash';
import { makeEvent } from '../testing/make-event';
import { rowHash } from './row-hash';

describe('rowHash', () => {
  it('gives what the store computed on append, for Vietnamese text, numbers and nesting', () => {
    const event = makeEvent('HouseholdRegistered.v1', { z: 1.5, a: { tên: 'Hà Văn Sơn', list: [3, null, { b: true }] }, emoji: '🏠' });
    expect(rowHash('prev', 'household-x', 7, event.eventId, event.type, JSON.stringify(event.data), JSON.stringify(event.metadata))).toBe(eventHash('prev', 'household-x', 7, event));
  });

  it('differs when one character of the data differs', () => {
    const event = makeEvent('HouseholdRegistered.v1', { name: 'Sơn' });
    expect(rowHash('', 's', 0, event.eventId, event.type, JSON.stringify({ name: 'Sơm' }), JSON.stringify(event.metadata))).not.toBe(eventHash('', 's', 0, event));
  });
});
