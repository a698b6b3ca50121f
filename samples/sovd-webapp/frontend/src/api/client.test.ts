import { describe, expect, it, vi } from 'vitest';
import { VEHICLES, commandRecord } from '../test/fixtures';
import { ApiError, createApiClient, errorMessage } from './client';

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

function clientAnswering(response: Response | Error, token?: string) {
  const fetchFn = vi.fn<typeof fetch>(async () => {
    if (response instanceof Error) {
      throw response;
    }
    return response;
  });
  return { client: createApiClient({ fetchFn, token }), fetchFn };
}

function sentRequest(fetchFn: ReturnType<typeof vi.fn<typeof fetch>>) {
  const [path, init] = fetchFn.mock.calls[0];
  return { path, init: init ?? {}, headers: new Headers(init?.headers) };
}

describe('createApiClient', () => {
  it('lists vehicles from the relative API path', async () => {
    const { client, fetchFn } = clientAnswering(jsonResponse(VEHICLES));

    await expect(client.listVehicles()).resolves.toEqual(VEHICLES);

    const { path, init, headers } = sentRequest(fetchFn);
    expect(path).toBe('/api/v1/vehicles');
    expect(init.method).toBe('GET');
    expect(headers.get('Accept')).toBe('application/json');
    expect(headers.get('X-Sovd-Client')).toBe('web');
    expect(headers.has('Authorization')).toBe(false);
  });

  it('sends the bearer token when one is configured', async () => {
    const { client, fetchFn } = clientAnswering(jsonResponse(VEHICLES), 's3cret');

    await client.listVehicles();

    expect(sentRequest(fetchFn).headers.get('Authorization')).toBe('Bearer s3cret');
  });

  it('posts a command as JSON to the encoded vehicle path', async () => {
    const created = commandRecord({ id: 'cmd-9', command: 'read_data' });
    const { client, fetchFn } = clientAnswering(jsonResponse(created, 201));

    await expect(client.sendCommand('veh 1/x', 'read_data', { did: 'F190' })).resolves.toEqual(
      created,
    );

    const { path, init, headers } = sentRequest(fetchFn);
    expect(path).toBe('/api/v1/vehicles/veh%201%2Fx/commands');
    expect(init.method).toBe('POST');
    expect(JSON.parse(String(init.body))).toEqual({
      command: 'read_data',
      parameters: { did: 'F190' },
    });
    expect(headers.get('Content-Type')).toBe('application/json');
  });

  it('fetches a command record by id', async () => {
    const record = commandRecord({ id: 'cmd-7' });
    const { client, fetchFn } = clientAnswering(jsonResponse(record));

    await expect(client.getCommand('cmd-7')).resolves.toEqual(record);
    expect(sentRequest(fetchFn).path).toBe('/api/v1/commands/cmd-7');
  });

  it('reports the backend detail of a 404', async () => {
    const { client } = clientAnswering(jsonResponse({ detail: 'Vehicle nope not found' }, 404));

    const error = await client.sendCommand('nope', 'read_dtc', {}).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(404);
    expect((error as ApiError).message).toBe(
      'POST /api/v1/vehicles/nope/commands failed with HTTP 404: Vehicle nope not found.',
    );
  });

  it('lists every validation issue of a 422', async () => {
    const body = {
      detail: [
        { loc: ['body', 'command'], msg: 'Input should be read_dtc or clear_dtc' },
        { loc: ['body', 'parameters'] },
        { msg: 'Field required' },
      ],
    };
    const { client } = clientAnswering(jsonResponse(body, 422));

    await expect(client.sendCommand('veh-001', 'read_dtc', {})).rejects.toThrow(
      'failed with HTTP 422: body.command: Input should be read_dtc or clear_dtc; ' +
        'body.parameters: invalid; request: Field required.',
    );
  });

  it('falls back to the status text when the error body is not JSON', async () => {
    const response = new Response('<html>Bad gateway</html>', {
      status: 502,
      statusText: 'Bad Gateway',
    });
    const { client } = clientAnswering(response);

    await expect(client.listVehicles()).rejects.toThrow(
      'GET /api/v1/vehicles failed with HTTP 502: Bad Gateway.',
    );
  });

  it('says so when the error response has neither detail nor status text', async () => {
    const { client } = clientAnswering(jsonResponse({ unexpected: true }, 500));

    await expect(client.listVehicles()).rejects.toThrow('HTTP 500: no details in the response.');
  });

  it('tells the user how to supply a token on 401 without echoing it', async () => {
    const token = 'tok-SECRET-123';
    const { client } = clientAnswering(jsonResponse({ detail: 'Not authenticated' }, 401), token);

    const error = await client.listVehicles().catch((e: unknown) => e);

    expect(errorMessage(error)).toContain('build the UI with VITE_API_TOKEN set');
    expect(errorMessage(error)).not.toContain(token);
  });

  it('turns a network failure into an ApiError with status 0', async () => {
    const { client } = clientAnswering(new TypeError('Failed to fetch'));

    const error = await client.getCommand('cmd-1').catch((e: unknown) => e);

    expect((error as ApiError).status).toBe(0);
    expect(errorMessage(error)).toBe(
      'GET /api/v1/commands/cmd-1 got no answer (Failed to fetch). ' +
        'Check that the backend is running and reachable.',
    );
  });

  it('describes a thrown non-Error value', async () => {
    const fetchFn = vi.fn<typeof fetch>(() => Promise.reject('offline'));
    const client = createApiClient({ fetchFn });

    await expect(client.listVehicles()).rejects.toThrow('got no answer (offline)');
  });

  it('uses the global fetch by default', async () => {
    const spy = vi.spyOn(globalThis, 'fetch').mockResolvedValue(jsonResponse([]));
    try {
      await expect(createApiClient().listVehicles()).resolves.toEqual([]);
      expect(spy).toHaveBeenCalledOnce();
    } finally {
      spy.mockRestore();
    }
  });
});

describe('errorMessage', () => {
  it('uses the message of an Error and stringifies anything else', () => {
    expect(errorMessage(new Error('boom'))).toBe('boom');
    expect(errorMessage(42)).toBe('42');
  });
});
