import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateNested,
} from 'class-validator';
import { DirectiveKind, ReportingPeriod } from '@pl/domain';
import { DATE, ID } from '../../support/dto/decision.dto';

export const AREA = /^(\d{2}|\d{5})$/;
const KINDS: readonly DirectiveKind[] = ['cong-van', 'ke-hoach', 'quyet-dinh', 'chi-thi', 'thong-bao'];
const PERIODS: readonly ReportingPeriod[] = ['monthly', 'half-yearly', 'yearly', 'once'];

/** A body a document is addressed or forwarded to. */
export class RecipientDto {
  @ApiProperty({ example: 'ubnd-an-son' })
  @Matches(ID, { message: 'recipient id must be 1-64 letters, digits, "-" or "_"' })
  id!: string;

  @ApiProperty({ example: 'UBND xã An Sơn' })
  @IsString() @MinLength(1) @MaxLength(200)
  name!: string;
}

export class IssuerDto {
  @ApiProperty({ example: 'Ủy ban nhân dân huyện Kiên Hải' })
  @IsString() @MinLength(1) @MaxLength(200)
  name!: string;
}

export class ReportingDto {
  @ApiProperty({ enum: PERIODS })
  @IsIn(PERIODS)
  period!: ReportingPeriod;

  @ApiProperty({ example: ['2019-06-15', '2019-12-15'] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(60) @Matches(DATE, { each: true, message: 'dueDates must be dates YYYY-MM-DD' })
  dueDates!: string[];
}

/** "Reduce 43 poor and 29 near-poor households in 2019". */
export class TargetDto {
  @ApiProperty({ example: 2019 })
  @IsInt() @Min(2000) @Max(2100)
  year!: number;

  @ApiPropertyOptional({ example: 43 })
  @IsOptional() @IsInt() @Min(0)
  reducePoor?: number;

  @ApiPropertyOptional({ example: 29 })
  @IsOptional() @IsInt() @Min(0)
  reduceNearPoor?: number;

  @ApiPropertyOptional({ example: 100 })
  @IsOptional() @IsNumber() @Min(0) @Max(100)
  smartphoneCoveragePercent?: number;

  @ApiPropertyOptional({ example: '07906', description: 'default: the issuer\'s area' })
  @IsOptional() @Matches(AREA, { message: 'areaCode must be a 2-digit province or 5-digit commune code' })
  areaCode?: string;
}

/** An official document recorded as issued. */
export class IssueDirectiveDto {
  @ApiPropertyOptional({ example: 'kh-29-2019', description: 'derived from the request when left out' })
  @IsOptional() @Matches(ID, { message: 'directiveId must be 1-64 letters, digits, "-" or "_"' })
  directiveId?: string;

  @ApiProperty({ example: '29/KH-UBND' })
  @IsString() @MinLength(1) @MaxLength(60)
  number!: string;

  @ApiProperty({ enum: KINDS, example: 'ke-hoach' })
  @IsIn(KINDS)
  kind!: DirectiveKind;

  @ApiProperty({ type: IssuerDto })
  @ValidateNested() @Type(() => IssuerDto)
  issuer!: IssuerDto;

  @ApiProperty({ example: '25', description: 'the issuer\'s area (province or commune); the caller must cover it' })
  @Matches(AREA, { message: 'areaCode must be a 2-digit province or 5-digit commune code' })
  areaCode!: string;

  @ApiProperty({ example: '2019-03-01' })
  @Matches(DATE, { message: 'issuedOn must be a date YYYY-MM-DD' })
  issuedOn!: string;

  @ApiProperty({ example: 'Kế hoạch giảm nghèo năm 2019' })
  @IsString() @MinLength(1) @MaxLength(1000)
  subject!: string;

  @ApiPropertyOptional({ example: ['220/KH-UBND'] })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(60, { each: true })
  basedOn?: string[];

  @ApiProperty({ type: [RecipientDto] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => RecipientDto)
  recipients!: RecipientDto[];

  @ApiPropertyOptional({ type: ReportingDto })
  @IsOptional() @ValidateNested() @Type(() => ReportingDto)
  reporting?: ReportingDto;

  @ApiPropertyOptional({ type: [TargetDto] })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => TargetDto)
  targets?: TargetDto[];
}
