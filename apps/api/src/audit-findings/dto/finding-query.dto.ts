import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { AUDIT_RULE_IDS, AuditRuleId, FINDING_SEVERITIES, FindingSeverity } from '@pl/domain';
import type { FindingStatus } from '@pl/projections';

const STATUSES: readonly FindingStatus[] = ['open', 'acknowledged', 'explained'];

// Query values arrive as strings; each is converted only when exactly the expected shape.
const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);
const toLimit = ({ value }: { value: unknown }) => (typeof value === 'string' && /^\d{1,3}$/.test(value) ? Number(value) : value);

/** Filters of the findings page: values only, every field validated, anything unknown refused. */
export class FindingQueryDto {
  @ApiPropertyOptional({ example: '07906', description: 'a commune (5 digits, as recorded) or a province (2 digits); 403 outside your areas' })
  @IsOptional() @Matches(/^(\d{2}|\d{5})$/, { message: 'areaCode must be a 2-digit province or a 5-digit commune code' })
  areaCode?: string;

  @ApiPropertyOptional({ enum: AUDIT_RULE_IDS, example: 'grant-not-eligible-on-date' })
  @IsOptional() @IsIn(AUDIT_RULE_IDS)
  ruleId?: AuditRuleId;

  @ApiPropertyOptional({ enum: STATUSES, example: 'open' })
  @IsOptional() @IsIn(STATUSES)
  status?: FindingStatus;

  @ApiPropertyOptional({ enum: FINDING_SEVERITIES, example: 'high' })
  @IsOptional() @IsIn(FINDING_SEVERITIES)
  severity?: FindingSeverity;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: findings a later event resolved; false: those still standing' })
  @IsOptional() @Transform(toBoolean) @IsBoolean({ message: 'resolved must be true or false' })
  resolved?: boolean;

  @ApiPropertyOptional({ example: 50, minimum: 1, maximum: 500, default: 50 })
  @IsOptional() @Transform(toLimit) @IsInt({ message: 'limit must be a whole number' }) @Min(1) @Max(500)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional() @IsString() @MaxLength(1024) @Matches(/^[A-Za-z0-9_-]+$/, { message: 'cursor must be a nextCursor from a previous page' })
  cursor?: string;

  @ApiPropertyOptional({ description: 'wait until the read models have applied this log position' })
  @IsOptional() @Matches(/^\d{1,15}$/, { message: 'minPosition must be a log position' })
  minPosition?: string;
}
