import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

const STATUSES = ['not-listed', 'poor', 'near-poor', 'escaped'] as const;

// Query values arrive as strings; each is converted only when it is exactly the expected
// shape, so anything else reaches the validators as is and is refused.
const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);
const toWhole = (digits: number) => ({ value }: { value: unknown }) =>
  typeof value === 'string' && new RegExp(`^\\d{1,${digits}}$`).test(value) ? Number(value) : value;
const toList = ({ value }: { value: unknown }) => {
  const parts = Array.isArray(value) ? value : [value];
  return parts.every((p) => typeof p === 'string') ? parts.flatMap((p: string) => p.split(',')) : value;
};

/** Filters of the registry page: values only, every field validated, anything unknown refused. */
export class RegistryQueryDto {
  @ApiPropertyOptional({ example: '25', description: 'province as recorded (2 digits)' })
  @IsOptional() @Matches(/^\d{2}$/, { message: 'provinceCode must be the 2-digit province code' })
  provinceCode?: string;

  @ApiPropertyOptional({ example: '07906', description: 'commune (5 digits): as recorded, or today\'s unit with area=current' })
  @IsOptional() @Matches(/^\d{5}$/, { message: 'communeCode must be the 5-digit commune code' })
  communeCode?: string;

  @ApiPropertyOptional({ enum: STATUSES, isArray: true, description: 'repeat it or give a comma list: status=poor,near-poor' })
  @IsOptional() @Transform(toList) @IsArray() @ArrayMaxSize(4) @IsIn(STATUSES, { each: true, message: `status must be one of ${STATUSES.join(', ')}` })
  status?: (typeof STATUSES)[number][];

  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional() @Transform(toBoolean) @IsBoolean({ message: 'ethnicMinority must be true or false' })
  ethnicMinority?: boolean;

  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional() @Transform(toBoolean) @IsBoolean({ message: 'policyFamily must be true or false' })
  policyFamily?: boolean;

  @ApiPropertyOptional({ example: 2025, description: 'households assessed or recognised in this review year' })
  @IsOptional() @Transform(toWhole(4)) @IsInt({ message: 'reviewYear must be a year' }) @Min(2000) @Max(2100)
  reviewYear?: number;

  @ApiPropertyOptional({ enum: ['true', 'false'], default: 'true', description: 'false lists dissolved households' })
  @IsOptional() @Transform(toBoolean) @IsBoolean({ message: 'active must be true or false' })
  active?: boolean;

  @ApiPropertyOptional({ enum: ['recorded', 'current'], default: 'recorded', description: 'match communes as recorded, or mapped to today\'s units' })
  @IsOptional() @IsIn(['recorded', 'current'])
  area?: 'recorded' | 'current';

  @ApiPropertyOptional({ example: 50, minimum: 1, maximum: 500, default: 50 })
  @IsOptional() @Transform(toWhole(3)) @IsInt({ message: 'limit must be a whole number' }) @Min(1) @Max(500)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional() @IsString() @MaxLength(1024) @Matches(/^[A-Za-z0-9_-]+$/, { message: 'cursor must be a nextCursor from a previous page' })
  cursor?: string;

  @ApiPropertyOptional({ description: 'wait until the read models have applied this log position' })
  @IsOptional() @Matches(/^\d{1,15}$/, { message: 'minPosition must be a log position' })
  minPosition?: string;
}
