// Test fixtures and IPC mocks shared by the component tests.
import { mockIPC } from '@tauri-apps/api/mocks';
import type { Draft } from './bindings/Draft';
import type { DraftPreview } from './bindings/DraftPreview';
import type { EditorOptions } from './bindings/EditorOptions';
import type { MultiComparison } from './bindings/MultiComparison';
import type { OutlineSection } from './bindings/OutlineSection';
import type { Finding } from './bindings/Finding';
import type { Report } from './bindings/Report';
import type { Role } from './bindings/Role';
import type { RoleSummary } from './bindings/RoleSummary';
import type { RoleCommit } from './bindings/RoleCommit';
import type { RoleEdit } from './bindings/RoleEdit';
import type { SectionNote } from './bindings/SectionNote';
import type { SourceContext } from './bindings/SourceContext';
import type { Versioned } from './bindings/Versioned';
import { applyEdits } from './authoring/apply';

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

/** The core's section notes (rolecraft_core::section_notes). */
export const SECTION_NOTES: SectionNote[] = [
  {
    key: 'job_description_links',
    internal: true,
    note: "Internal: links to the hiring team's job description pages for this role, not published.",
  },
  {
    key: 'page_notes',
    internal: true,
    note: 'Internal: notes the source page keeps for its editors (references to internal pages), not published.',
  },
];

/** What `list_roles` sends of a role. */
export function summaryOf({ id, title, track, level }: Role): RoleSummary {
  return { id, title, track, level };
}

/** The library list as the shell sends it: `ROLES` without their bodies. */
export const SUMMARIES: RoleSummary[] = ROLES.map(summaryOf);

/** A big library's list: `n` roles over ten tracks (levels 1 to 7), as `list_roles` sends it. */
export function manySummaries(n: number): RoleSummary[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `role-${i}`,
    title: `Role ${i}`,
    track: `Track ${i % 10}`,
    level: (i % 7) + 1,
  }));
}

/** The documents the library keeps a copy of, by file name: their own title and lines. */
export const DOCUMENTS: Record<string, { title: string; hash: string; lines: string[] }> = {
  '001_a79071d1db045453.txt': {
    title: 'CTO',
    hash: 'sha256:018146f44869a69514013c3e2657586809bfde20dd315bf3684e05086e59fe45',
    lines: Array.from({ length: 320 }, (_, i) => `line ${i + 1} of the CTO page`).map((t, i) =>
      i + 1 === 306 ? '- Has served as VP of Engineering, Sr Staff Engineer, or equivalent for 10+ years.' : t,
    ),
  },
  '000_8c1f8f3f73223611.txt': {
    title: 'VP of Engineering',
    hash: 'sha256:8c1f8f3f732236110000000000000000000000000000000000000000000000',
    lines: Array.from({ length: 420 }, (_, i) => `line ${i + 1} of the VP page`).map((t, i) =>
      i + 1 === 414 ? '- Has served as VP of Engineering, Sr Staff Engineer, or equivalent for 3+ years.' : t,
    ),
  },
};

/** The shell's `source_context`, over `DOCUMENTS` (errors worded as the core words them). */
export function sourceContextOf(file: string, line: number, radius = 3): SourceContext {
  const doc = DOCUMENTS[file];
  if (!doc) throw { kind: 'not_found', message: `${file}: no document of that name or hash in the library` };
  if (line < 1 || line > doc.lines.length)
    throw { kind: 'bad_input', message: `${file}:${line}: the document has ${doc.lines.length} lines` };
  const first = Math.max(1, line - radius);
  const last = Math.min(doc.lines.length, line + radius);
  const lines = [];
  for (let n = first; n <= last; n++) lines.push({ n, text: doc.lines[n - 1]! });
  return { title: doc.title, file, hash: doc.hash, line, lines };
}

/** The CTO as the bundled library has it: two pages, one checkpoint they disagree on, an
 * internal section and an item written in Rolecraft. */
export const CTO_WITH_CONFLICT: Role = role('cto', 'CTO', 'People Manager Path', {
  facts: { years_of_experience: '20+' },
  fact_sources: { years_of_experience: { file: '001_a79071d1db045453.txt', line: 12 } },
  sections: [
    {
      key: 'checkpoints',
      title: 'Checkpoints',
      items: [
        { text: 'Has served as VP of Engineering, Sr Staff Engineer, or equivalent for 10+ years.', group: null, source: { file: '001_a79071d1db045453.txt', line: 306 } },
        { text: 'Has built an engineering organisation.', group: null, source: { file: '001_a79071d1db045453.txt', line: 307 } },
        { text: 'Mentors the VPs.', group: null, source: { file: '', line: 0 }, origin: { kind: 'authored', at: '2026-12-01T23:50:00Z' } },
      ],
    },
    {
      key: 'page_notes',
      title: 'Page notes',
      items: [{ text: 'reference: see the internal levelling guide', group: null, source: { file: '001_a79071d1db045453.txt', line: 247 } }],
    },
  ],
  sources: [
    { file: '001_a79071d1db045453.txt', format: 'ladder_page', hash: DOCUMENTS['001_a79071d1db045453.txt']!.hash, own_page: true, title: 'CTO' },
    { file: '000_8c1f8f3f73223611.txt', format: 'ladder_page', hash: DOCUMENTS['000_8c1f8f3f73223611.txt']!.hash, own_page: false, title: 'VP of Engineering' },
  ],
  conflicts: [
    {
      role_id: 'cto',
      section: 'checkpoints',
      kept: { text: 'Has served as VP of Engineering, Sr Staff Engineer, or equivalent for 10+ years.', source: { file: '001_a79071d1db045453.txt', line: 306 } },
      other: { text: 'Has served as VP of Engineering, Sr Staff Engineer, or equivalent for 3+ years.', source: { file: '000_8c1f8f3f73223611.txt', line: 414 } },
    },
  ],
});

/** Answers the app's commands from `roles` (the list as summaries, `get_role` in full); records every call. `comparison`: what
 * `compare_roles` answers without the internal sections (with them: `withInternal(comparison)`). */
export function mockLibrary(
  roles: Role[] = ROLES,
  startup: string | null = null,
  opts: { problem?: string | null; origins?: Record<string, 'bundled' | 'user'>; comparison?: MultiComparison } = {},
) {
  const comparison = opts.comparison ?? COMPARISON;
  const calls: { cmd: string; args: unknown }[] = [];
  let problem = opts.problem ?? null;
  mockIPC((cmd, args) => {
    calls.push({ cmd, args });
    switch (cmd) {
      case 'list_roles':
        return {
          roles: roles.map(summaryOf),
          problem,
          origins: opts.origins ?? Object.fromEntries(roles.map((r) => [r.id, 'bundled'])),
        };
      case 'search_roles': {
        // Word starts in item text, like the core's index (case ignored).
        const terms = (args as { query: string }).query.toLowerCase().split(/\s+/).filter(Boolean);
        const starts = (text: string) => {
          const words = text.toLowerCase().split(/[^a-z0-9]+/);
          return terms.every((t) => words.some((w) => w.startsWith(t)));
        };
        const results = roles
          .map((r) => ({
            id: r.id,
            title: r.title,
            matches: r.sections.flatMap((sec) =>
              sec.items.filter((i) => starts(i.text)).map((i) => ({ section: sec.key, text: i.text })),
            ),
          }))
          .filter((h) => starts(h.title) || h.matches.length > 0);
        return { results, total: results.length };
      }
      case 'reveal_library_file':
        // Like a machine without a file manager answering on D-Bus.
        throw { kind: 'io', message: `/data/roles/${(args as { name: string }).name}: could not show it in the file manager: no file manager` };
      case 'set_aside_role_file': {
        const name = (args as { name: string }).name;
        problem = null;
        return `/data/roles/${name}.broken-20261202T030000Z`;
      }
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
        return (args as { includeInternal?: boolean }).includeInternal ? withInternal(comparison) : comparison;
      }
      case 'export_comparison':
        return `/tmp/out.${(args as { format: string }).format}`;
      case 'section_notes':
        return SECTION_NOTES;
      case 'source_context': {
        const a = args as { file: string; line: number; radius: number | null };
        return sourceContextOf(a.file, a.line, a.radius ?? 3);
      }
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
  summary: {
    sections: [
      {
        key: 'scope_of_knowledge',
        title: 'Scope of knowledge',
        counts: [null, { same: 1, changed: 1, removed: 0, added: 1 }, { same: 2, changed: 0, removed: 1, added: 0 }],
        changes: 3,
        rows: 3,
        all_same: 1,
      },
    ],
    total: [null, { same: 1, changed: 1, removed: 0, added: 1 }, { same: 2, changed: 0, removed: 1, added: 0 }],
  },
  omitted: [
    {
      key: 'page_notes',
      title: 'Page notes',
      note: 'Internal: notes the source page keeps for its editors (references to internal pages), not published.',
    },
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
          all_same: false,
        },
        {
          cells: [first('Culture leadership.'), same('Culture leadership.'), same('Culture leadership.')],
          all_same: true,
        },
        {
          cells: [null, { status: 'added', text: 'Organizational design', words: null }, same('Organizational design')],
          all_same: false,
        },
      ],
    },
  ],
  facts: [
    {
      key: 'years_of_experience',
      cells: [first('15+'), same('15+'), { status: 'changed', text: '20+', words: [del('15+'), ins('20+')] }],
      all_same: false,
    },
  ],
  skills: [],
  pairs: [],
  ladder: {
    order: ['director-of-engineering', 'vp-of-engineering', 'cto'],
    by_level: false,
    shared: { sections: [{ key: 'scope_of_knowledge', title: 'Scope of knowledge', items: ['Culture leadership.'] }], facts: [], skills: [] },
    steps: [
      {
        role: 'director-of-engineering',
        from: null,
        sections: [
          {
            key: 'scope_of_knowledge',
            title: 'Scope of knowledge',
            counts: { same: 0, changed: 0, removed: 0, added: 1 },
            rows: [{ status: 'added', left: null, right: 'Manages managers and ICs.', words: null }],
          },
        ],
        facts: [{ key: 'years_of_experience', status: 'added', left: null, right: '15+', words: null }],
        skills: [],
        not_carried_over: { sections: [], facts: [], skills: [] },
      },
      {
        role: 'vp-of-engineering',
        from: 'director-of-engineering',
        sections: [
          {
            key: 'scope_of_knowledge',
            title: 'Scope of knowledge',
            counts: { same: 1, changed: 1, removed: 0, added: 1 },
            rows: [
              {
                status: 'changed',
                left: 'Manages managers and ICs.',
                right: 'Manages managers and directors.',
                words: [eq('Manages managers and '), del('ICs.'), ins('directors.')],
              },
              { status: 'added', left: null, right: 'Organizational design', words: null },
            ],
          },
        ],
        facts: [],
        skills: [],
        not_carried_over: { sections: [], facts: [], skills: [] },
      },
      {
        role: 'cto',
        from: 'vp-of-engineering',
        sections: [],
        facts: [{ key: 'years_of_experience', status: 'changed', left: '15+', right: '20+', words: [del('15+'), ins('20+')] }],
        skills: [],
        not_carried_over: {
          sections: [{ key: 'scope_of_knowledge', title: 'Scope of knowledge', items: ['Manages managers and directors.'] }],
          facts: [],
          skills: [],
        },
      },
    ],
  },
};

export const DRAFT: Draft = {
  id: 'vp-of-engineering-1',
  name: null,
  role_id: 'vp-of-engineering',
  template: 'full',
  posting: {
    company: null,
    team: null,
    location: null,
    remote_policy: null,
    employment_type: null,
    salary_range: null,
    about_company: null,
    benefits: null,
    how_to_apply: null,
    equal_opportunity: null,
    reports_to: null,
    date_posted: null,
    valid_through: null,
    requisition_id: null,
    apply_url: null,
    salary: null,
    locations: [],
    workplace: null,
    employment: null,
  },
  sections: null,
  items_off: [],
  item_edits: [],
  updated_at: '2026-11-27T18:00:00Z',
};

const outlineItem = (index: number, text: string) => ({ index, text, original: text, group: null, on: true, edited: false });

export const OUTLINE: OutlineSection[] = [
  { key: 'summary', title: 'Role Description', chosen: true, items: [outlineItem(0, 'An executive leader.')] },
  {
    key: 'responsibilities',
    title: 'Responsibilities',
    chosen: true,
    items: [outlineItem(0, 'Sets the strategy.'), outlineItem(1, 'Owns the budget.')],
  },
  { key: 'checkpoints', title: 'Checkpoints', chosen: false, items: [outlineItem(0, 'Has led an org.')] },
];

/** The text an item has in a draft: its edit for this posting, or the library's. */
function itemText(draft: Draft, section: string, index: number): string {
  const edit = draft.item_edits.find((e) => e.section === section && e.index === index);
  return edit?.text ?? OUTLINE.find((s) => s.key === section)?.items[index]?.original ?? '';
}

/** A preview as the shell renders it: the posting's HTML names the company. */
export function previewOf(draft: Draft): DraftPreview {
  const company = draft.posting.company ?? '';
  const chosen = draft.sections ?? OUTLINE.filter((s) => s.chosen).map((s) => s.key);
  const outline = [
    ...chosen.flatMap((k) => OUTLINE.filter((s) => s.key === k)).map((s) => ({ ...s, chosen: true })),
    ...OUTLINE.filter((s) => !chosen.includes(s.key)).map((s) => ({ ...s, chosen: false })),
  ].map((s) => ({
    ...s,
    // The items as the draft has them: edited for this posting, or switched off.
    items: s.items.map((i) => {
      const text = itemText(draft, s.key, i.index);
      const on = !draft.items_off.some((r) => r.section === s.key && r.index === i.index);
      return { ...i, text, on, edited: text !== i.original };
    }),
  }));
  return {
    outline,
    html: `<!doctype html><title>x</title><h1>VP of Engineering at ${company}</h1><p>An executive leader.</p>`,
    unset_fields: (['company', 'salary_range'] as const).filter((f) => !draft.posting[f]),
    error: null,
  };
}

export const OPTIONS: EditorOptions = {
  templates: [
    {
      name: 'full',
      title: 'Full public posting',
      description: 'A complete posting.',
      origin: 'built_in',
      path: null,
      overrides_built_in: false,
      default_sections: null,
      fields: ['company', 'salary_range'],
      headings: {},
      internal: false,
      error: null,
    },
  ],
  fields: [
    { field: 'company', label: 'Company' },
    { field: 'salary_range', label: 'Salary range' },
    { field: 'location', label: 'Location' },
    { field: 'benefits', label: 'Benefits' },
    { field: 'date_posted', label: 'Date posted' },
    { field: 'valid_through', label: 'Apply by' },
    { field: 'apply_url', label: 'Apply at (URL or e-mail)' },
  ],
  templates_dir: '/data/templates',
  problem: null,
};

const NYC_SOURCE = 'NYC Administrative Code § 8-107(32) (Local Law 32 of 2022), as of 2026-12-01';

/** The checks as the shell runs them, cut down: a missing company is an error, a New York City
 * job without a minimum and a maximum salary is a pay-transparency error, "leader" in the
 * summary is masculine-coded, and the length is an info. */
export function reportOf(draft: Draft, fixes = false): Report {
  const p = draft.posting;
  const findings: Finding[] = [];
  if (!p.company)
    findings.push({
      rule: 'required_field',
      severity: 'error',
      message: 'The posting does not name the company.',
      explanation: 'Candidates and job boards need the hiring organisation.',
      source: 'Google Search Central, Job posting structured data',
      span: null,
      text: null,
      suggestion: null,
      origin: { kind: 'field', field: 'company' },
    });
  const nyc = p.locations.some((l) => /^(new york|nyc)$/i.test(l.city?.trim() ?? '')) || /new york/i.test(p.location ?? '');
  if (nyc && (p.salary?.min == null || p.salary?.max == null))
    findings.push({
      rule: 'pay_transparency',
      severity: 'error',
      message: 'New York City requires a minimum and a maximum salary in the posting.',
      explanation: 'Employers with 4 or more employees must state a good-faith pay range for jobs in New York City.',
      source: NYC_SOURCE,
      span: null,
      text: null,
      suggestion: 'Set both the minimum and the maximum salary.',
      origin: { kind: 'field', field: 'salary_min' },
    });
  if (/\bleader\b/i.test(itemText(draft, 'summary', 0)))
    findings.push({
    rule: 'gender_coded',
    severity: 'warning',
    message: 'Masculine-coded word: "leader"',
    explanation: 'Masculine-coded wording makes a posting less appealing to women (Gaucher, Friesen & Kay 2011).',
    source: 'Gaucher, Friesen & Kay (2011), Journal of Personality and Social Psychology 101(1)',
    span: { start: 40, end: 46, line: 3 },
    text: 'leader',
    suggestion: 'person who guides',
    origin: { kind: 'item', section: 'summary', index: 0, file: 'ladder.txt', line: 3 },
  });
  if (fixes) findings.push(...fixFindings(draft));
  findings.push({
    rule: 'length',
    severity: 'info',
    message: 'The posting is 212 words; good postings run 300–700.',
    explanation: 'Postings of 300 to 700 words get the most applications.',
    source: null,
    span: null,
    text: null,
    suggestion: null,
    origin: { kind: 'posting' },
  });
  return { findings, words: 212, reading_ease: 48.3, balance: { masculine: ['leader'], feminine: [], masculine_uses: 1, feminine_uses: 0, verdict: 'masculine-coded' } };
}

/** A draft for the quick fixes: the internal Checkpoints section chosen, and an item edited
 * to carry internal text. */
export const DRAFT_TO_FIX: Draft = {
  ...DRAFT,
  sections: ['summary', 'responsibilities', 'checkpoints'],
  item_edits: [{ section: 'responsibilities', index: 1, text: 'Owns the budget (internal link).' }],
};

/** Findings with a quick fix each (and one with advice only), while what they point at is
 * still in the draft. */
function fixFindings(draft: Draft): Finding[] {
  const out: Finding[] = [];
  const base = { explanation: 'Why.', source: null, span: null, text: null, suggestion: null };
  if ((draft.sections ?? []).includes('checkpoints'))
    out.push({
      ...base,
      rule: 'internal_section',
      severity: 'warning',
      message: '"Checkpoints" is an internal section (for levelling or interviewing), not for candidates.',
      suggestion: 'switch off the section "checkpoints"',
      origin: { kind: 'section', section: 'checkpoints' },
    });
  const budget = itemText(draft, 'responsibilities', 1);
  const off = draft.items_off.some((r) => r.section === 'responsibilities' && r.index === 1);
  if (!off && budget.includes('(internal link)'))
    out.push({
      ...base,
      rule: 'internal_text',
      severity: 'error',
      message: '"(internal link)" is internal text: a link to an internal page that candidates cannot open.',
      span: { start: 80, end: 95, line: 6 },
      text: '(internal link)',
      suggestion: 'remove it, or edit the item in the draft',
      origin: { kind: 'item', section: 'responsibilities', index: 1, file: 'ladder.txt', line: 9 },
    });
  if (/\bstrategy\b/i.test(itemText(draft, 'responsibilities', 0)))
    out.push({
      ...base,
      rule: 'exclusionary',
      severity: 'warning',
      message: '"strategy" (jargon).',
      span: { start: 60, end: 68, line: 5 },
      text: 'strategy',
      suggestion: 'say what the strategy covers, e.g. "the plan for the next two years"',
      origin: { kind: 'item', section: 'responsibilities', index: 0, file: 'ladder.txt', line: 8 },
    });
  return out;
}

/** The draft commands over an in-memory folder; records every call. `checksWait`: the checks
 * answer only once it resolves (to see the editor before the first findings). `fixes`: the
 * draft is `DRAFT_TO_FIX` and the checks find what the quick fixes fix. */
export function mockDrafts(checksWait: Promise<void> | null = null, { fixes = false } = {}) {
  const store = new Map<string, Draft>([[DRAFT.id, structuredClone(fixes ? DRAFT_TO_FIX : DRAFT)]]);
  const calls: { cmd: string; args: Record<string, unknown> }[] = [];
  mockIPC((cmd, raw) => {
    const args = (raw ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args });
    switch (cmd) {
      case 'editor_options':
        return OPTIONS;
      case 'list_drafts':
        return [...store.values()].map((d) => ({
          id: d.id,
          name: d.name,
          role_id: d.role_id,
          template: d.template,
          company: d.posting.company,
          updated_at: d.updated_at,
        }));
      case 'open_draft': {
        const d = store.get(args.id as string);
        if (!d) throw { kind: 'not_found', message: 'no draft' };
        return d;
      }
      case 'save_draft': {
        const d = { ...(args.draft as Draft), updated_at: '2026-11-27T18:05:00Z' };
        store.set(d.id, d);
        return d;
      }
      case 'create_draft': {
        const d = { ...structuredClone(DRAFT), id: `${args.roleId}-9`, role_id: args.roleId as string };
        store.set(d.id, d);
        return d;
      }
      case 'preview_draft':
        return previewOf(args.draft as Draft);
      case 'check_draft': {
        // A stand-in for a broken checks.json, which the shell reports as bad input.
        if ((args.draft as Draft).posting.company === 'Broken checks.json')
          throw { kind: 'bad_input', message: '/data/checks.json: unknown field `max_wrods` at line 1 column 20' };
        const report = reportOf(args.draft as Draft, fixes);
        return checksWait ? checksWait.then(() => report) : report;
      }
      case 'export_draft': {
        const format = args.format as string;
        if (!['md', 'html', 'fragment', 'text', 'jsonld', 'docx'].includes(format))
          throw { kind: 'bad_input', message: `unknown export format "${format}"` };
        return `/tmp/posting.${format}`;
      }
      case 'copy_draft':
        return null;
      // Stand-ins for the core's Draft::switch_item / edit_item (tested in Rust).
      case 'switch_draft_item': {
        const d = args.draft as Draft;
        const rest = d.items_off.filter((r) => !(r.section === args.section && r.index === args.index));
        const off = args.on ? [] : [{ section: args.section as string, index: args.index as number }];
        return { ...d, items_off: [...rest, ...off] };
      }
      case 'edit_draft_item': {
        const d = args.draft as Draft;
        const rest = d.item_edits.filter((e) => !(e.section === args.section && e.index === args.index));
        const text = args.text as string | null;
        const original = OUTLINE.find((s) => s.key === args.section)?.items[args.index as number]?.original;
        const keep = text !== null && text.trim() !== '' && text !== original;
        return { ...d, item_edits: keep ? [...rest, { section: args.section as string, index: args.index as number, text }] : rest };
      }
      // Stand-ins for the core's Draft::switch_section / move_section (tested in Rust).
      case 'switch_draft_section': {
        const d = args.draft as Draft;
        const keys = (d.sections ?? OUTLINE.filter((s) => s.chosen).map((s) => s.key)).filter((k) => k !== args.section);
        return { ...d, sections: args.on ? [...keys, args.section as string] : keys };
      }
      case 'move_draft_section': {
        const d = args.draft as Draft;
        const keys = [...(d.sections ?? OUTLINE.filter((s) => s.chosen).map((s) => s.key))];
        const i = keys.indexOf(args.section as string);
        const j = i + (args.by as number);
        if (i >= 0 && j >= 0 && j < keys.length) [keys[i], keys[j]] = [keys[j]!, keys[i]!];
        return { ...d, sections: keys };
      }
      case 'delete_draft':
        store.delete(args.id as string);
        return null;
      default:
        throw { kind: 'internal', message: `unmocked command ${cmd}` };
    }
  });
  return { calls, store };
}

/** A mock shell for authoring: roles with file hashes, edits with their undo, conflicts when
 * a test changes a role "on disk", delete and restore, git history. Records every call. */
export function mockAuthoring(roles: Role[] = ROLES, options: { history?: RoleCommit[] | 'not_in_git'; saveMs?: number } = {}) {
  const calls: { cmd: string; args: Record<string, unknown> }[] = [];
  const saves = { inFlight: 0, most: 0, returned: [] as string[] };
  let n = 0;
  const disk = new Map<string, Versioned>(roles.map((r) => [r.id, { role: structuredClone(r), hash: `sha256:${r.id}-${n++}` }]));
  const versions = new Map<string, Role>([...disk.values()].map((v) => [v.hash, v.role]));
  const deleted = new Map<string, Versioned>();
  const remember = (role: Role): Versioned => {
    const v = { role, hash: `sha256:${role.id}-${n++}` };
    versions.set(v.hash, structuredClone(role));
    return v;
  };
  /** The mock's inverse of each edit the editor sends. */
  const inverse = (role: Role, e: RoleEdit): RoleEdit => {
    switch (e.op) {
      case 'edit_item':
        return { op: 'restore_item', section: e.section, index: e.index, item: structuredClone(role.sections[e.section]!.items[e.index]!), replace: true };
      case 'add_item':
        return { op: 'remove_item', section: e.section, index: e.index };
      case 'remove_item':
        return { op: 'restore_item', section: e.section, index: e.index, item: structuredClone(role.sections[e.section]!.items[e.index]!), replace: false };
      case 'restore_item':
        return e.replace
          ? { op: 'restore_item', section: e.section, index: e.index, item: structuredClone(role.sections[e.section]!.items[e.index]!), replace: true }
          : { op: 'remove_item', section: e.section, index: e.index };
      case 'set_title':
        return { op: 'set_title', title: role.title };
      case 'move_item':
        return { op: 'move_item', from: e.to, to: e.from };
      case 'move_section':
        return { op: 'move_section', from: e.to, to: e.from };
      case 'remove_section':
        return { op: 'insert_section', index: e.section, section: structuredClone(role.sections[e.section]!) };
      case 'insert_section':
      case 'add_section':
        return { op: 'remove_section', section: e.index };
      case 'rename_section':
        return { op: 'rename_section', section: e.section, title: role.sections[e.section]!.title };
      case 'set_track':
        return { op: 'set_track', track: role.track };
      case 'set_level':
        return { op: 'set_level', level: role.level };
      case 'set_fact':
      case 'remove_fact':
      case 'restore_fact':
        return { op: 'restore_fact', key: e.key, value: role.facts[e.key] ?? null, source: role.fact_sources?.[e.key] ?? null };
    }
  };
  const answer = (cmd: string, args: Record<string, unknown>): unknown => {
      const id = args.id as string;
      switch (cmd) {
        case 'list_roles':
          return {
            roles: [...disk.values()].map((v) => summaryOf(v.role)),
            problem: null,
            origins: Object.fromEntries([...disk.keys()].map((k) => [k, 'user'])),
          };
        case 'get_role': {
          const v = disk.get(id);
          if (!v) throw { kind: 'not_found', message: 'no such role' };
          return v.role;
        }
        case 'startup_route':
          return null;
        case 'role_version': {
          const v = disk.get(id);
          if (!v) throw { kind: 'not_found', message: `no role "${id}" in the library` };
          return v;
        }
        case 'edit_role': {
          const base = versions.get(args.baseHash as string);
          if (!base) throw { kind: 'not_found', message: 'this version is no longer held' };
          let work = structuredClone(base);
          const undo: RoleEdit[] = [];
          for (const e of args.edits as RoleEdit[]) {
            undo.unshift(inverse(work, e));
            work = applyEdits(work, [e]);
            if (e.op === 'edit_item' || e.op === 'add_item') {
              const edited = work.sections[e.section]?.items[e.index];
              const imported = base.sections[e.section]?.items[e.index]?.text ?? '';
              if (edited) edited.origin = e.op === 'add_item' ? { kind: 'authored', at: '2026-12-02T03:00:00Z' } : { kind: 'edited', at: '2026-12-02T03:00:00Z', imported_text: imported };
            }
          }
          const mine = remember(work);
          const now = disk.get(id);
          if (now && now.hash !== args.baseHash) return { outcome: 'conflict', conflict: { mine, theirs: now }, undo };
          disk.set(id, mine);
          return { outcome: 'saved', role: mine.role, hash: mine.hash, undo };
        }
        case 'keep_role_version': {
          const role = versions.get(args.hash as string);
          if (!role) throw { kind: 'not_found', message: 'this version is no longer held' };
          const kept = remember(role);
          disk.set(id, kept);
          return { outcome: 'saved', role: kept.role, hash: kept.hash, undo: [] };
        }
        case 'new_role': {
          const title = args.title as string;
          const from = args.from ? disk.get(args.from as string)?.role : undefined;
          const made = remember({ ...(from ? structuredClone(from) : role('', '', null)), id: title.toLowerCase().replace(/[^a-z0-9]+/g, '-'), title });
          disk.set(made.role.id, made);
          return made;
        }
        case 'delete_role': {
          const v = disk.get(id);
          if (!v) throw { kind: 'not_found', message: 'no such role' };
          disk.delete(id);
          deleted.set(id, v);
          return { id, file: `${id}.json`, json: JSON.stringify(v.role) };
        }
        case 'restore_role': {
          const v = deleted.get(id);
          if (!v) throw { kind: 'not_found', message: `no deleted role "${id}" to restore` };
          deleted.delete(id);
          disk.set(id, v);
          return v;
        }
        case 'role_history':
          if (!options.history || options.history === 'not_in_git') throw { kind: 'not_in_git', message: 'This library folder is not in a git repository' };
          return { repository: '/team/ladder', file: `roles/${id}.json`, commits: options.history };
        case 'library_folder':
          return '/home/me/.local/share/rolecraft/roles';
        case 'choose_library_folder':
          return '/team/ladder/roles';
        case 'compare_roles':
          return COMPARISON;
        default:
          throw { kind: 'internal', message: `unmocked command ${cmd}` };
      }
  };
  mockIPC(
    async (cmd, raw) => {
      const args = (raw ?? {}) as Record<string, unknown>;
      calls.push({ cmd, args: structuredClone(args) });
      if (cmd !== 'edit_role') return answer(cmd, args);
      saves.inFlight += 1;
      saves.most = Math.max(saves.most, saves.inFlight);
      try {
        if (options.saveMs) await new Promise((r) => setTimeout(r, options.saveMs));
        const out = answer(cmd, args) as { hash?: string };
        if (out.hash) saves.returned.push(out.hash);
        return out;
      } finally {
        saves.inFlight -= 1;
      }
    },
    { shouldMockEvents: true },
  );
  return {
    calls,
    /** edit_role calls at once (most ever) and the hashes the saves returned, in order. */
    saves,
    /** The calls of one command, their arguments. */
    of: (cmd: string) => calls.filter((c) => c.cmd === cmd).map((c) => c.args),
    /** What the library folder holds for `id` now. */
    onDisk: (id: string) => disk.get(id),
    /** Someone else writes the role's file (an editor, `git pull`). */
    changeOnDisk: (changed: Role) => {
      disk.set(changed.id, remember(changed));
    },
  };
}

/** `comparison` as the core answers with `includeInternal`: nothing omitted, the internal
 * sections compared (here: page notes the same in every role). */
export function withInternal(comparison: MultiComparison): MultiComparison {
  const n = comparison.headers.length;
  const counts = Array.from({ length: n }, (_, i) => (i === 0 ? null : { same: 1, changed: 0, removed: 0, added: 0 }));
  const text = 'reference: see the internal levelling guide';
  return {
    ...comparison,
    omitted: [],
    summary: {
      ...comparison.summary,
      sections: [...comparison.summary.sections, { key: 'page_notes', title: 'Page notes', counts, changes: 0, rows: 1, all_same: 1 }],
    },
    sections: [
      ...comparison.sections,
      {
        key: 'page_notes',
        title: 'Page notes',
        counts,
        rows: [{ cells: Array.from({ length: n }, (_, i) => (i === 0 ? first(text) : same(text))), all_same: true }],
      },
    ],
  };
}

/** Director / VP / CTO with three sections: the summary's order (biggest change first), a
 * section the same in every role, and the note the core gives when a section was too big. */
export const WIDE_COMPARISON: MultiComparison = {
  ...COMPARISON,
  summary: {
    sections: [
      COMPARISON.summary.sections[0]!,
      {
        key: 'summary',
        title: 'Role Description',
        counts: [null, { same: 0, changed: 1, removed: 0, added: 0 }, { same: 0, changed: 1, removed: 0, added: 0 }],
        changes: 2,
        rows: 1,
        all_same: 0,
      },
      {
        key: 'responsibilities',
        title: 'Responsibilities',
        counts: [null, { same: 2, changed: 0, removed: 0, added: 0 }, { same: 2, changed: 0, removed: 0, added: 0 }],
        changes: 0,
        rows: 2,
        all_same: 2,
      },
    ],
    total: [null, { same: 3, changed: 2, removed: 0, added: 1 }, { same: 4, changed: 1, removed: 1, added: 0 }],
  },
  sections: [
    {
      key: 'summary',
      title: 'Role Description',
      counts: [null, { same: 0, changed: 1, removed: 0, added: 0 }, { same: 0, changed: 1, removed: 0, added: 0 }],
      rows: [
        {
          cells: [
            first('Leads a group of teams.'),
            { status: 'changed', text: 'Leads the engineering organisation.', words: [eq('Leads '), del('a group of teams.'), ins('the engineering organisation.')] },
            { status: 'changed', text: 'Leads engineering and technology.', words: [eq('Leads '), del('the engineering organisation.'), ins('engineering and technology.')] },
          ],
          all_same: false,
        },
      ],
    },
    {
      key: 'responsibilities',
      title: 'Responsibilities',
      counts: [null, { same: 2, changed: 0, removed: 0, added: 0 }, { same: 2, changed: 0, removed: 0, added: 0 }],
      rows: [
        { cells: [first('Hires managers.'), same('Hires managers.'), same('Hires managers.')], all_same: true },
        { cells: [first('Owns delivery.'), same('Owns delivery.'), same('Owns delivery.')], all_same: true },
      ],
    },
    ...COMPARISON.sections,
  ],
  facts: [
    ...COMPARISON.facts,
    { key: 'scope', cells: [first('Organization'), same('Organization'), same('Organization')], all_same: true },
  ],
  approximate: 'Responsibilities of CTO has 240 items: paired greedily by similarity, not optimally.',
};
