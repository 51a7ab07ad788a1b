import { ApiProperty } from '@nestjs/swagger';

export class StaffNotificationDto {
  @ApiProperty() id!: string;
  @ApiProperty() appointmentId!: string;
  @ApiProperty() patientId!: string;
  @ApiProperty({ enum: ['confirmation', 'reminder', 'reschedule_confirmation', 'cancellation_notice', 'no_show_followup'] }) kind!: string;
  @ApiProperty({ nullable: true, type: Number }) offsetMinutes!: number | null;
  @ApiProperty() sendAt!: string;
  @ApiProperty({ nullable: true, type: String }) channel!: string | null;
  @ApiProperty({ enum: ['scheduled', 'sent', 'delivered', 'failed', 'skipped'] }) status!: string;
  @ApiProperty({ nullable: true, type: String }) skipReason!: string | null;
  @ApiProperty({ nullable: true, type: String }) messageId!: string | null;
}
