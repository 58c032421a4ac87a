import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, IsArray, IsObject, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateNested,
} from 'class-validator';
import { WriteResultDto } from '../../households/dto/write-result.dto';
import { DATE, ID } from '../../support/dto/decision.dto';
import { AREA, RecipientDto, ReportingDto, TargetDto } from './directive.dto';

/** Sao gửi: a recipient copies the document on to its own units. */
export class ForwardDirectiveDto {
  @ApiProperty({ type: RecipientDto })
  @ValidateNested() @Type(() => RecipientDto)
  by!: RecipientDto;

  @ApiProperty({ type: [RecipientDto] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => RecipientDto)
  to!: RecipientDto[];

  @ApiProperty({ example: '2019-03-03' })
  @Matches(DATE, { message: 'forwardedOn must be a date YYYY-MM-DD' })
  forwardedOn!: string;

  @ApiPropertyOptional({ example: 'sao gửi theo công văn 3/TCV-TTYT' })
  @IsOptional() @IsString() @MaxLength(500)
  note?: string;
}

/** What a recipient's officer sends: the recipient and the area it acts for. */
class RecipientActDto {
  @ApiProperty({ example: 'ubnd-thach-khoan' })
  @Matches(ID, { message: 'recipientId must be 1-64 letters, digits, "-" or "_"' })
  recipientId!: string;

  @ApiProperty({ example: '07906', description: 'the recipient\'s area; the caller must cover it and it must lie within the issuer\'s' })
  @Matches(AREA, { message: 'areaCode must be a 2-digit province or 5-digit commune code' })
  areaCode!: string;
}

export class AcknowledgeDirectiveDto extends RecipientActDto {
  @ApiProperty({ example: '2019-03-05' })
  @Matches(DATE, { message: 'acknowledgedOn must be a date YYYY-MM-DD' })
  acknowledgedOn!: string;
}

export class ReportImplementationDto extends RecipientActDto {
  @ApiProperty({ example: '2019-H1' })
  @IsString() @MinLength(1) @MaxLength(20)
  period!: string;

  @ApiProperty({ example: '2019-06-20' })
  @Matches(DATE, { message: 'reportedOn must be a date YYYY-MM-DD' })
  reportedOn!: string;

  @ApiProperty({ example: { leftPoor: 20, leftNearPoor: 11 } })
  @IsObject()
  figures!: Record<string, number>;
}

export class DirectiveChangesDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(1000)
  subject?: string;

  @ApiPropertyOptional({ type: [TargetDto] })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => TargetDto)
  targets?: TargetDto[];

  @ApiPropertyOptional({ type: ReportingDto })
  @IsOptional() @ValidateNested() @Type(() => ReportingDto)
  reporting?: ReportingDto;

  @ApiPropertyOptional({ type: [RecipientDto] })
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => RecipientDto)
  recipients?: RecipientDto[];
}

export class AmendDirectiveDto {
  @ApiProperty({ example: '2019-07-01' })
  @Matches(DATE, { message: 'amendedOn must be a date YYYY-MM-DD' })
  amendedOn!: string;

  @ApiProperty({ example: '41/KH-UBND' })
  @IsString() @MinLength(1) @MaxLength(60)
  byDocument!: string;

  @ApiProperty({ type: DirectiveChangesDto })
  @ValidateNested() @Type(() => DirectiveChangesDto)
  changes!: DirectiveChangesDto;
}

export class RevokeDirectiveDto {
  @ApiProperty({ example: '2019-09-01' })
  @Matches(DATE, { message: 'revokedOn must be a date YYYY-MM-DD' })
  revokedOn!: string;

  @ApiProperty({ example: '52/QĐ-UBND' })
  @IsString() @MinLength(1) @MaxLength(60)
  byDocument!: string;

  @ApiProperty({ example: 'replaced by the 2020 plan' })
  @IsString() @MinLength(1) @MaxLength(500)
  reason!: string;
}

export class DirectiveWrittenDto extends WriteResultDto {
  @ApiProperty({ example: 'kh-29-2019' })
  directiveId!: string;
}

export class ReportWrittenDto extends DirectiveWrittenDto {
  @ApiProperty({ example: '2019-06-15' })
  dueDate!: string;

  @ApiProperty()
  late!: boolean;
}
