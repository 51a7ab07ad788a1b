import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentStaff, StaffAuth } from '../../auth/staff-auth.decorator.js';
import type { StaffPrincipal } from '../../auth/staff-principal.js';
import { ListQueryDto } from '../common/list-query.dto.js';
import { sendPage } from '../common/list-response.js';
import { CreateStaffUserDto, StaffUserDto, UpdateStaffUserDto } from './staff-users.dto.js';
import { StaffUsersService } from './staff-users.service.js';

@ApiTags('staff: staff users')
@ApiNotFoundResponse({ description: 'No such staff user in your clinic' })
@StaffAuth('admin')
@Controller('api/v1/staff-users')
export class StaffUsersController {
  constructor(private readonly users: StaffUsersService) {}

  @Get()
  @ApiOperation({ summary: 'Staff accounts of your clinic. filter: q, role, id' })
  @ApiOkResponse({ type: [StaffUserDto] })
  async list(@Query() query: ListQueryDto, @CurrentStaff() staff: StaffPrincipal, @Res({ passthrough: true }) res: Response): Promise<StaffUserDto[]> {
    return sendPage(res, 'staff-users', await this.users.list(staff, query));
  }

  @Get(':id')
  @ApiOkResponse({ type: StaffUserDto })
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentStaff() staff: StaffPrincipal): Promise<StaffUserDto> {
    return this.users.get(staff, id);
  }

  @Post()
  @ApiCreatedResponse({ type: StaffUserDto })
  @ApiConflictResponse({ description: 'EMAIL_TAKEN' })
  create(@Body() body: CreateStaffUserDto, @CurrentStaff() staff: StaffPrincipal): Promise<StaffUserDto> {
    return this.users.create(staff, body);
  }

  @Put(':id')
  @ApiOkResponse({ type: StaffUserDto })
  update(@Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateStaffUserDto, @CurrentStaff() staff: StaffPrincipal): Promise<StaffUserDto> {
    return this.users.update(staff, id, body);
  }
}
