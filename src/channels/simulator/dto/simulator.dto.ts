import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

export class SimulatorMessageDto {
  @ApiProperty({ example: '+12125550199', description: 'The patient’s phone number' })
  @IsString() @MaxLength(40) from!: string;

  @ApiProperty({ example: 'Hi, can I see Dr Patel for a follow-up Thursday after 2?', description: 'What the patient typed (or the label of a tapped choice)' })
  @IsString() @MaxLength(4096) text!: string;

  @ApiPropertyOptional({ enum: ['whatsapp', 'sms'], default: 'whatsapp' })
  @IsOptional() @IsIn(['whatsapp', 'sms']) channel?: 'whatsapp' | 'sms';

  @ApiPropertyOptional({ description: 'Id of a tapped choice from an earlier reply' })
  @IsOptional() @IsString() @MaxLength(200) choiceId?: string;

  @ApiPropertyOptional({ description: 'The WhatsApp profile name the patient shows' })
  @IsOptional() @IsString() @MaxLength(100) profileName?: string;

  @ApiPropertyOptional({ example: '+12125550101', description: 'The clinic number; defaults to the demo clinic’s number for the channel' })
  @IsOptional() @IsString() @MaxLength(40) to?: string;
}

export class SimulatorChoiceDto {
  @ApiProperty() id!: string;
  @ApiProperty() label!: string;
}

export class SimulatorReplyDto {
  @ApiProperty({ description: 'The reply as the channel shows it (SMS: with numbered options)' }) text!: string;
  @ApiProperty({ type: [SimulatorChoiceDto], description: 'The neutral choices; send one back as `choiceId`' }) choices!: SimulatorChoiceDto[];
  @ApiProperty({ description: 'The channel rendering: text, WhatsApp reply buttons or a WhatsApp list' }) rendered!: Record<string, unknown>;
}

export class SimulatorResponseDto {
  @ApiProperty() conversationId!: string;
  @ApiProperty({ type: [SimulatorReplyDto] }) replies!: SimulatorReplyDto[];
}
