import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : value);

/** The audit trail's filters: exactly one subject, an optional date range, a page. */
export class AuditTrailQueryDto {
  @ApiPropertyOptional({ example: 'hh-2023-0042', description: 'a household: its stream, read directly' })
  @IsOptional() @Matches(ID, { message: 'householdId must be an id' })
  householdId?: string;

  @ApiPropertyOptional({ example: '07906', description: 'a commune: its stream, and its households\' events while they lived there' })
  @IsOptional() @Matches(/^\d{5}$/, { message: 'communeCode must be a 5-digit commune code' })
  communeCode?: string;

  @ApiPropertyOptional({ example: 'central-budget', description: 'a support fund: the grants and loans it paid' })
  @IsOptional() @Matches(ID, { message: 'fund must be a fund id' })
  fund?: string;

  @ApiPropertyOptional({ example: 'cv-2024-118', description: 'a directive: its stream, read directly' })
  @IsOptional() @Matches(ID, { message: 'directiveId must be an id' })
  directiveId?: string;

  @ApiPropertyOptional({ example: 'reviewer-1', description: 'an actor: every event they recorded, within the caller\'s areas' })
  @IsOptional() @Matches(ID, { message: 'actorId must be an id' })
  actorId?: string;

  @ApiPropertyOptional({ example: '6f1c2a9e-0c55-4a43-9d1f-3a1f0b7c2d10', description: 'a correlation: every event of one command or batch, across streams' })
  @IsOptional() @Matches(ID, { message: 'correlationId must be an id' })
  correlationId?: string;

  @ApiPropertyOptional({ example: '2023-01-01', description: 'recorded on or after this date' })
  @IsOptional() @Matches(DATE, { message: 'from must be a date YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ example: '2023-12-31', description: 'recorded on or before this date' })
  @IsOptional() @Matches(DATE, { message: 'to must be a date YYYY-MM-DD' })
  to?: string;

  @ApiPropertyOptional({ example: 100, description: 'events per page, 1-1000 (default 100)' })
  @IsOptional() @Transform(toInt) @IsInt({ message: 'limit must be an integer' }) @Min(1) @Max(1000)
  limit?: number;

  @ApiPropertyOptional({ example: '1042', description: 'nextCursor of the previous page' })
  @IsOptional() @Matches(/^\d{1,15}$/, { message: 'cursor must be a nextCursor value' })
  cursor?: string;

  @ApiPropertyOptional({ enum: ['json', 'csv'], description: 'csv: the same page as UTF-8 CSV with a byte-order mark' })
  @IsOptional() @IsIn(['json', 'csv'], { message: 'format must be json or csv' })
  format?: 'json' | 'csv';

  @ApiPropertyOptional({ description: 'wait until the read models have applied this log position' })
  @IsOptional() @Matches(/^\d{1,15}$/, { message: 'minPosition must be a log position' })
  minPosition?: string;
}
