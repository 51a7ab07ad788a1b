import { ValidationError } from '../../common/errors.js';

/**
 * react-admin's simple-REST list parameters: sort=["field","ASC"], range=[0,24] (inclusive),
 * filter={"q":"…"}. Pure: parsing and checking only.
 */
export interface ListQuery<F extends string = string> {
  sort: { field: F; order: 'asc' | 'desc' };
  skip: number;
  take: number;
  filter: Record<string, unknown>;
}

export interface RawListQuery { sort?: string; range?: string; filter?: string }

export const MAX_PAGE = 500;

export function parseListQuery<F extends string>(raw: RawListQuery, sortable: readonly F[], defaultSort: { field: F; order: 'asc' | 'desc' }): ListQuery<F> {
  const sort = raw.sort ? parseJson(raw.sort, 'sort') : null;
  let parsedSort = defaultSort;
  if (sort !== null) {
    if (!Array.isArray(sort) || sort.length !== 2 || !sortable.includes(sort[0]) || !/^(asc|desc)$/i.test(String(sort[1]))) {
      throw new ValidationError(`sort must be ["field","ASC"|"DESC"] with field one of: ${sortable.join(', ')}`);
    }
    parsedSort = { field: sort[0] as F, order: String(sort[1]).toLowerCase() as 'asc' | 'desc' };
  }
  let skip = 0;
  let take = 25;
  if (raw.range) {
    const range = parseJson(raw.range, 'range');
    if (!Array.isArray(range) || range.length !== 2 || !range.every((n) => Number.isInteger(n) && n >= 0) || range[1] < range[0]) {
      throw new ValidationError('range must be [first, last] with 0 <= first <= last');
    }
    skip = range[0];
    take = Math.min(range[1] - range[0] + 1, MAX_PAGE);
  }
  const filter = raw.filter ? parseJson(raw.filter, 'filter') : {};
  if (typeof filter !== 'object' || filter === null || Array.isArray(filter)) throw new ValidationError('filter must be a JSON object');
  return { sort: parsedSort, skip, take, filter: filter as Record<string, unknown> };
}

/** The Content-Range value for a page: "appointments 0-24/319" (an empty page: star slash total). */
export function contentRange(resource: string, skip: number, count: number, total: number): string {
  return count === 0 ? `${resource} */${total}` : `${resource} ${skip}-${skip + count - 1}/${total}`;
}

function parseJson(text: string, name: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ValidationError(`${name} is not valid JSON`);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Typed readers for filter values; each refuses a wrong type with a 400 naming the filter. */
export const filterValue = {
  uuid(filter: Record<string, unknown>, name: string): string | undefined {
    const v = filter[name];
    if (v === undefined || v === null || v === '') return undefined;
    if (typeof v !== 'string' || !UUID.test(v)) throw new ValidationError(`filter.${name} must be an id`);
    return v;
  },
  uuids(filter: Record<string, unknown>, name: string): string[] | undefined {
    const v = filter[name];
    if (v === undefined || v === null) return undefined;
    const list = Array.isArray(v) ? v : [v];
    if (!list.every((x) => typeof x === 'string' && UUID.test(x))) throw new ValidationError(`filter.${name} must be an id or a list of ids`);
    return list as string[];
  },
  string(filter: Record<string, unknown>, name: string, max = 200): string | undefined {
    const v = filter[name];
    if (v === undefined || v === null || v === '') return undefined;
    if (typeof v !== 'string' || v.length > max) throw new ValidationError(`filter.${name} must be text of at most ${max} characters`);
    return v.trim();
  },
  strings<T extends string>(filter: Record<string, unknown>, name: string, allowed: readonly T[]): T[] | undefined {
    const v = filter[name];
    if (v === undefined || v === null || v === '') return undefined;
    const list = Array.isArray(v) ? v : [v];
    if (!list.every((x) => allowed.includes(x as T))) throw new ValidationError(`filter.${name} must be one or more of: ${allowed.join(', ')}`);
    return list as T[];
  },
  date(filter: Record<string, unknown>, name: string): Date | undefined {
    const v = filter[name];
    if (v === undefined || v === null || v === '') return undefined;
    const d = typeof v === 'string' ? new Date(v) : null;
    if (!d || Number.isNaN(+d)) throw new ValidationError(`filter.${name} must be an ISO date-time`);
    return d;
  },
  boolean(filter: Record<string, unknown>, name: string): boolean | undefined {
    const v = filter[name];
    if (v === undefined || v === null || v === '') return undefined;
    if (typeof v !== 'boolean') throw new ValidationError(`filter.${name} must be true or false`);
    return v;
  },
};
