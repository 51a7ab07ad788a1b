import { Injectable } from '@nestjs/common';
import type { StaffPrincipal } from '../../auth/staff-principal.js';
import { NotFoundError } from '../../common/errors.js';
import { filterValue, parseListQuery, type RawListQuery } from '../common/list-query.js';
import type { Page } from '../common/list-response.js';
import { type CatalogResource, ClinicCatalogReadRepository } from './clinic-catalog.repository.js';

/** Lists and single records of the clinic's reference data, sorted by name; any signed-in staff may read them. */
@Injectable()
export class ClinicCatalogService {
  constructor(private readonly catalog: ClinicCatalogReadRepository) {}

  async list(resource: CatalogResource, staff: StaffPrincipal, raw: RawListQuery): Promise<Page<object>> {
    const query = parseListQuery(raw, ['name'] as const, { field: 'name', order: 'asc' });
    const { rows, total } = await this.catalog.page(resource, staff.clinicId, filterValue.uuids(query.filter, 'id'), query.sort.order, query.skip, query.take);
    return { rows: rows.map(toJson), total, skip: query.skip };
  }

  async get(resource: CatalogResource, staff: StaffPrincipal, id: string): Promise<object> {
    const { rows } = await this.catalog.page(resource, staff.clinicId, [id], 'asc', 0, 1);
    if (!rows[0]) throw new NotFoundError(resource.slice(0, -1));
    return toJson(rows[0]);
  }
}

/** Dates as ISO strings; everything else as stored. */
function toJson(row: object): object {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]));
}
