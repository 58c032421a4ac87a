import { IsoDate, isIsoDate } from '@pl/domain';
import { headerKey } from './import-columns';

/** What a cell could not be read as: the row's refusal code and why. */
export class CellProblem extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = 'CellProblem';
  }
}

const DAY_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/** A date written dd/mm/yyyy (as offices write it) or yyyy-mm-dd (as exports write it). */
export function dateCell(text: string, column: string): IsoDate {
  const day = DAY_FIRST.exec(text);
  const iso = ISO.exec(text);
  const parts = day ? [day[3], day[2], day[1]] : iso ? [iso[1], iso[2], iso[3]] : undefined;
  const date = parts && `${parts[0]}-${parts[1].padStart(2, '0')}-${parts[2].padStart(2, '0')}`;
  if (!date || !isIsoDate(date)) throw new CellProblem('INVALID_DATE', `${column} "${text}" is not a date dd/mm/yyyy or yyyy-mm-dd`);
  return date;
}

/** A commune code, zero-padded: a spreadsheet turns "07906" into the number 7906. */
export function communeCell(text: string): string {
  if (!/^\d{1,5}$/.test(text)) throw new CellProblem('INVALID_COMMUNE_CODE', `commune code "${text}" must be up to 5 digits`);
  return text.padStart(5, '0');
}

/**
 * A citizen ID as digits. Every province-of-birth code starts with 0, which a spreadsheet
 * drops when it stores the ID as a number, so 10 or 11 digits are padded back to 12.
 */
export function citizenIdCell(text: string): string {
  const digits = text.replace(/[\s.]/g, '');
  return /^\d{10,11}$/.test(digits) ? digits.padStart(12, '0') : digits;
}

/** A member count, a whole number; the domain checks its range. */
export function countCell(text: string): number {
  if (!/^\d+$/.test(text)) throw new CellProblem('INVALID_MEMBER_COUNT', `member count "${text}" is not a whole number`);
  return Number(text);
}

const AREA_TYPES: Readonly<Record<string, 'urban' | 'rural'>> = { thanhthi: 'urban', urban: 'urban', nongthon: 'rural', rural: 'rural' };

/** thành thị / nông thôn, in either language, any case or accents. */
export function areaTypeCell(text: string): 'urban' | 'rural' {
  const found = AREA_TYPES[headerKey(text)];
  if (!found) throw new CellProblem('INVALID_AREA_TYPE', `area type "${text}" must be thành thị, nông thôn, urban or rural`);
  return found;
}

const YES = new Set(['x', '1', 'true', 'yes', 'y', 'co']);
const NO = new Set(['', '0', 'false', 'no', 'n', 'khong']);

/** A tick column (x, 1, true, có / empty, 0, false, không). */
export function flagCell(text: string, column: string): boolean {
  const key = headerKey(text);
  if (YES.has(key)) return true;
  if (NO.has(key)) return false;
  throw new CellProblem('INVALID_FLAG', `${column} "${text}" must be x, 1, true or có (or empty)`);
}

/** The policy column often names the policy ("Người có công") instead of ticking it: any text but a "no" counts. */
export const policyCell = (text: string): boolean => !NO.has(headerKey(text));

/** Whether an ethnicity names a minority: anything but Kinh, the majority. */
export const isMinorityEthnicity = (text: string): boolean => text !== '' && headerKey(text) !== 'kinh';
