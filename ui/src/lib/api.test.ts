import { describe, expect, it } from 'vitest';
import { mockIPC } from '@tauri-apps/api/mocks';
import { api, ApiError, authoringApi, toApiError } from './api';
import type { RoleEdit } from './api';

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

describe('authoringApi', () => {
  it('sends typed edits with the base hash and returns the outcome', async () => {
    let seen: unknown;
    mockIPC((cmd, args) => {
      seen = { cmd, args };
      return { outcome: 'conflict', conflict: { mine: null, theirs: null }, undo: [] };
    });
    const edits: RoleEdit[] = [
      { op: 'edit_item', section: 4, index: 1, text: 'Strategic thinking.' },
      { op: 'move_item', from: { section: 4, index: 0 }, to: { section: 2, index: 0 } },
    ];
    const outcome = await authoringApi.editRole('director-of-engineering', edits, 'sha256:ab');
    expect(outcome.outcome).toBe('conflict');
    expect(seen).toEqual({
      cmd: 'edit_role',
      args: { id: 'director-of-engineering', edits, baseHash: 'sha256:ab' },
    });
  });

  it('rejects history outside git with kind not_in_git', async () => {
    mockIPC(() => {
      throw { kind: 'not_in_git', message: 'roles/cto.json: not in a git repository' };
    });
    const err = await authoringApi.roleHistory('cto').catch((e: unknown) => e);
    expect((err as ApiError).kind).toBe('not_in_git');
  });
});
