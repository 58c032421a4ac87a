import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, Matches } from 'class-validator';
import { AREA_CODE, StatisticsViewDto, YearField } from './statistics-fields';

/** One area-year: a commune (5 digits), a historical district (3) or a province (2). */
export class PovertyQueryDto extends StatisticsViewDto {
  @ApiProperty({ example: '07906', description: 'commune (5 digits), district (3, historical) or province (2)' })
  @Matches(AREA_CODE, { message: 'areaCode must be a 5-digit commune, 3-digit district or 2-digit province code' })
  areaCode!: string;

  @ApiProperty({ example: 2025, description: 'review year' })
  @YearField()
  year!: number;
}

const toList = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',') : value);

/** Many area-years: named areas, or every commune of a province. */
export class PovertyListQueryDto extends StatisticsViewDto {
  @ApiPropertyOptional({ example: '07906,07909', description: 'comma list of area codes (at most 200)' })
  @IsOptional() @Transform(toList) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(200)
  @Matches(AREA_CODE, { each: true, message: 'each of areaCodes must be a 5-digit commune, 3-digit district or 2-digit province code' })
  areaCodes?: string[];

  @ApiPropertyOptional({ example: '25', description: 'list the communes of this province instead' })
  @IsOptional() @Matches(/^\d{2}$/, { message: 'provinceCode must be the 2-digit province code' })
  provinceCode?: string;

  @ApiProperty({ example: 2025, description: 'review year' })
  @YearField()
  year!: number;
}

/** The annual summary table of one area-year as a file. */
export class PovertyExportQueryDto extends PovertyQueryDto {
  @ApiPropertyOptional({ enum: ['csv', 'xlsx'], default: 'xlsx' })
  @IsOptional() @IsIn(['csv', 'xlsx'], { message: 'format must be csv or xlsx' })
  format?: 'csv' | 'xlsx';
}
