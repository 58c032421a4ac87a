import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { AddressDto, PersonDto } from './register-household.dto';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A household's members changed (birth, death, marriage, moving in or out). */
export class ChangeMembersDto {
  @ApiProperty({ example: 5, minimum: 1, maximum: 50 })
  @IsInt() @Min(1) @Max(50)
  memberCount!: number;

  @ApiProperty({ example: '2025-11-02' })
  @Matches(DATE, { message: 'changedOn must be a date YYYY-MM-DD' })
  changedOn!: string;

  @ApiPropertyOptional({ type: [PersonDto], description: 'the members now; personal data, stored encrypted' })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => PersonDto)
  members?: PersonDto[];
}

/** The household moved to another commune. */
export class RelocateHouseholdDto {
  @ApiProperty({ type: AddressDto })
  @ValidateNested() @Type(() => AddressDto)
  to!: AddressDto;

  @ApiProperty({ enum: ['urban', 'rural'] })
  @IsIn(['urban', 'rural'])
  areaType!: 'urban' | 'rural';

  @ApiProperty({ example: '2025-08-01' })
  @Matches(DATE, { message: 'movedOn must be a date YYYY-MM-DD' })
  movedOn!: string;
}

/** The household ceased to exist (merged into another, all members gone). */
export class DissolveHouseholdDto {
  @ApiProperty({ example: '2025-12-01' })
  @Matches(DATE, { message: 'dissolvedOn must be a date YYYY-MM-DD' })
  dissolvedOn!: string;

  @ApiProperty({ example: 'merged into the household of a relative' })
  @IsString() @MinLength(1) @MaxLength(500)
  reason!: string;
}

/** Why the household is poor and what support it needs (nguyên nhân nghèo, nhu cầu hỗ trợ). */
export class RecordCausesDto {
  @ApiProperty({ example: '2025-10-15' })
  @Matches(DATE, { message: 'recordedOn must be a date YYYY-MM-DD' })
  recordedOn!: string;

  @ApiProperty({ example: ['lack-of-capital', 'illness'] })
  @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @MaxLength(60, { each: true })
  causes!: string[];

  @ApiProperty({ example: ['credit', 'health'] })
  @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @MaxLength(60, { each: true })
  needGroups!: string[];
}
