import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { WriteResultDto } from './write-result.dto';

/** A reviewer's survey of a household in a review year (rà soát). */
export class AssessHouseholdDto {
  @ApiProperty({ example: 2025, description: 'the review year: it chooses the poverty standard' })
  @IsInt() @Min(2016) @Max(2100)
  reviewYear!: number;

  @ApiProperty({ enum: ['periodic', 'regular'], description: 'periodic (1 Sep-14 Dec) or regular (on the household\'s request)' })
  @IsIn(['periodic', 'regular'])
  reviewKind!: 'periodic' | 'regular';

  @ApiProperty({ example: '2025-10-01' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'assessedOn must be a date YYYY-MM-DD' })
  assessedOn!: string;

  @ApiProperty({ example: 1_200_000, description: 'income per person per month, whole VND' })
  @IsInt() @Min(0) @Max(1_000_000_000)
  incomePerPersonMonthly!: number;

  @ApiProperty({ example: ['health-insurance', 'housing-area'], description: 'codes of the deficient indicators of the standard' })
  @IsArray() @ArrayMaxSize(30) @IsString({ each: true }) @MaxLength(60, { each: true })
  deficientIndicators!: string[];

  @ApiPropertyOptional({ example: ['employment', 'dependants', 'nutrition', 'health-insurance'], description: 'codes of the indicators the surveyor assessed; all of the standard\'s when absent' })
  @IsOptional() @IsArray() @ArrayMaxSize(30) @IsString({ each: true }) @MaxLength(60, { each: true })
  indicatorsAssessed?: string[];

  @ApiProperty({ example: 'Đinh Thị Lan', description: 'who surveyed the household' })
  @IsString() @MinLength(1) @MaxLength(120)
  surveyor!: string;

  @ApiPropertyOptional({ description: 'why a periodic review was surveyed outside 1 September-14 December' })
  @IsOptional() @IsString() @MinLength(1) @MaxLength(500)
  outOfWindowReason?: string;
}

export class AssessmentWrittenDto extends WriteResultDto {
  @ApiProperty({ example: 'hh-25252-0001' })
  householdId!: string;

  @ApiProperty({ example: 'near-poor', description: 'the category the standard proposes; the commune decides' })
  proposedCategory!: string;

  @ApiProperty({ example: '2022-2025' })
  standardId!: string;
}
