import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { SUPPORT_FUNDS, SUPPORT_KIND_IDS, SupportFund, SupportKindId } from '@pl/domain';
import { DATE, ID } from './decision.dto';

const toYear = ({ value }: { value: unknown }) => (typeof value === 'string' && /^\d{4}$/.test(value) ? Number(value) : value);

/** One of: householdId; communeCode and year; fund and year. */
export class LedgerQueryDto {
  @ApiPropertyOptional({ example: 'hh-25252-0001' })
  @IsOptional() @Matches(ID, { message: 'householdId must be 1-64 letters, digits, "-" or "_"' })
  householdId?: string;

  @ApiPropertyOptional({ example: '07906', description: 'with year: support given while households lived in this commune' })
  @IsOptional() @Matches(/^\d{5}$/, { message: 'communeCode must be the 5-digit commune code' })
  communeCode?: string;

  @ApiPropertyOptional({ enum: SUPPORT_FUNDS, description: 'with year; national access only, a fund spans every area' })
  @IsOptional() @IsIn(SUPPORT_FUNDS)
  fund?: SupportFund;

  @ApiPropertyOptional({ example: 2024 })
  @IsOptional() @Transform(toYear) @IsInt({ message: 'year must be a year' }) @Min(2000) @Max(2100)
  year?: number;

  @ApiPropertyOptional({ description: 'wait until the read models have applied this log position' })
  @IsOptional() @Matches(/^\d{1,15}$/, { message: 'minPosition must be a log position' })
  minPosition?: string;
}

/** A commune's coverage of one kind of support on a date. */
export class CoverageQueryDto {
  @ApiProperty({ example: '07906' })
  @Matches(/^\d{5}$/, { message: 'communeCode must be the 5-digit commune code' })
  communeCode!: string;

  @ApiPropertyOptional({ enum: SUPPORT_KIND_IDS, default: 'smartphone' })
  @IsOptional() @IsIn(SUPPORT_KIND_IDS)
  kind?: SupportKindId;

  @ApiPropertyOptional({ example: '2025-01-01', description: 'default: today' })
  @IsOptional() @Matches(DATE, { message: 'asOf must be a date YYYY-MM-DD' })
  asOf?: string;

  @ApiPropertyOptional({ description: 'wait until the read models have applied this log position' })
  @IsOptional() @Matches(/^\d{1,15}$/, { message: 'minPosition must be a log position' })
  minPosition?: string;
}
