import { describe, expect, it } from 'vitest';
import { mockIPC } from '@tauri-apps/api/mocks';
import { api, ApiError, toApiError } from './api';

describe('api', () => {
  it('passes arguments to the command and returns its value', async () => {
    let seen: unknown;
    mockIPC((cmd, args) => {
      seen = { cmd, args };
      return { id: 'cto', title: 'CTO' };
    });
    const role = await api.getRole('cto');
    expect(role.title).toBe('CTO');
    expect(seen).toEqual({ cmd: 'get_role', args: { id: 'cto' } });
  });

  it('turns a {kind, message} rejection into an ApiError of that kind', async () => {
    mockIPC(() => {
      throw { kind: 'not_found', message: 'no role "x" in the library' };
    });
    const err = await api.getRole('x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).kind).toBe('not_found');
    expect((err as ApiError).message).toBe('no role "x" in the library');
  });

  it('treats any other rejection as internal', () => {
    expect(toApiError('command get_role not allowed').kind).toBe('internal');
    expect(toApiError(new Error('boom')).message).toBe('boom');
  });
});
