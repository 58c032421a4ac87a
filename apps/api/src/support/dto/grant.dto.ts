import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { SUPPORT_FUNDS, SUPPORT_KIND_IDS, SupportForm, SupportFund } from '@pl/domain';
import { WriteResultDto } from '../../households/dto/write-result.dto';
import { DATE, ID, SupportDecisionDto, SupportExceptionDto } from './decision.dto';

export const FORMS: readonly SupportForm[] = ['device-with-bundle', 'cash', 'in-kind', 'service'];
export const MAX_VND = 10_000_000_000;

/** One kind of support given to a household under a decision. */
export class GrantSupportDto {
  @ApiPropertyOptional({ example: 'g-2024-0001', description: 'derived from the request when left out' })
  @IsOptional() @Matches(ID, { message: 'grantId must be 1-64 letters, digits, "-" or "_"' })
  grantId?: string;

  @ApiProperty({ enum: SUPPORT_KIND_IDS, example: 'smartphone' })
  @IsIn(SUPPORT_KIND_IDS)
  kind!: string;

  @ApiProperty({ example: '2024-06-10' })
  @Matches(DATE, { message: 'grantedOn must be a date YYYY-MM-DD' })
  grantedOn!: string;

  @ApiProperty({ enum: SUPPORT_FUNDS, example: 'public-utility-telecom-fund' })
  @IsIn(SUPPORT_FUNDS)
  fund!: SupportFund;

  @ApiProperty({ type: SupportDecisionDto })
  @ValidateNested() @Type(() => SupportDecisionDto)
  decision!: SupportDecisionDto;

  @ApiProperty({ example: 500000, description: 'VND' })
  @IsInt() @Min(0) @Max(MAX_VND)
  amount!: number;

  @ApiProperty({ enum: FORMS, example: 'cash' })
  @IsIn(FORMS)
  form!: SupportForm;

  @ApiPropertyOptional({ example: 'Điện thoại thông minh cho hộ nghèo 2024' })
  @IsOptional() @IsString() @MinLength(1) @MaxLength(200)
  programme?: string;

  @ApiPropertyOptional({ example: false, description: 'attested from the list of people with meritorious service' })
  @IsOptional() @IsBoolean()
  meritoriousService?: boolean;

  @ApiPropertyOptional({ type: SupportExceptionDto })
  @IsOptional() @ValidateNested() @Type(() => SupportExceptionDto)
  exception?: SupportExceptionDto;
}

/** Support an earlier programme gave, so that a one-off kind is not given again. */
export class PriorSupportDto {
  @ApiProperty({ enum: SUPPORT_KIND_IDS, example: 'smartphone' })
  @IsIn(SUPPORT_KIND_IDS)
  kind!: string;

  @ApiProperty({ example: 'Sóng và máy tính cho em 2021' })
  @IsString() @MinLength(1) @MaxLength(200)
  programme!: string;

  @ApiProperty({ example: '2024-03-01' })
  @Matches(DATE, { message: 'recordedOn must be a date YYYY-MM-DD' })
  recordedOn!: string;

  @ApiProperty({ example: 'list of the 2021 programme, commune archive' })
  @IsString() @MinLength(1) @MaxLength(200)
  source!: string;
}

export class GrantWrittenDto extends WriteResultDto {
  @ApiProperty({ example: 'hh-25252-0001' })
  householdId!: string;

  @ApiProperty({ example: 'g-2024-0001' })
  grantId!: string;

  @ApiProperty({ enum: ['meritorious-service', 'policy-family', 'poor', 'near-poor', 'other'] })
  priorityGroup!: string;

  @ApiProperty({ description: 'true when an exception set rules aside' })
  exceptionRecorded!: boolean;

  @ApiProperty({ example: [], description: 'codes of the rules the exception set aside' })
  overrides!: readonly string[];
}
