import { isoDate } from '../shared/calendar';
import { deciderSpec } from '../shared/testing/decider-spec';
import { AdminReorganisation } from './admin-unit';
import { adminUnitsDecider } from './admin-units.decider';

const merger: AdminReorganisation = {
  resolution: { number: '1676/NQ-UBTVQH15', date: isoDate('2025-06-16') },
  kind: 'merge',
  effectiveOn: isoDate('2025-07-01'),
  mapping: [{ from: '07900', to: '07950' }, { from: '07903', to: '07950' }],
};
const spec = deciderSpec(adminUnitsDecider);
const recorded = { type: 'AdminUnitsReorganised.v1' as const, data: merger };

describe('the admin-units stream', () => {
  it('given nothing, when a merger is recorded, then it is recorded', () => {
    spec.given([]).when({ type: 'RecordReorganisation', data: merger }).then([recorded]);
  });

  it('given the merger, when it is recorded again with its mapping in another order, then nothing changes', () => {
    spec.given([recorded]).when({ type: 'RecordReorganisation', data: { ...merger, mapping: [...merger.mapping].reverse() } }).then([]);
  });

  it('given the merger, when the same resolution comes with another mapping, then it is a conflict', () => {
    spec.given([recorded]).when({ type: 'RecordReorganisation', data: { ...merger, mapping: [{ from: '07900', to: '07953' }] } }).thenThrows('REORGANISATION_DIFFERS');
  });
});
