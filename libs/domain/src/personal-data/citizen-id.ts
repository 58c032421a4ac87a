import { Brand } from '../shared/brand';
import { IsoDate, yearOf } from '../shared/calendar';
import { invalid } from '../shared/errors';
import { isProvinceOfBirthRegistrationCode } from './province-of-birth-registration';

/** Số định danh cá nhân / căn cước công dân (CCCD): a 12-digit citizen ID whose shape was checked. */
export type CitizenId = Brand<string, 'CitizenId'>;

const TWELVE_DIGITS = /^\d{12}$/;

/**
 * Checks the shape of a citizen ID and, when a birth date is known, that its century digit
 * and birth-year digits agree with it. Throws `INVALID_CITIZEN_ID` saying what is wrong.
 *
 * The first three digits name where the birth was registered, which is not where the
 * person lives: never derive a residence, a commune or an area check from them.
 */
export function validateCitizenId(id: string, birthDate?: IsoDate): void {
  if (!TWELVE_DIGITS.test(id)) {
    fail(`a citizen ID must be exactly 12 digits, got ${describeShape(id)}`, 'length');
  }
  const province = id.slice(0, 3);
  if (!isProvinceOfBirthRegistrationCode(province)) {
    fail(`citizen ID starts with ${province}, which is not a province-of-birth-registration code`, 'province');
  }
  if (birthDate === undefined) return;
  const centuryDigit = Number(id[3]);
  const birthYear = yearOf(birthDate);
  const expectedCentury = centuryDigitsFor(birthYear);
  if (expectedCentury === undefined || !expectedCentury.includes(centuryDigit)) {
    fail(
      `citizen ID's 4th digit ${centuryDigit} means born ${range(centuryOf(centuryDigit))}, but the birth date falls in ${range(Math.floor(birthYear / 100) * 100)}`,
      'century',
    );
  }
  const yearDigits = id.slice(4, 6);
  const expectedYearDigits = String(birthYear % 100).padStart(2, '0');
  if (yearDigits !== expectedYearDigits) {
    fail(`citizen ID's 5th-6th digits must be the last two digits of the birth year, and they differ`, 'birth-year');
  }
}

/** Validates and brands a citizen ID (see `validateCitizenId`). */
export function citizenId(id: string, birthDate?: IsoDate): CitizenId {
  validateCitizenId(id, birthDate);
  return id as CitizenId;
}

const range = (first: number): string => `${first}-${first + 99}`;

/** First year of the century a 4th digit encodes: 0/1 → 1900, 2/3 → 2000, ... 8/9 → 2300. */
const centuryOf = (digit: number): number => 1900 + Math.floor(digit / 2) * 100;

/** The two digits (male, female) allowed for a birth year, or undefined outside 1900-2399. */
function centuryDigitsFor(year: number): readonly number[] | undefined {
  if (year < 1900 || year > 2399) return undefined;
  const male = Math.floor((year - 1900) / 100) * 2;
  return [male, male + 1];
}

// Messages get logged, so they describe the ID and never repeat it or the birth date.
function describeShape(id: string): string {
  const nonDigits = id.replace(/\d/g, '').length;
  return nonDigits > 0 ? `${id.length} characters of which ${nonDigits} are not digits` : `${id.length} digits`;
}

function fail(message: string, problem: 'length' | 'province' | 'century' | 'birth-year'): never {
  throw invalid('INVALID_CITIZEN_ID', message, { problem });
}
