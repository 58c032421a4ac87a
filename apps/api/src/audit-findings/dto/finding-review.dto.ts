import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, IsString, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { WriteResultDto } from '../../households/dto/write-result.dto';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** An auditor has seen the finding; the note says what follows. */
export class AcknowledgeFindingDto {
  @ApiProperty({ example: 'the commune is asked to recover the phone and report by 30 June' })
  @IsString() @MinLength(1) @MaxLength(2000)
  note!: string;
}

/** The act an explanation rests on. */
export class ExplanationBasisDto {
  @ApiProperty({ example: '45/QĐ-UBND' })
  @IsString() @MinLength(1) @MaxLength(60)
  number!: string;

  @ApiProperty({ example: '2024-05-20' })
  @Matches(DATE, { message: 'legalBasis.date must be a date YYYY-MM-DD' })
  date!: string;
}

/** Why the finding is justified. */
export class ExplainFindingDto {
  @ApiProperty({ example: 'the district listed the household after the 2024 flood; the grant follows that list' })
  @IsString() @MinLength(1) @MaxLength(4000)
  explanation!: string;

  @ApiPropertyOptional({ type: ExplanationBasisDto })
  @IsOptional() @ValidateNested() @Type(() => ExplanationBasisDto)
  legalBasis?: ExplanationBasisDto;
}

/** Where the auditor's record landed. */
export class FindingReviewedDto extends WriteResultDto {
  @ApiProperty({ example: 'finding:grant-not-eligible-on-date:household-hh-25252-0001:g-1' })
  findingId!: string;
}
