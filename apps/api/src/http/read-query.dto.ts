import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

/** The query of a read that takes no filters: only `minPosition`, so a misspelt parameter is refused, not ignored. */
export class ReadQueryDto {
  @ApiPropertyOptional({ description: 'wait until the read models have applied this log position' })
  @IsOptional() @Matches(/^\d{1,15}$/, { message: 'minPosition must be a log position' })
  minPosition?: string;
}
