import { describe, expect, it } from 'vitest';
import { mockIPC } from '@tauri-apps/api/mocks';
import { groupByTrack, LibraryStore, matches, NO_TRACK, RoleBody } from './library.svelte';
import type { Role } from './api';
import { role, ROLES, SUMMARIES, summaryOf } from './testing';

/** Lets pending promise callbacks (the mocked shell's answers) run. */
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('library search and grouping', () => {
  it('matches every word of the query against title, track and id', () => {
    const vp = SUMMARIES[2]!;
    expect(matches(vp, 'vp of eng')).toBe(true);
    expect(matches(vp, 'manager')).toBe(true);
    expect(matches(vp, 'vp product')).toBe(false);
    expect(matches(vp, '  ')).toBe(true);
  });

  it('groups roles by track, alphabetically, with roles without a track last', () => {
    const groups = groupByTrack([...SUMMARIES, summaryOf(role('x', 'Loose role', null))]);
    expect(groups.map((g) => g.track)).toEqual(['People Manager Path', 'Product', NO_TRACK]);
    expect(groups[0]!.roles.map((r) => r.id)).toEqual(['cto', 'director-of-engineering', 'vp-of-engineering']);
  });
});

describe('LibraryStore', () => {
  it('counts the successful loads, and keeps the roles it had when a load fails', async () => {
    let broken = false;
    mockIPC((cmd) => {
      if (cmd !== 'list_roles') throw { kind: 'internal', message: `unmocked command ${cmd}` };
      if (broken) throw { kind: 'io', message: 'the library folder is gone' };
      return { roles: SUMMARIES, problem: null, origins: {} };
    });
    const library = new LibraryStore();
    expect(library.generation).toBe(0);
    await library.load();
    expect(library.generation).toBe(1);
    broken = true;
    await library.load();
    expect(library.generation).toBe(1);
    expect(library.error?.kind).toBe('io');
    expect(library.byId('cto')?.title).toBe('CTO');
  });
});

describe('RoleBody', () => {
  /** `get_role` answering only when the test says so, per id. */
  function heldRoles() {
    const waiting = new Map<string, { answer: (r: Role) => void; fail: (e: unknown) => void }>();
    mockIPC((cmd, args) => {
      if (cmd !== 'get_role') throw { kind: 'internal', message: `unmocked command ${cmd}` };
      const id = (args as { id: string }).id;
      return new Promise((answer, fail) => waiting.set(id, { answer, fail }));
    });
    return waiting;
  }

  it('keeps the answer to the latest request: a late one for an id asked before is dropped', async () => {
    const waiting = heldRoles();
    const body = new RoleBody();
    body.load('cto');
    body.load('vp-of-engineering');
    await settle();
    waiting.get('vp-of-engineering')!.answer(ROLES[2]!);
    await settle();
    waiting.get('cto')!.answer(ROLES[0]!);
    await settle();
    expect(body.role?.id).toBe('vp-of-engineering');
    expect(body.error).toBeNull();
  });

  it('says why a role could not be had, and keeps the role shown until the next answer', async () => {
    const waiting = heldRoles();
    const body = new RoleBody();
    body.load('cto');
    await settle();
    waiting.get('cto')!.answer(ROLES[0]!);
    await settle();
    body.load('gone');
    await settle();
    expect(body.role?.id).toBe('cto');
    waiting.get('gone')!.fail({ kind: 'not_found', message: 'no role "gone" in the library' });
    await settle();
    expect(body.role).toBeNull();
    expect(body.error?.kind).toBe('not_found');
    body.load(null);
    expect(body.error).toBeNull();
  });
});
