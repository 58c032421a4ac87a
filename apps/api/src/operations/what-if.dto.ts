import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min, ValidateNested } from 'class-validator';
import { NATIONAL_STANDARD_IDS, NationalStandardId, vnd } from '@pl/domain';
import { WhatIfRequest } from '@pl/application';

/** Changed income lines, VND per person per month. */
export class WhatIfLinesDto {
  @ApiProperty({ example: 2_500_000, minimum: 1, maximum: 100_000_000 })
  @IsInt({ message: 'lines.rural must be a whole number of VND' }) @Min(1) @Max(100_000_000)
  rural!: number;

  @ApiProperty({ example: 3_200_000, minimum: 1, maximum: 100_000_000 })
  @IsInt({ message: 'lines.urban must be a whole number of VND' }) @Min(1) @Max(100_000_000)
  urban!: number;
}

/** A what-if: a national standard as enacted, or changed by other lines or another deprivation threshold. */
export class RunWhatIfDto {
  @ApiProperty({ enum: NATIONAL_STANDARD_IDS, example: '2026-2030', description: 'the standard run, or the base of a changed rule' })
  @IsIn(NATIONAL_STANDARD_IDS, { message: `standard must be one of ${NATIONAL_STANDARD_IDS.join(', ')}` })
  standard!: NationalStandardId;

  @ApiProperty({ example: '2026-12-31', description: 'the history up to and including this date' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'asOf must be a date (YYYY-MM-DD)' })
  asOf!: string;

  @ApiPropertyOptional({ type: WhatIfLinesDto, description: 'other income lines (single-line standards: 2022-2025, 2026-2030)' })
  @IsOptional() @ValidateNested() @Type(() => WhatIfLinesDto)
  lines?: WhatIfLinesDto;

  @ApiPropertyOptional({ example: 3, minimum: 1, maximum: 20, description: 'poor at or above this many deprivations' })
  @IsOptional() @IsInt({ message: 'deprivationThreshold must be a whole number' }) @Min(1) @Max(20)
  deprivationThreshold?: number;

  @ApiPropertyOptional({ example: '07906', description: 'a 5-digit commune (as recorded or today\'s) or a 2-digit province' })
  @IsOptional() @Matches(/^(\d{2}|\d{5})$/, { message: 'areaCode must be a 5-digit commune or a 2-digit province code' })
  areaCode?: string;
}

/** The request the application runs, field by field. */
export function toWhatIfRequest(dto: RunWhatIfDto): WhatIfRequest {
  const changed = dto.lines !== undefined || dto.deprivationThreshold !== undefined;
  return {
    rule: changed
      ? {
          kind: 'changed',
          rule: {
            base: dto.standard,
            ...(dto.lines ? { lines: { rural: vnd(dto.lines.rural), urban: vnd(dto.lines.urban) } } : {}),
            ...(dto.deprivationThreshold !== undefined ? { deprivationThreshold: dto.deprivationThreshold } : {}),
          },
        }
      : { kind: 'national', standardId: dto.standard },
    asOf: dto.asOf,
    ...(dto.areaCode !== undefined ? { areaCode: dto.areaCode } : {}),
  };
}
