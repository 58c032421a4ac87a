import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

/** Why an operator skips a poisoned event; recorded in `operations-log`. */
export class SkipEventDto {
  @ApiProperty({ example: 'malformed import row 42, corrected by a later event', minLength: 3, maxLength: 500 })
  @IsString() @MinLength(3) @MaxLength(500)
  reason!: string;
}
