import type { CommandName, CommandParameters, CommandRecord, Vehicle } from './types';

/** An HTTP failure from the backend; status 0 means the request never got an answer. */
export class ApiError extends Error {
  readonly status: number;

  constructor(status: number, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
  }
}

export interface ApiClient {
  listVehicles(): Promise<Vehicle[]>;
  sendCommand(
    vehicleId: string,
    command: CommandName,
    parameters: CommandParameters,
  ): Promise<CommandRecord>;
  getCommand(commandId: string): Promise<CommandRecord>;
}

export interface ApiClientOptions {
  /** Bearer token for /api; omitted when the backend runs without authentication. */
  token?: string;
  fetchFn?: typeof fetch;
}

// FastAPI answers errors as {"detail": "..."} or, for validation, {"detail": [{"loc", "msg"}]}.
interface ValidationIssue {
  loc?: unknown[];
  msg?: string;
}

function describeDetail(detail: unknown): string | undefined {
  if (typeof detail === 'string') {
    return detail;
  }
  if (Array.isArray(detail)) {
    return detail
      .map((issue: ValidationIssue) => {
        const where = Array.isArray(issue.loc) ? issue.loc.join('.') : 'request';
        return `${where}: ${issue.msg ?? 'invalid'}`;
      })
      .join('; ');
  }
  return undefined;
}

async function readErrorDetail(response: Response): Promise<string> {
  try {
    const body: unknown = await response.json();
    const detail = describeDetail((body as { detail?: unknown } | null)?.detail);
    if (detail) {
      return detail;
    }
  } catch {
    // Not JSON (e.g. a proxy's HTML error page): fall back to the status text.
  }
  return response.statusText || 'no details in the response';
}

function hintFor(status: number): string {
  if (status === 401 || status === 403) {
    return ' The API needs a valid bearer token: build the UI with VITE_API_TOKEN set.';
  }
  return '';
}

export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const fetchFn = options.fetchFn ?? globalThis.fetch.bind(globalThis);

  async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
    const method = init.method ?? 'GET';
    // X-Sovd-Client tells the backend's metrics the UI's requests from scripts' and probes' (canary analysis).
    const headers = new Headers({ Accept: 'application/json', 'X-Sovd-Client': 'web' });
    if (init.body !== undefined) {
      headers.set('Content-Type', 'application/json');
    }
    if (options.token) {
      headers.set('Authorization', `Bearer ${options.token}`);
    }
    let response: Response;
    try {
      response = await fetchFn(path, { ...init, method, headers });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new ApiError(
        0,
        `${method} ${path} got no answer (${reason}). Check that the backend is running and reachable.`,
      );
    }
    if (!response.ok) {
      const detail = await readErrorDetail(response);
      throw new ApiError(
        response.status,
        `${method} ${path} failed with HTTP ${response.status}: ${detail}.${hintFor(response.status)}`,
      );
    }
    return (await response.json()) as T;
  }

  return {
    listVehicles: () => request<Vehicle[]>('/api/v1/vehicles'),
    sendCommand: (vehicleId, command, parameters) =>
      request<CommandRecord>(`/api/v1/vehicles/${encodeURIComponent(vehicleId)}/commands`, {
        method: 'POST',
        body: JSON.stringify({ command, parameters }),
      }),
    getCommand: (commandId) =>
      request<CommandRecord>(`/api/v1/commands/${encodeURIComponent(commandId)}`),
  };
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
