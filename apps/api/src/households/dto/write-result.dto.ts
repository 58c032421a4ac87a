import { ApiProperty } from '@nestjs/swagger';

/** Every write answers where its events landed, so the client can read its own writes. */
export class WriteResultDto {
  @ApiProperty({ example: 3, description: 'revision of the stream after the write' })
  revision!: number;

  @ApiProperty({ example: 1042, description: 'global log position of the write; pass it as minPosition to read it back' })
  position!: number;
}

export class HouseholdWrittenDto extends WriteResultDto {
  @ApiProperty({ example: 'hh-25252-0001' })
  householdId!: string;
}
