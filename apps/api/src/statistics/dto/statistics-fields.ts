import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

// Query values arrive as strings; a value is converted only when it has exactly the expected
// shape, so anything else reaches the validators as is and is refused.
export const toWhole = (digits: number) => ({ value }: { value: unknown }) =>
  typeof value === 'string' && new RegExp(`^\\d{1,${digits}}$`).test(value) ? Number(value) : value;

export const AREA_CODE = /^(\d{2}|\d{3}|\d{5})$/;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** The point-of-view fields every statistics query accepts. */
export class StatisticsViewDto {
  @ApiPropertyOptional({ enum: ['recorded', 'current'], default: 'recorded', description: 'units as recorded on the events, or mapped to today\'s units' })
  @IsOptional() @IsIn(['recorded', 'current'], { message: 'mapping must be recorded or current' })
  mapping?: 'recorded' | 'current';

  @ApiPropertyOptional({ example: '2024-12-31', description: 'only decisions and facts effective on or before this date (replays the log)' })
  @IsOptional() @Matches(DATE, { message: 'asOf must be a date YYYY-MM-DD' })
  asOf?: string;

  @ApiPropertyOptional({ example: '2025-01-15T00:00:00Z', description: 'only events recorded at or before this instant (replays the log)' })
  @IsOptional() @Matches(INSTANT, { message: 'knownAt must be an ISO 8601 instant with a zone, e.g. 2025-01-15T00:00:00Z' })
  knownAt?: string;

  @ApiPropertyOptional({ example: 1200, description: 'the figures as they were at this log position (the `position` of an earlier answer)' })
  @IsOptional() @Transform(toWhole(15)) @IsInt({ message: 'asOfPosition must be a log position' }) @Min(0)
  asOfPosition?: number;

  @ApiPropertyOptional({ description: 'wait until the read models have applied this log position' })
  @IsOptional() @Matches(/^\d{1,15}$/, { message: 'minPosition must be a log position' })
  minPosition?: string;
}

/** A review year. */
export const YearField = () => applyDecorators(Transform(toWhole(4)), IsInt({ message: 'year must be a review year' }), Min(2016), Max(2100));
