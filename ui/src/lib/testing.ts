// Test fixtures and IPC mocks shared by the component tests.
import { mockIPC } from '@tauri-apps/api/mocks';
import type { MultiComparison } from './bindings/MultiComparison';
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
      case 'compare_roles': {
        const missing = (args as { ids: string[] }).ids.find((id) => !roles.some((r) => r.id === id));
        if (missing) throw { kind: 'not_found', message: `no role "${missing}" in the library` };
        return COMPARISON;
      }
      case 'export_comparison':
        return `/tmp/out.${(args as { format: string }).format}`;
      default:
        throw { kind: 'internal', message: `unmocked command ${cmd}` };
    }
  });
  return calls;
}

const eq = (text: string) => ({ op: 'equal' as const, text });
const ins = (text: string) => ({ op: 'insert' as const, text });
const del = (text: string) => ({ op: 'delete' as const, text });
const first = (text: string) => ({ status: null, text, words: null });
const same = (text: string) => ({ status: 'same' as const, text, words: null });

/** Director / VP / CTO, cut down to a few rows of each kind. */
export const COMPARISON: MultiComparison = {
  roles: ['director-of-engineering', 'vp-of-engineering', 'cto'],
  headers: [
    { id: 'director-of-engineering', title: 'Director of Engineering', track: 'People Manager Path', level: null },
    { id: 'vp-of-engineering', title: 'VP of Engineering', track: 'People Manager Path', level: null },
    { id: 'cto', title: 'CTO', track: 'People Manager Path', level: null },
  ],
  sections: [
    {
      key: 'scope_of_knowledge',
      title: 'Scope of knowledge',
      counts: [null, { same: 1, changed: 1, removed: 0, added: 1 }, { same: 2, changed: 0, removed: 1, added: 0 }],
      rows: [
        {
          cells: [
            first('Manages managers and ICs.'),
            {
              status: 'changed',
              text: 'Manages managers and directors.',
              words: [eq('Manages managers and '), del('ICs.'), ins('directors.')],
            },
            { status: 'removed', text: null, words: null },
          ],
        },
        { cells: [first('Culture leadership.'), same('Culture leadership.'), same('Culture leadership.')] },
        { cells: [null, { status: 'added', text: 'Organizational design', words: null }, same('Organizational design')] },
      ],
    },
  ],
  facts: [{ key: 'years_of_experience', cells: [first('15+'), same('15+'), { status: 'changed', text: '20+', words: [del('15+'), ins('20+')] }] }],
  skills: [],
  pairs: [],
  ladder: { order: [], by_level: false, shared: { sections: [], facts: [], skills: [] }, steps: [] },
};
