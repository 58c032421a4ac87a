import { DomainError } from '../shared/errors';
import { provinceCode } from '../shared/ids';
import { vnd } from '../shared/money';
import { classifyNationalAndLocal, localStandard } from './local-standard';

const hanoiLike = () =>
  localStandard({
    id: 'province-01-2016-2020',
    provinceCode: provinceCode('01'),
    base: '2016-2020',
    legalSource: 'provincial resolution (example)',
    lines: { rural: { lower: vnd(1_000_000), upper: vnd(1_500_000) }, urban: { lower: vnd(1_300_000), upper: vnd(1_950_000) } },
  });

const facts = { areaType: 'rural' as const, incomePerPersonMonthly: vnd(900_000), deficientIndicators: [] };

describe('local standard', () => {
  it('given a province with higher lines, when classified, then national and local results sit side by side', () => {
    const result = classifyNationalAndLocal({ reviewYear: 2019, ...facts, local: hanoiLike() });
    expect(result.national).toMatchObject({ standardId: '2016-2020', category: 'near-poor' });
    expect(result.local).toMatchObject({ standardId: 'province-01-2016-2020', category: 'poor' });
  });

  it('given no local standard, then only the national result', () => {
    expect(classifyNationalAndLocal({ reviewYear: 2019, ...facts }).local).toBeUndefined();
  });

  it('given a local standard on another base, when classifying a later year, then it is not in force', () => {
    expect(() => classifyNationalAndLocal({ reviewYear: 2023, ...facts, local: hanoiLike() })).toThrow(
      expect.objectContaining({ code: 'LOCAL_STANDARD_NOT_IN_FORCE' }),
    );
  });

  it('when a local line is below the national one, then the standard is refused', () => {
    const make = () =>
      localStandard({ id: 'x', provinceCode: provinceCode('01'), base: '2022-2025', legalSource: 's', lines: { rural: vnd(1_400_000), urban: vnd(2_000_000) } });
    expect(make).toThrow(DomainError);
    expect(make).toThrow(/below the national line/);
  });

  it('when local lines do not have the shape of the base, then the standard is refused', () => {
    const make = () =>
      localStandard({ id: 'x', provinceCode: provinceCode('01'), base: '2016-2020', legalSource: 's', lines: { rural: vnd(2_000_000), urban: vnd(2_000_000) } });
    expect(make).toThrow(expect.objectContaining({ code: 'INVALID_LOCAL_STANDARD' }));
  });
});
