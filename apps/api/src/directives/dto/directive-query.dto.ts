import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { DATE } from '../../support/dto/decision.dto';
import { AREA } from './directive.dto';

const toYear = ({ value }: { value: unknown }) => (typeof value === 'string' && /^\d{4}$/.test(value) ? Number(value) : value);

export class BoardQueryDto {
  @ApiPropertyOptional({ example: '2019-07-01', description: 'default: today' })
  @IsOptional() @Matches(DATE, { message: 'asOf must be a date YYYY-MM-DD' })
  asOf?: string;

  @ApiPropertyOptional({ description: 'wait until the read models have applied this log position' })
  @IsOptional() @Matches(/^\d{1,15}$/, { message: 'minPosition must be a log position' })
  minPosition?: string;
}

export class TargetProgressQueryDto {
  @ApiProperty({ example: '25' })
  @Matches(AREA, { message: 'areaCode must be a 2-digit province or 5-digit commune code' })
  areaCode!: string;

  @ApiProperty({ example: 2019 })
  @Transform(toYear) @IsInt({ message: 'year must be a year' }) @Min(2000) @Max(2100)
  year!: number;

  @ApiPropertyOptional({ description: 'wait until the read models have applied this log position' })
  @IsOptional() @Matches(/^\d{1,15}$/, { message: 'minPosition must be a log position' })
  minPosition?: string;
}
