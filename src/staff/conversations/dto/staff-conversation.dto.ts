import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class StaffConversationDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['whatsapp', 'sms'] }) channel!: string;
  @ApiProperty({ enum: ['active', 'handoff', 'closed'], description: 'handoff = waiting for staff' }) status!: string;
  @ApiProperty({ description: "The patient's number (E.164)" }) phone!: string;
  @ApiProperty({ description: 'The clinic number they write to' }) clinicAddress!: string;
  @ApiProperty({ nullable: true, type: String }) patientId!: string | null;
  @ApiProperty({ nullable: true, type: String }) patientName!: string | null;
  @ApiProperty() language!: string;
  @ApiProperty({ nullable: true, type: String }) handoffAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) lastInboundAt!: string | null;
  @ApiProperty({ description: 'WhatsApp: inside the 24-hour window, so a free-text reply can be sent' }) replyWindowOpen!: boolean;
  @ApiProperty() optedOut!: boolean;
  @ApiProperty() updatedAt!: string;
}

export class StaffMessageDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['inbound', 'outbound'] }) direction!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ description: 'received, queued, sent, delivered, read, failed, undelivered' }) status!: string;
  @ApiProperty({ nullable: true, type: String }) errorCode!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'text, interactive or template' }) sentAs!: string | null;
  @ApiProperty() createdAt!: string;
}

export class StaffReplyDto {
  @ApiProperty({ example: 'Hi Ana, this is Jordan at the front desk — we can see you at 3 pm.' }) @IsString() @MinLength(1) @MaxLength(1600) text!: string;
}
