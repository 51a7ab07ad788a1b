import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/** The query string of every list route (react-admin ra-data-simple-rest). */
export class ListQueryDto {
  @ApiPropertyOptional({ example: '["start","ASC"]', description: 'JSON [field, "ASC"|"DESC"]' }) @IsOptional() @IsString() @MaxLength(200) sort?: string;
  @ApiPropertyOptional({ example: '[0,24]', description: 'JSON [first, last], inclusive; at most 500 rows' }) @IsOptional() @IsString() @MaxLength(100) range?: string;
  @ApiPropertyOptional({ example: '{"q":"ana"}', description: 'JSON object of filters (see the route)' }) @IsOptional() @IsString() @MaxLength(4000) filter?: string;
}
