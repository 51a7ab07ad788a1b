import { ApiProperty } from '@nestjs/swagger';

export class SlotDto {
  @ApiProperty({ example: '2026-11-23T14:00:00.000Z', description: 'Start, UTC' }) start!: string;
  @ApiProperty({ example: '2026-11-23T14:30:00.000Z', description: 'End, UTC (buffers not included)' }) end!: string;
  @ApiProperty({ example: '2026-11-23T09:00:00.000-05:00', description: 'Start in the location’s local time, with offset' }) localStart!: string;
  @ApiProperty({ example: '2026-11-23' }) localDate!: string;
  @ApiProperty({ example: '09:00' }) localTime!: string;
  @ApiProperty({ example: 'America/New_York' }) timezone!: string;
  @ApiProperty() providerId!: string;
  @ApiProperty({ example: 'Dr. Maya Patel' }) providerName!: string;
  @ApiProperty({ nullable: true, type: String, description: 'null for telehealth' }) locationId!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'Downtown' }) locationName!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Room reserved for services that need one' }) roomId!: string | null;
}

export class ServiceSummaryDto {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'Follow-up visit' }) name!: string;
  @ApiProperty({ example: 30 }) durationMinutes!: number;
}

export class AvailabilityResponseDto {
  @ApiProperty({ example: 'America/New_York', description: 'The clinic’s timezone; `from`/`to` are read in it' }) timezone!: string;
  @ApiProperty({ type: ServiceSummaryDto }) service!: ServiceSummaryDto;
  @ApiProperty({ type: [SlotDto] }) slots!: SlotDto[];
}
