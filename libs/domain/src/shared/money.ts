import { Brand } from './brand';
import { invalid } from './errors';

/** An amount in whole Vietnamese đồng: the đồng has no minor unit in use. */
export type Vnd = Brand<number, 'Vnd'>;

export function vnd(amount: number, field = 'amount'): Vnd {
  if (!Number.isSafeInteger(amount) || amount < 0) {
    throw invalid('INVALID_AMOUNT', `${field} must be a whole, non-negative number of VND, got ${amount}`, { field });
  }
  return amount as Vnd;
}
