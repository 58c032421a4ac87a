import { ErasePersonalData, IsoDate, householdId, isoDate } from '@pl/domain';
import { ErasureRequestDto } from './erasure-request.dto';

/** Maps an erasure request, field by field, to the domain's command. */
export function toErasePersonalData(dto: ErasureRequestDto, id: string, today: IsoDate): ErasePersonalData {
  return {
    type: 'ErasePersonalData',
    data: {
      householdId: householdId(id),
      requestedOn: dto.requestedOn ? isoDate(dto.requestedOn, 'requestedOn') : today,
      legalBasis: {
        number: dto.legalBasis.number,
        date: isoDate(dto.legalBasis.date, 'legalBasis.date'),
        ...(dto.legalBasis.issuer ? { issuer: dto.legalBasis.issuer } : {}),
      },
      reason: dto.reason,
    },
  };
}
