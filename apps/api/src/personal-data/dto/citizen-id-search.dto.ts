import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

/** A citizen ID to look up; sent in a body so it never sits in a URL or an access log. */
export class CitizenIdSearchDto {
  @ApiProperty({ example: '025085000123', description: 'citizen ID (CCCD), 12 digits; matched exactly through a keyed hash' })
  @IsString() @MaxLength(32)
  citizenId!: string;
}

export class CitizenIdMatchDto {
  @ApiProperty() householdId!: string;
  @ApiProperty() communeCode!: string;
  @ApiProperty({ enum: ['not-listed', 'poor', 'near-poor', 'escaped'] }) status!: string;
  @ApiProperty() active!: boolean;
}
