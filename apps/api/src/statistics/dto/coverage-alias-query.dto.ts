import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { SUPPORT_KIND_IDS, SupportKindId } from '@pl/domain';

/** A commune's coverage of a support kind, under the statistics routes. */
export class CoverageAliasQueryDto {
  @ApiProperty({ example: '07906', description: 'commune (5 digits)' })
  @Matches(/^\d{5}$/, { message: 'areaCode must be the 5-digit commune code' })
  areaCode!: string;

  @ApiPropertyOptional({ enum: SUPPORT_KIND_IDS, default: 'smartphone' })
  @IsOptional() @IsIn(SUPPORT_KIND_IDS, { message: `kind must be one of ${SUPPORT_KIND_IDS.join(', ')}` })
  kind?: SupportKindId;

  @ApiPropertyOptional({ example: '2025-01-01', description: 'default: today' })
  @IsOptional() @Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'asOf must be a date YYYY-MM-DD' })
  asOf?: string;

  @ApiPropertyOptional({ description: 'wait until the read models have applied this log position' })
  @IsOptional() @Matches(/^\d{1,15}$/, { message: 'minPosition must be a log position' })
  minPosition?: string;
}
