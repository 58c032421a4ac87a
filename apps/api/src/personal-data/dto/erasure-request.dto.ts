import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, IsString, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = '$property must be a date YYYY-MM-DD';

export class ErasureLegalBasisDto {
  @ApiProperty({ example: '12/QĐ-UBND', description: 'number of the decision or registered request the erasure honours' })
  @IsString() @MinLength(1) @MaxLength(80)
  number!: string;

  @ApiProperty({ example: '2026-01-28' })
  @Matches(DATE, { message: DATE_MESSAGE })
  date!: string;

  @ApiPropertyOptional({ example: 'Chủ tịch UBND xã' })
  @IsOptional() @IsString() @MaxLength(120)
  issuer?: string;
}

/** Asks for a household's personal data to be erased for good. */
export class ErasureRequestDto {
  @ApiPropertyOptional({ example: '2026-02-01', description: 'date the request is honoured; today when absent' })
  @IsOptional() @Matches(DATE, { message: DATE_MESSAGE })
  requestedOn?: string;

  @ApiProperty({ type: ErasureLegalBasisDto })
  @ValidateNested() @Type(() => ErasureLegalBasisDto)
  legalBasis!: ErasureLegalBasisDto;

  @ApiProperty({ example: 'the data subject withdrew consent (Law 91/2025/QH15)' })
  @IsString() @MinLength(3) @MaxLength(500)
  reason!: string;
}

export class ErasureReceiptDto {
  @ApiProperty() householdId!: string;
  @ApiProperty({ description: 'when the erasure was recorded' }) erasedAt!: string;
  @ApiProperty({ nullable: true, type: String, description: 'when the household key was destroyed' }) keyDestroyedAt!: string | null;
  @ApiProperty({ type: ErasureLegalBasisDto }) legalBasis!: ErasureLegalBasisDto;
  @ApiProperty({ description: 'log position of the erasure; pass it as minPosition to read it back' }) position!: number;
  @ApiProperty({ description: 'id of the erasure event in the log' }) receiptId!: string;
}
