import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { SUPPORT_FUNDS, SupportFund, TrainingKind } from '@pl/domain';
import { WriteResultDto } from '../../households/dto/write-result.dto';
import { DATE, ID, SupportDecisionDto } from '../../support/dto/decision.dto';
import { MAX_VND } from '../../support/dto/grant.dto';

/** A finished upgrade of the commune radio: stations converted to IP radio, loudspeaker clusters installed. */
export class RadioUpgradeDto {
  @ApiPropertyOptional({ example: 'radio-2023-01', description: 'derived from the request when left out' })
  @IsOptional() @Matches(ID, { message: 'activityId must be 1-64 letters, digits, "-" or "_"' })
  activityId?: string;

  @ApiProperty({ example: '2023-11-30' })
  @Matches(DATE, { message: 'completedOn must be a date YYYY-MM-DD' })
  completedOn!: string;

  @ApiProperty({ example: 1 })
  @IsInt() @Min(0) @Max(1000)
  stations!: number;

  @ApiProperty({ example: 12 })
  @IsInt() @Min(0) @Max(100_000)
  loudspeakerClusters!: number;

  @ApiProperty({ example: 350000000, description: 'VND' })
  @IsInt() @Min(0) @Max(MAX_VND)
  cost!: number;

  @ApiProperty({ enum: SUPPORT_FUNDS, example: 'national-target-programme' })
  @IsIn(SUPPORT_FUNDS)
  fund!: SupportFund;

  @ApiProperty({ type: SupportDecisionDto })
  @ValidateNested() @Type(() => SupportDecisionDto)
  decision!: SupportDecisionDto;
}

/** Training for officials or communication to residents, held in the commune. */
export class TrainingActivityDto {
  @ApiPropertyOptional({ example: 'training-2023-04', description: 'derived from the request when left out' })
  @IsOptional() @Matches(ID, { message: 'activityId must be 1-64 letters, digits, "-" or "_"' })
  activityId?: string;

  @ApiProperty({ enum: ['training', 'communication'] })
  @IsIn(['training', 'communication'])
  kind!: TrainingKind;

  @ApiProperty({ example: '2023-04-12' })
  @Matches(DATE, { message: 'heldOn must be a date YYYY-MM-DD' })
  heldOn!: string;

  @ApiProperty({ example: 300 })
  @IsInt() @Min(1) @Max(1_000_000)
  participants!: number;

  @ApiProperty({ example: 'giảm nghèo về thông tin' })
  @IsString() @MinLength(1) @MaxLength(300)
  topic!: string;

  @ApiPropertyOptional({ example: 15000000, description: 'VND; a paid activity names its fund' })
  @IsOptional() @IsInt() @Min(0) @Max(MAX_VND)
  cost?: number;

  @ApiPropertyOptional({ enum: SUPPORT_FUNDS })
  @IsOptional() @IsIn(SUPPORT_FUNDS)
  fund?: SupportFund;
}

/** How many resident households the commune had in a year: the denominator of its rates. */
export class HouseholdCountDto {
  @ApiProperty({ example: 2024 })
  @IsInt() @Min(1900) @Max(2100)
  year!: number;

  @ApiProperty({ example: 1200 })
  @IsInt() @Min(0) @Max(10_000_000)
  total!: number;

  @ApiProperty({ example: 150 })
  @IsInt() @Min(0) @Max(10_000_000)
  urban!: number;

  @ApiProperty({ example: 1050 })
  @IsInt() @Min(0) @Max(10_000_000)
  rural!: number;

  @ApiProperty({ example: 640 })
  @IsInt() @Min(0) @Max(10_000_000)
  ethnicMinority!: number;

  @ApiProperty({ example: 'commune statistics report 2024' })
  @IsString() @MinLength(1) @MaxLength(200)
  source!: string;

  @ApiProperty({ example: '2025-01-10' })
  @Matches(DATE, { message: 'recordedOn must be a date YYYY-MM-DD' })
  recordedOn!: string;
}

export class CommuneWrittenDto extends WriteResultDto {
  @ApiProperty({ example: '07906' })
  communeCode!: string;

  @ApiPropertyOptional({ example: 'radio-2023-01' })
  activityId?: string;
}
