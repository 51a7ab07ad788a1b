import { Controller, Get, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentStaff, StaffAuth } from '../../auth/staff-auth.decorator.js';
import type { StaffPrincipal } from '../../auth/staff-principal.js';
import { ListQueryDto } from '../common/list-query.dto.js';
import { sendPage } from '../common/list-response.js';
import type { CatalogResource } from './clinic-catalog.repository.js';
import { ClinicCatalogService } from './clinic-catalog.service.js';

/** One read-only controller per reference resource (same shape, different path). */
function catalogController(resource: CatalogResource) {
  @ApiTags('staff: clinic')
  @StaffAuth()
  @Controller(`api/v1/${resource}`)
  class CatalogController {
    constructor(readonly catalog: ClinicCatalogService) {}

    @Get()
    @ApiOperation({ summary: `The clinic's ${resource} by name. filter: id (list)` })
    @ApiOkResponse({ description: `Content-Range: ${resource} 0-24/N` })
    async list(@Query() query: ListQueryDto, @CurrentStaff() staff: StaffPrincipal, @Res({ passthrough: true }) res: Response): Promise<object[]> {
      return sendPage(res, resource, await this.catalog.list(resource, staff, query));
    }

    @Get(':id')
    @ApiOkResponse({ description: `One of the clinic's ${resource}` })
    get(@Param('id', ParseUUIDPipe) id: string, @CurrentStaff() staff: StaffPrincipal): Promise<object> {
      return this.catalog.get(resource, staff, id);
    }
  }
  Object.defineProperty(CatalogController, 'name', { value: `${resource[0]!.toUpperCase()}${resource.slice(1)}CatalogController` });
  return CatalogController;
}

export const ProvidersCatalogController = catalogController('providers');
export const ServicesCatalogController = catalogController('services');
export const LocationsCatalogController = catalogController('locations');
export const RoomsCatalogController = catalogController('rooms');
