import { DomainError } from '../shared/errors';
import { IsoDate } from '../shared/calendar';
import { citizenId, validateCitizenId } from './citizen-id';
import { PROVINCE_OF_BIRTH_REGISTRATION } from './province-of-birth-registration';

const date = (value: string) => value as IsoDate;

function errorOf(run: () => unknown): DomainError {
  try {
    run();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError, nothing was thrown');
}

describe('validateCitizenId', () => {
  it('given the old 63-province list, then it holds exactly 63 codes of three digits', () => {
    const codes = Object.keys(PROVINCE_OF_BIRTH_REGISTRATION);
    expect(codes).toHaveLength(63);
    expect(codes.every((c) => /^\d{3}$/.test(c))).toBe(true);
  });

  it.each([
    ['a Hà Nội man born 1985', '001085012345', '1985-04-02'],
    ['a Cà Mau woman born 1999', '096199000001', '1999-12-31'],
    ['a Hồ Chí Minh boy born 2004', '079204123456', '2004-01-15'],
    ['a Lào Cai girl born 2010', '010310654321', '2010-06-30'],
    ['a man born 1900', '001000000000', '1900-01-01'],
  ])('when the ID of %s is checked against the birth date, then it passes', (_who, id, birth) => {
    expect(() => validateCitizenId(id, date(birth))).not.toThrow();
  });

  it('when no birth date is known, then only the shape and province code are checked', () => {
    expect(() => validateCitizenId('001985012345')).not.toThrow();
  });

  it.each([
    ['11 digits', '00108501234', /exactly 12 digits, got 11 digits/],
    ['13 digits', '0010850123456', /exactly 12 digits, got 13 digits/],
    ['a letter', '00108501234A', /12 characters of which 1 are not digits/],
    ['spaces', '001 085 012 345', /not digits/],
    ['an empty string', '', /got 0 digits/],
  ])('when the ID has %s, then it is rejected for its length or characters', (_what, id, message) => {
    const error = errorOf(() => validateCitizenId(id));
    expect(error).toMatchObject({ kind: 'invalid', code: 'INVALID_CITIZEN_ID', details: { problem: 'length' } });
    expect(error.message).toMatch(message);
  });

  it('when the message describes a bad ID, then it does not repeat the number', () => {
    expect(errorOf(() => validateCitizenId('00108501234X')).message).not.toContain('00108501234');
  });

  it.each(['000', '003', '099', '100', '999'])('when the ID starts with %s, then the province code is unknown', (code) => {
    const error = errorOf(() => validateCitizenId(`${code}085012345`));
    expect(error).toMatchObject({ code: 'INVALID_CITIZEN_ID', details: { problem: 'province' } });
    expect(error.message).toContain(`starts with ${code}`);
  });

  it('when a 20th-century digit meets a 2000s birth date, then the century is inconsistent', () => {
    const error = errorOf(() => validateCitizenId('001004012345', date('2004-03-01')));
    expect(error).toMatchObject({ code: 'INVALID_CITIZEN_ID', details: { problem: 'century' } });
    expect(error.message).toBe("citizen ID's 4th digit 0 means born 1900-1999, but the birth date falls in 2000-2099");
  });

  it('when a 2000s digit meets a 1990s birth date, then the century is inconsistent', () => {
    const error = errorOf(() => validateCitizenId('001392012345', date('1992-03-01')));
    expect(error.details).toEqual({ problem: 'century' });
  });

  it('when the birth date precedes 1900, then no century digit fits', () => {
    expect(errorOf(() => validateCitizenId('001099012345', date('1899-03-01'))).details).toEqual({ problem: 'century' });
  });

  it('when the year digits differ from the birth year, then the birth year is inconsistent', () => {
    const error = errorOf(() => validateCitizenId('001086012345', date('1985-04-02')));
    expect(error).toMatchObject({ code: 'INVALID_CITIZEN_ID', details: { problem: 'birth-year' } });
    expect(error.message).toMatch(/5th-6th digits must be the last two digits of the birth year/);
    expect(error.message).not.toContain('1985');
  });

  it('when citizenId brands a valid number, then it returns the same string', () => {
    expect(citizenId('001085012345', date('1985-04-02'))).toBe('001085012345');
  });
});
