import { ApiProperty, OmitType } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { RegistryQueryDto } from '../../registry/dto/registry-query.dto';

const FORMATS = ['csv', 'xlsx'] as const;

/** The registry filters, without paging: an export walks every page itself. */
export class RegistryExportQueryDto extends OmitType(RegistryQueryDto, ['limit', 'cursor'] as const) {
  @ApiProperty({ enum: FORMATS, example: 'xlsx', description: 'csv (UTF-8 with BOM) or xlsx' })
  @IsIn(FORMATS, { message: `format must be one of ${FORMATS.join(', ')}` })
  format!: (typeof FORMATS)[number];
}
