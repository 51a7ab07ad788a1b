import { Body, Controller, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentStaff, StaffAuth } from '../../auth/staff-auth.decorator.js';
import type { StaffPrincipal } from '../../auth/staff-principal.js';
import { ProviderInputDto, ProviderUpdateDto, RoomInputDto, RoomUpdateDto, ServiceInputDto, ServiceUpdateDto } from './clinic-settings.dto.js';
import { ClinicSettingsService } from './clinic-settings.service.js';

const SEARCH_DELAY = 'slot search shows the change within ~5 s (schedule cache), bookings at once';

/** Clinic settings writes are for admins (like weekly rules); reads stay on the catalog controllers. No DELETE: `active: false`. */
@ApiTags('staff: clinic')
@StaffAuth('admin')
@Controller('api/v1/providers')
export class ProvidersSettingsController {
  constructor(private readonly settings: ClinicSettingsService) {}

  @Post()
  @ApiCreatedResponse({ description: `The provider with serviceIds; ${SEARCH_DELAY}` })
  @ApiConflictResponse({ description: 'DUPLICATE_NAME' })
  @ApiNotFoundResponse({ description: "A serviceId that is not one of the clinic's services" })
  create(@Body() body: ProviderInputDto, @CurrentStaff() staff: StaffPrincipal) {
    return this.settings.createProvider(staff, body);
  }

  @Put(':id')
  @ApiOkResponse({ description: `Partial update; serviceIds, when given, replaces the provider's services; ${SEARCH_DELAY}` })
  @ApiConflictResponse({ description: 'DUPLICATE_NAME' })
  update(@Param('id', ParseUUIDPipe) id: string, @Body() body: ProviderUpdateDto, @CurrentStaff() staff: StaffPrincipal) {
    return this.settings.updateProvider(staff, id, body);
  }
}

@ApiTags('staff: clinic')
@StaffAuth('admin')
@Controller('api/v1/services')
export class ServicesSettingsController {
  constructor(private readonly settings: ClinicSettingsService) {}

  @Post()
  @ApiCreatedResponse({ description: `The service; ${SEARCH_DELAY}` })
  @ApiConflictResponse({ description: 'DUPLICATE_NAME (name or code taken)' })
  create(@Body() body: ServiceInputDto, @CurrentStaff() staff: StaffPrincipal) {
    return this.settings.createService(staff, body);
  }

  @Put(':id')
  @ApiOkResponse({ description: `Partial update; ${SEARCH_DELAY}` })
  @ApiConflictResponse({ description: 'DUPLICATE_NAME (name or code taken)' })
  update(@Param('id', ParseUUIDPipe) id: string, @Body() body: ServiceUpdateDto, @CurrentStaff() staff: StaffPrincipal) {
    return this.settings.updateService(staff, id, body);
  }
}

@ApiTags('staff: clinic')
@StaffAuth('admin')
@Controller('api/v1/rooms')
export class RoomsSettingsController {
  constructor(private readonly settings: ClinicSettingsService) {}

  @Post()
  @ApiCreatedResponse({ description: 'The room' })
  @ApiConflictResponse({ description: 'DUPLICATE_NAME (same name at the location)' })
  @ApiNotFoundResponse({ description: "locationId is not one of the clinic's locations" })
  create(@Body() body: RoomInputDto, @CurrentStaff() staff: StaffPrincipal) {
    return this.settings.createRoom(staff, body);
  }

  @Put(':id')
  @ApiOkResponse({ description: 'Partial update' })
  @ApiConflictResponse({ description: 'DUPLICATE_NAME (same name at the location)' })
  update(@Param('id', ParseUUIDPipe) id: string, @Body() body: RoomUpdateDto, @CurrentStaff() staff: StaffPrincipal) {
    return this.settings.updateRoom(staff, id, body);
  }
}
