import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

/** A rebuild an operator starts: which projection, into which version, and whether to switch by itself. */
export class StartRebuildDto {
  @ApiProperty({ example: 'household-registry' })
  @IsString() @Matches(/^[a-z][a-z0-9-]{0,63}$/, { message: 'projection must be a projection name (lowercase, dashes)' })
  projection!: string;

  @ApiPropertyOptional({ example: 2, description: 'another version the code knows; default: the running version, into a fresh collection' })
  @IsOptional() @IsInt() @Min(1) @Max(10_000)
  toVersion?: number;

  @ApiPropertyOptional({ default: false, description: 'switch as soon as it has caught up and the diff is made' })
  @IsOptional() @IsBoolean()
  autoSwitch?: boolean;
}

/** The answer to a started rebuild: where to follow it. */
export class RebuildStartedDto {
  @ApiProperty({ example: 'household-registry_v1_b1' })
  id!: string;
}
