import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, IsString, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { SupportDecision, SupportException, directiveId, isoDate } from '@pl/domain';

export const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/** The decision that carries a grant, a loan or an area activity; it may cite the directive it implements. */
export class SupportDecisionDto {
  @ApiProperty({ example: '125/QĐ-UBND' })
  @IsString() @MinLength(1) @MaxLength(60)
  number!: string;

  @ApiProperty({ example: '2024-06-01' })
  @Matches(DATE, { message: 'decision.date must be a date YYYY-MM-DD' })
  date!: string;

  @ApiProperty({ example: 'UBND xã Thạch Khoán' })
  @IsString() @MinLength(1) @MaxLength(160)
  issuer!: string;

  @ApiPropertyOptional({ example: 'kh-29-2019', description: 'the directive implemented; 422 DIRECTIVE_NOT_FOUND or DIRECTIVE_REVOKED when it may not be cited' })
  @IsOptional() @Matches(ID, { message: 'decision.directiveId must be 1-64 letters, digits, "-" or "_"' })
  directiveId?: string;
}

/** The act (number and date) an exception rests on. */
export class LegalBasisDto {
  @ApiProperty({ example: '45/QĐ-UBND' })
  @IsString() @MinLength(1) @MaxLength(60)
  number!: string;

  @ApiProperty({ example: '2024-05-20' })
  @Matches(DATE, { message: 'exception.legalBasis.date must be a date YYYY-MM-DD' })
  date!: string;
}

/** Allows what the ordinary rules refuse; every rule set aside is recorded with it. */
export class SupportExceptionDto {
  @ApiProperty({ type: LegalBasisDto })
  @ValidateNested() @Type(() => LegalBasisDto)
  legalBasis!: LegalBasisDto;

  @ApiProperty({ example: 'household hit by the 2024 flood, listed by the district' })
  @IsString() @MinLength(1) @MaxLength(500)
  reason!: string;
}

export const toDecision = (dto: SupportDecisionDto): SupportDecision => ({
  number: dto.number,
  date: isoDate(dto.date, 'decision.date'),
  issuer: dto.issuer,
  ...(dto.directiveId !== undefined ? { directiveId: directiveId(dto.directiveId) } : {}),
});

export const toException = (dto: SupportExceptionDto | undefined): { exception?: SupportException } =>
  dto ? { exception: { legalBasis: { number: dto.legalBasis.number, date: isoDate(dto.legalBasis.date, 'exception.legalBasis.date') }, reason: dto.reason } } : {};
