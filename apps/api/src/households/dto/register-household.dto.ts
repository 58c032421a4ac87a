import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateNested,
} from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = '$property must be a date YYYY-MM-DD';

export class AddressDto {
  @ApiProperty({ example: '25252', description: 'commune code, 5 digits (Decision 124/2004/QĐ-TTg)' })
  @Matches(/^\d{5}$/, { message: 'communeCode must be the 5-digit commune code' })
  communeCode!: string;

  @ApiProperty({ example: 'Thôn Đồng Xuân', description: 'village or residential group (thôn, bản, tổ dân phố)' })
  @IsString() @MinLength(1) @MaxLength(120)
  village!: string;
}

export class PersonDto {
  @ApiProperty({ example: 'Nguyễn Văn An' })
  @IsString() @MinLength(1) @MaxLength(120)
  name!: string;

  @ApiPropertyOptional({ example: '025085000123', description: 'citizen ID (CCCD), 12 digits' })
  @IsOptional() @Matches(/^\d{12}$/, { message: 'citizenId must be 12 digits' })
  citizenId?: string;

  @ApiPropertyOptional({ example: '1985-03-14' })
  @IsOptional() @Matches(DATE, { message: DATE_MESSAGE })
  birthDate?: string;

  @ApiPropertyOptional({ example: 'vợ', description: 'relation to the head of household' })
  @IsOptional() @IsString() @MaxLength(40)
  relation?: string;
}

export class HeadDto extends PersonDto {
  @ApiPropertyOptional({ example: 'Mường', description: 'ethnicity: sensitive personal data, stored encrypted' })
  @IsOptional() @IsString() @MaxLength(40)
  ethnicity?: string;
}

/** Registers a household on the commune's registry. */
export class RegisterHouseholdDto {
  @ApiPropertyOptional({ example: 'hh-25252-0001', description: 'your own id for the household; generated when absent' })
  @IsOptional() @Matches(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, { message: 'householdId must be 1-64 letters, digits, "-" or "_"' })
  householdId?: string;

  @ApiPropertyOptional({ example: '2025-09-15', description: 'date of registration; today when absent' })
  @IsOptional() @Matches(DATE, { message: DATE_MESSAGE })
  registeredOn?: string;

  @ApiProperty({ type: AddressDto })
  @ValidateNested() @Type(() => AddressDto)
  address!: AddressDto;

  @ApiProperty({ enum: ['urban', 'rural'], description: 'urban (thành thị) or rural (nông thôn): sets the income line' })
  @IsIn(['urban', 'rural'])
  areaType!: 'urban' | 'rural';

  @ApiProperty({ example: 4, minimum: 1, maximum: 50 })
  @IsInt() @Min(1) @Max(50)
  memberCount!: number;

  @ApiPropertyOptional({ default: false, description: 'ethnic-minority household (hộ dân tộc thiểu số)' })
  @IsOptional() @IsBoolean()
  ethnicMinority?: boolean;

  @ApiPropertyOptional({ default: false, description: 'policy family or meritorious-service family (gia đình chính sách, người có công)' })
  @IsOptional() @IsBoolean()
  policyFamily?: boolean;

  @ApiProperty({ type: HeadDto })
  @ValidateNested() @Type(() => HeadDto)
  head!: HeadDto;

  @ApiPropertyOptional({ type: [PersonDto] })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => PersonDto)
  members?: PersonDto[];
}
