import type { Response } from 'express';
import { contentRange } from './list-query.js';

export interface Page<T> { rows: T[]; total: number; skip: number }

/** Sets Content-Range (readable by the console's browser code) and returns the rows. */
export function sendPage<T>(res: Response, resource: string, page: Page<T>): T[] {
  res.setHeader('Content-Range', contentRange(resource, page.skip, page.rows.length, page.total));
  res.setHeader('Access-Control-Expose-Headers', 'Content-Range');
  return page.rows;
}
