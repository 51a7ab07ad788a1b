/** A tiny JSON client for e2e tests; sends the test API key unless told otherwise. */
export interface ApiResponse<T = any> { status: number; body: T; headers: Headers }

export function apiClient(baseUrl: string, apiKey = process.env.STAFF_API_KEY ?? '') {
  return async function call<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(apiKey ? { 'x-api-key': apiKey } : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
  };
}
