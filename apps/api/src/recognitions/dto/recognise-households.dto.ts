import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';

/** The decision's number, date and issuer (số, ngày, cơ quan ban hành). */
export class DecisionDto {
  @ApiProperty({ example: '125/QĐ-UBND' })
  @IsString() @MinLength(1) @MaxLength(60)
  number!: string;

  @ApiProperty({ example: '2025-12-20' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be a date YYYY-MM-DD' })
  date!: string;

  @ApiProperty({ example: 'UBND xã Giáp Lai' })
  @IsString() @MinLength(1) @MaxLength(160)
  issuer!: string;

  @ApiPropertyOptional({ example: 'kh-29-2019', description: 'the directive the decision implements; refused 422 when unknown or revoked on the decision date' })
  @IsOptional() @Matches(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, { message: 'directiveId must be 1-64 letters, digits, "-" or "_"' })
  directiveId?: string;
}

/** One household on the chairman's list. */
export class RecognitionEntryDto {
  @ApiProperty({ example: 'hh-25252-0001' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, { message: 'householdId must be 1-64 letters, digits, "-" or "_"' })
  householdId!: string;

  @ApiProperty({ enum: ['poor', 'near-poor', 'escaped'] })
  @IsIn(['poor', 'near-poor', 'escaped'])
  to!: 'poor' | 'near-poor' | 'escaped';
}

/** The commune chairman's decision on the lists: many households, one decision number. */
export class RecogniseHouseholdsDto {
  @ApiProperty({ type: DecisionDto })
  @ValidateNested() @Type(() => DecisionDto)
  decision!: DecisionDto;

  @ApiProperty({ example: 2025 })
  @IsInt() @Min(2016) @Max(2100)
  reviewYear!: number;

  @ApiProperty({ enum: ['periodic', 'regular'] })
  @IsIn(['periodic', 'regular'])
  reviewKind!: 'periodic' | 'regular';

  @ApiProperty({ example: '07906', description: 'the deciding commune; every household must live there' })
  @Matches(/^\d{5}$/, { message: 'communeCode must be the 5-digit commune code' })
  communeCode!: string;

  @ApiProperty({ type: [RecognitionEntryDto], minItems: 1, maxItems: 5000 })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(5000) @ValidateNested({ each: true }) @Type(() => RecognitionEntryDto)
  entries!: RecognitionEntryDto[];
}
