import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { SUPPORT_FUNDS, SupportFund } from '@pl/domain';
import { WriteResultDto } from '../../households/dto/write-result.dto';
import { DATE, ID, SupportDecisionDto, SupportExceptionDto } from './decision.dto';
import { MAX_VND } from './grant.dto';

/** A preferential loan disbursed at the rate of the household's status on the day. */
export class DisburseLoanDto {
  @ApiPropertyOptional({ example: 'loan-2025-0001', description: 'derived from the request when left out' })
  @IsOptional() @Matches(ID, { message: 'loanId must be 1-64 letters, digits, "-" or "_"' })
  loanId?: string;

  @ApiProperty({ example: 'poor-household-lending' })
  @IsString() @MinLength(1) @MaxLength(200)
  programme!: string;

  @ApiPropertyOptional({ example: 'VBSP' })
  @IsOptional() @IsString() @MaxLength(120)
  lender?: string;

  @ApiProperty({ example: 50000000, description: 'VND' })
  @IsInt() @Min(1) @Max(MAX_VND)
  amount!: number;

  @ApiProperty({ example: 60, description: 'months' })
  @IsInt() @Min(1) @Max(600)
  termMonths!: number;

  @ApiPropertyOptional({ example: 6.6, description: 'left out: the rate of the borrower category' })
  @IsOptional() @IsNumber() @Min(0) @Max(100)
  annualRatePercent?: number;

  @ApiProperty({ example: '2025-03-01' })
  @Matches(DATE, { message: 'disbursedOn must be a date YYYY-MM-DD' })
  disbursedOn!: string;

  @ApiProperty({ enum: SUPPORT_FUNDS, example: 'vbsp' })
  @IsIn(SUPPORT_FUNDS)
  fund!: SupportFund;

  @ApiProperty({ type: SupportDecisionDto })
  @ValidateNested() @Type(() => SupportDecisionDto)
  decision!: SupportDecisionDto;

  @ApiPropertyOptional({ type: SupportExceptionDto })
  @IsOptional() @ValidateNested() @Type(() => SupportExceptionDto)
  exception?: SupportExceptionDto;
}

export class RepaymentDto {
  @ApiProperty({ example: 5000000, description: 'VND' })
  @IsInt() @Min(1) @Max(MAX_VND)
  amount!: number;

  @ApiProperty({ example: '2025-09-01' })
  @Matches(DATE, { message: 'paidOn must be a date YYYY-MM-DD' })
  paidOn!: string;
}

export class OverdueDto {
  @ApiProperty({ example: '2026-03-01' })
  @Matches(DATE, { message: 'since must be a date YYYY-MM-DD' })
  since!: string;
}

export class LoanWrittenDto extends WriteResultDto {
  @ApiProperty({ example: 'hh-25252-0001' })
  householdId!: string;

  @ApiProperty({ example: 'loan-2025-0001' })
  loanId!: string;
}

export class LoanDisbursedDto extends LoanWrittenDto {
  @ApiProperty({ example: 8.25, description: 'the yearly rate applied' })
  annualRatePercent!: number;

  @ApiProperty({ enum: ['poor', 'near-poor', 'newly-escaped'] })
  borrowerCategory!: string;

  @ApiProperty()
  exceptionRecorded!: boolean;
}

export class RepaymentWrittenDto extends LoanWrittenDto {
  @ApiProperty({ example: 45000000 })
  balanceAfter!: number;

  @ApiProperty({ description: 'true when this repayment cleared the loan' })
  settled!: boolean;
}

export class OverdueWrittenDto extends LoanWrittenDto {
  @ApiProperty({ example: 8.58, description: '130 % of the loan rate' })
  overdueRatePercent!: number;
}
