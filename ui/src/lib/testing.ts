// Test fixtures and IPC mocks shared by the component tests.
import { mockIPC } from '@tauri-apps/api/mocks';
import type { Role } from './bindings/Role';

export function item(text: string, line: number, group: string | null = null) {
  return { text, group, source: { file: 'ladder.txt', line } };
}

export function role(id: string, title: string, track: string | null, extra: Partial<Role> = {}): Role {
  return {
    id,
    title,
    track,
    level: null,
    facts: {},
    sections: [],
    sources: [{ file: 'ladder.txt', format: 'ladder_page', hash: 'sha256:0123456789abcdef0123', own_page: true }],
    ...extra,
  };
}

export const ROLES: Role[] = [
  role('cto', 'CTO', 'People Manager Path'),
  role('director-of-engineering', 'Director of Engineering', 'People Manager Path'),
  role('vp-of-engineering', 'VP of Engineering', 'People Manager Path', {
    facts: { years_of_experience: '15+', scope: 'Organization' },
    sections: [
      {
        key: 'communication_and_leadership',
        title: 'Communication and leadership',
        items: [item('Can drive all internal and external communication.', 40)],
      },
      {
        key: 'responsibilities',
        title: 'Responsibilities',
        items: [
          item('Sets the strategy.', 12, 'Strategic responsibilities'),
          item('Owns the budget.', 13, 'Strategic responsibilities'),
          item('Hires directors.', 20, 'People'),
        ],
      },
    ],
  }),
  role('vp-of-product', 'VP of Product', 'Product', { level: 7 }),
];

/** Answers the app's commands from `roles`; records every call. */
export function mockLibrary(roles: Role[] = ROLES, startup: string | null = null) {
  const calls: { cmd: string; args: unknown }[] = [];
  mockIPC((cmd, args) => {
    calls.push({ cmd, args });
    switch (cmd) {
      case 'list_roles':
        return { roles, problem: null };
      case 'get_role': {
        const found = roles.find((r) => r.id === (args as { id: string }).id);
        if (!found) throw { kind: 'not_found', message: 'no such role' };
        return found;
      }
      case 'startup_route':
        return startup;
      default:
        throw { kind: 'internal', message: `unmocked command ${cmd}` };
    }
  });
  return calls;
}
