// An import review as the shell returns it, cut down: the CTO in the library with a conflict
// between the two seed pages and one with the library's role, a new role, a warning with the
// lines it dropped, and a file that could not be read.
import { mockIPC } from '@tauri-apps/api/mocks';
import type { Channel } from '@tauri-apps/api/core';
import type { ImportProgress } from '../bindings/ImportProgress';
import type { ImportReview } from '../bindings/ImportReview';
import type { Role } from '../bindings/Role';
import { item, role } from '../testing';

const LADDER = '000_8c1f8f3f73223611.txt';
const CTO_PAGE = '001_a79071d1db045453.txt';

const cto = (checkpoint: string, file: string, line: number, years: string): Role =>
  role('cto', 'CTO', 'People Manager Path', {
    facts: { years_of_experience: years },
    sections: [
      { key: 'summary', title: 'Role Description', items: [{ ...item('Owns the technology strategy.', 12), source: { file, line: 12 } }] },
      { key: 'checkpoints', title: 'Checkpoints for reaching this level', items: [{ ...item(checkpoint, line), source: { file, line } }] },
    ],
  });

export const REVIEW: ImportReview = {
  id: 7,
  files: 3,
  library_dir: '/data/roles',
  errors: [{ file: '/docs/broken.bin', message: '/docs/broken.bin: not text: invalid UTF-8 at byte 0' }],
  plan: {
    warnings: [
      {
        kind: 'junk_dropped',
        file: LADDER,
        line: 3,
        message: 'dropped 2 lines of page chrome',
        dropped: ['Subscribe to our newsletter', '<b>Share</b> this page'],
      },
    ],
    roles: [
      {
        incoming: cto('Has served as VP of Engineering, Sr Staff Engineer, or equivalent for 10+ years.', CTO_PAGE, 306, '20+'),
        existing: cto('Has served as VP of Engineering for 10+ years.', 'roles/cto.json', 5, '15+'),
        changes: {
          roles: ['cto', 'cto'],
          headers: [],
          summary: {
            sections: [
              {
                key: 'checkpoints',
                title: 'Checkpoints',
                counts: { same: 0, changed: 1, removed: 0, added: 1 },
                changes: 2,
              },
            ],
            total: { same: 0, changed: 1, removed: 0, added: 1 },
            facts: { same: 0, changed: 0, removed: 0, added: 0 },
            skills: { same: 0, changed: 0, removed: 0, added: 0 },
          },
          omitted: [],
          sections: [
            {
              key: 'checkpoints',
              title: 'Checkpoints',
              counts: { same: 0, changed: 1, removed: 0, added: 1 },
              rows: [
                {
                  status: 'changed',
                  left: 'Has served as VP of Engineering for 10+ years.',
                  right: 'Has served as VP of Engineering, Sr Staff Engineer, or equivalent for 10+ years.',
                  words: [
                    { op: 'equal', text: 'Has served as VP of Engineering' },
                    { op: 'insert', text: ', Sr Staff Engineer, or equivalent' },
                    { op: 'equal', text: ' for 10+ years.' },
                  ],
                },
                { status: 'added', left: null, right: 'Sets the <b>engineering</b> culture.', words: null },
                { status: 'same', left: 'Same thing.', right: 'Same thing.', words: null },
              ],
            },
          ],
          facts: [],
          skills: [],
        },
        merge_conflicts: [
          {
            role_id: 'cto',
            section: 'facts.years_of_experience',
            kept: { text: '15+', source: { file: 'roles/cto.json', line: 4 } },
            other: { text: '20+', source: { file: CTO_PAGE, line: 40 } },
          },
        ],
        source_conflicts: [
          {
            role_id: 'cto',
            section: 'checkpoints',
            kept: {
              text: 'Has served as VP of Engineering, Sr Staff Engineer, or equivalent for 10+ years.',
              source: { file: CTO_PAGE, line: 306 },
            },
            other: {
              text: 'Has served as VP of Engineering, Sr Staff Engineer, or equivalent for 3+ years.',
              source: { file: LADDER, line: 414 },
            },
          },
        ],
        suggested: 'merge',
      },
      {
        incoming: role('staff-engineer', 'Staff Engineer', 'Engineering', {
          sections: [{ key: 'responsibilities', title: 'Responsibilities', items: [item('Leads design reviews.', 8)] }],
        }),
        existing: null,
        changes: null,
        merge_conflicts: [],
        source_conflicts: [],
        suggested: 'add',
      },
    ],
  },
};

export interface ImportMock {
  calls: { cmd: string; args: Record<string, unknown> }[];
  /** Sends progress on the channel of the running `plan_import`. */
  progress: (done: number, total: number) => void;
  /** Lets the running `plan_import` answer. */
  finish: () => void;
}

/** The import commands; `plan_import` waits for `finish()` when `hold` is set. */
export function mockImport({
  hold = false,
  events = false,
  paths = ['/docs/a.txt', '/docs/b.txt'],
  review = REVIEW,
}: { hold?: boolean; events?: boolean; paths?: string[]; review?: ImportReview } = {}): ImportMock {
  const calls: ImportMock['calls'] = [];
  let channel: Channel<ImportProgress> | null = null;
  let release: () => void = () => {};
  mockIPC((cmd, raw) => {
    const args = (raw ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args });
    switch (cmd) {
      case 'choose_import_files':
        return paths;
      case 'plan_import':
        channel = args.onProgress as Channel<ImportProgress>;
        if (!hold) return structuredClone(review);
        return new Promise((resolve) => {
          release = () => resolve(structuredClone(review));
        });
      case 'apply_import':
        return { saved: ['cto', 'staff-engineer'], library_dir: '/data/roles' };
      case 'cancel_import':
        return null;
      case 'list_roles':
        return { roles: [], problem: null, origins: {} };
      case 'startup_route':
        return null;
      default:
        throw { kind: 'internal', message: `unmocked command ${cmd}` };
    }
  }, { shouldMockEvents: events });
  return {
    calls,
    progress: (done, total) => channel?.onmessage({ done, total }),
    finish: () => release(),
  };
}
