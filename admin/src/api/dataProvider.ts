import simpleRestProvider from 'ra-data-simple-rest';
import type { DataProvider } from 'react-admin';
import { API_BASE, request } from './http';

/**
 * react-admin's simple-REST conventions (sort/range/filter, Content-Range), which the staff API
 * follows, over the console's authenticated request function.
 */
const httpClient = (url: string, options: RequestInit = {}) => {
  const headers = new Headers(options.headers);
  if (options.body && !headers.has('content-type')) headers.set('content-type', 'application/json');
  return request(url, { ...options, headers });
};

export const dataProvider: DataProvider = simpleRestProvider(API_BASE, httpClient, 'Content-Range');
