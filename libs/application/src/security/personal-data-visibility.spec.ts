import { canSeePersonalData, redactPersonal } from './personal-data-visibility';
import { Principal, Role } from './principal';

const who = (role: Role): Principal => ({ subject: 's', role, areas: ['*'] });
const household = { _id: 'h-1', _position: 7, communeCode: '00004', personal: { headName: 'Nguyễn Văn A', citizenId: '001085012345' } };

describe('personal data visibility', () => {
  it.each<[Role, boolean]>([
    ['commune-officer', true],
    ['reviewer', true],
    ['auditor', true],
    ['reporter', false],
    ['operator', false],
    ['administrator', false],
  ])('given a %s, then canSeePersonalData is %s', (role, expected) => {
    expect(canSeePersonalData(who(role))).toBe(expected);
  });

  it('given an auditor, when a document is redacted, then it comes back whole', () => {
    expect(redactPersonal(household, who('auditor'))).toEqual(household);
  });

  it('given a reporter, when a document is redacted, then personal is gone and the rest kept', () => {
    const seen = redactPersonal(household, who('reporter'));
    expect(seen).toEqual({ _id: 'h-1', _position: 7, communeCode: '00004' });
    expect('personal' in seen).toBe(false);
    expect(JSON.stringify(seen)).not.toContain('Nguyễn');
  });

  it('given a reporter, when redacting, then the original document is left untouched', () => {
    redactPersonal(household, who('reporter'));
    expect(household.personal.headName).toBe('Nguyễn Văn A');
  });
});
