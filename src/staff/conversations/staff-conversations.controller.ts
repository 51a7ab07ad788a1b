import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentStaff, StaffAuth } from '../../auth/staff-auth.decorator.js';
import type { StaffPrincipal } from '../../auth/staff-principal.js';
import { AccessReason } from '../common/access-reason.decorator.js';
import { ListQueryDto } from '../common/list-query.dto.js';
import { sendPage } from '../common/list-response.js';
import { StaffConversationDto, StaffMessageDto, StaffReplyDto } from './dto/staff-conversation.dto.js';
import { StaffConversationsService } from './staff-conversations.service.js';

@ApiTags('staff: conversations')
@ApiHeader({ name: 'X-Access-Reason', required: false, description: 'Why you open patient data (audited)' })
@ApiNotFoundResponse({ description: 'No such conversation in your clinic' })
@StaffAuth('admin', 'receptionist')
@Controller('api/v1/conversations')
export class StaffConversationsController {
  constructor(private readonly conversations: StaffConversationsService) {}

  @Get()
  @ApiOperation({ summary: 'The inbox: handed-over conversations first (default sort "priority"). filter: status, channel, patientId, id' })
  @ApiOkResponse({ type: [StaffConversationDto] })
  async list(@Query() query: ListQueryDto, @CurrentStaff() staff: StaffPrincipal, @AccessReason() reason: string | null, @Res({ passthrough: true }) res: Response): Promise<StaffConversationDto[]> {
    return sendPage(res, 'conversations', await this.conversations.list(staff, query, reason));
  }

  @Get(':id')
  @ApiOkResponse({ type: StaffConversationDto })
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentStaff() staff: StaffPrincipal, @AccessReason() reason: string | null): Promise<StaffConversationDto> {
    return this.conversations.get(staff, id, reason);
  }

  @Get(':id/messages')
  @ApiOperation({ summary: 'The transcript, oldest first (range applies)' })
  @ApiOkResponse({ type: [StaffMessageDto] })
  async messages(@Param('id', ParseUUIDPipe) id: string, @Query() query: ListQueryDto, @CurrentStaff() staff: StaffPrincipal, @AccessReason() reason: string | null, @Res({ passthrough: true }) res: Response): Promise<StaffMessageDto[]> {
    return sendPage(res, 'messages', await this.conversations.messages(staff, id, query, reason));
  }

  @Post(':id/reply')
  @ApiOperation({ summary: "Reply through the patient's own channel and clinic number (WhatsApp outside 24 h: the number's re-engagement template, see docs/channels.md)" })
  @ApiCreatedResponse({ type: StaffMessageDto })
  @ApiConflictResponse({ description: 'OPTED_OUT or NO_SENDER' })
  reply(@Param('id', ParseUUIDPipe) id: string, @Body() body: StaffReplyDto, @CurrentStaff() staff: StaffPrincipal): Promise<StaffMessageDto> {
    return this.conversations.reply(staff, id, body.text);
  }

  @Post(':id/hand-back')
  @HttpCode(200)
  @ApiOperation({ summary: 'Hand the conversation back to the bot' })
  @ApiOkResponse({ type: StaffConversationDto })
  @ApiConflictResponse({ description: 'NOT_HANDED_OVER' })
  handBack(@Param('id', ParseUUIDPipe) id: string, @CurrentStaff() staff: StaffPrincipal): Promise<StaffConversationDto> {
    return this.conversations.handBack(staff, id);
  }
}
