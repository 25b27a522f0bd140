import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { mockIPC } from '@tauri-apps/api/mocks';
import DraftView from './DraftView.svelte';
import { DRAFT, mockDrafts, SUMMARIES } from '../testing';
import { DraftEditor, setField } from './editor.svelte';

async function setup(id: string | null = DRAFT.id, fixes = false) {
  const mock = mockDrafts(null, { fixes });
  const onOpen = vi.fn();
  const view = render(DraftView, { roles: SUMMARIES, id, suggestedRole: 'vp-of-engineering', onOpen });
  if (id) await screen.findByTitle('Preview');
  return { ...view, ...mock, onOpen, user: userEvent.setup() };
}

/** Opens the Copy menu and chooses a format by its label. */
async function copyAs(user: ReturnType<typeof userEvent.setup>, label: string) {
  await user.click(screen.getByRole('button', { name: 'Copy…' }));
  await user.click(await screen.findByRole('menuitem', { name: label }));
}

/** Opens the Export menu and chooses a format by its label. */
async function exportAs(user: ReturnType<typeof userEvent.setup>, label: string) {
  await user.click(screen.getByRole('button', { name: 'Export…' }));
  await user.click(await screen.findByRole('menuitem', { name: label }));
}

describe('DraftView', () => {
  it('shows the preview rendered by the shell in a sandboxed frame', async () => {
    const { container } = await setup();
    const frame = screen.getByTitle('Preview') as HTMLIFrameElement;
    // No scripts in the frame (same origin only, so the editor can keep the reader's place).
    expect(frame.getAttribute('sandbox')).toBe('allow-same-origin');
    expect(frame.getAttribute('srcdoc')).toContain('<h1>VP of Engineering at </h1>');
    expect(screen.getByTestId('missing-fields')).toHaveTextContent('Company, Salary range');
    expect(container.querySelector('[data-section=responsibilities]')).toHaveTextContent('Owns the budget.');
  });

  it('previews what is typed and saves it automatically', async () => {
    const { user, calls, store } = await setup();
    await user.type(screen.getByRole('textbox', { name: /Company/ }), 'Acme');
    await waitFor(() =>
      expect((screen.getByTitle('Preview') as HTMLIFrameElement).getAttribute('srcdoc')).toContain('at Acme'),
    );
    expect(screen.getByTestId('missing-fields')).toHaveTextContent(/^Still empty, used by the template: Salary range$/);
    await waitFor(() => expect(store.get(DRAFT.id)?.posting.company).toBe('Acme'), { timeout: 2000 });
    expect(calls.filter((c) => c.cmd === 'save_draft').length).toBeGreaterThanOrEqual(1);
  });

  it('saves at once on Ctrl+S instead of waiting for the autosave', async () => {
    const { user, store } = await setup();
    await user.type(screen.getByRole('textbox', { name: /Company/ }), 'Acme');
    await user.keyboard('{Control>}s{/Control}');
    await waitFor(() => expect(store.get(DRAFT.id)?.posting.company).toBe('Acme'), { timeout: 300 });
  });

  it('switches an item off and edits another for this posting, through the shell', async () => {
    const { user, store, calls } = await setup();
    await user.click(screen.getByRole('checkbox', { name: 'Include: Owns the budget.' }));
    await user.click(screen.getByRole('button', { name: 'Sets the strategy.' }));
    const box = screen.getByRole('textbox', { name: '' });
    await user.clear(box);
    await user.type(box, 'Sets the whole strategy.{Enter}');
    await waitFor(
      () => {
        const saved = store.get(DRAFT.id)!;
        expect(saved.items_off).toEqual([{ section: 'responsibilities', index: 1 }]);
        expect(saved.item_edits).toEqual([{ section: 'responsibilities', index: 0, text: 'Sets the whole strategy.' }]);
      },
      { timeout: 2000 },
    );
    expect(calls.find((c) => c.cmd === 'switch_draft_item')?.args).toMatchObject({ section: 'responsibilities', index: 1, on: false });
    expect(calls.find((c) => c.cmd === 'edit_draft_item')?.args).toMatchObject({
      section: 'responsibilities',
      index: 0,
      text: 'Sets the whole strategy.',
    });
  });

  it('keeps both of two quick item switches', async () => {
    const { user, store } = await setup();
    await user.click(screen.getByRole('checkbox', { name: 'Include: Owns the budget.' }));
    await user.click(screen.getByRole('checkbox', { name: 'Include: Sets the strategy.' }));
    await waitFor(
      () =>
        expect(store.get(DRAFT.id)!.items_off).toEqual([
          { section: 'responsibilities', index: 1 },
          { section: 'responsibilities', index: 0 },
        ]),
      { timeout: 2000 },
    );
  });

  it('lists the empty fields the template uses before export, and exports anyway when asked', async () => {
    const { user, calls } = await setup();
    await exportAs(user, 'HTML document');
    const confirm = await screen.findByRole('alertdialog', { name: 'Some fields the template uses are still empty' });
    expect([...confirm.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['Company', 'Salary range']);
    expect(calls.some((c) => c.cmd === 'export_draft')).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Export anyway' }));
    expect(await screen.findByText('Saved to /tmp/posting.html')).toBeInTheDocument();
    expect(calls.find((c) => c.cmd === 'export_draft')?.args.format).toBe('html');
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('exports nothing when the confirm step is cancelled, and jumps to a listed field', async () => {
    const { user, calls } = await setup();
    await exportAs(user, 'Markdown');
    await user.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    await exportAs(user, 'Markdown');
    await user.click(await screen.findByRole('button', { name: 'Salary range' }));
    expect(screen.getByRole('textbox', { name: /Salary range/ })).toHaveFocus();
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(calls.some((c) => c.cmd === 'export_draft')).toBe(false);
  });

  it('exports at once when every field the template uses is filled', async () => {
    const { user } = await setup();
    await user.type(screen.getByRole('textbox', { name: /Company/ }), 'Acme');
    await user.type(screen.getByRole('textbox', { name: /Salary range/ }), '€100k');
    await exportAs(user, 'Markdown');
    expect(await screen.findByText('Saved to /tmp/posting.md')).toBeInTheDocument();
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('shows a template error with its name, line and column instead of the preview', async () => {
    const cmds: string[] = [];
    mockIPC((cmd) => {
      cmds.push(cmd);
      if (cmd === 'open_draft') return DRAFT;
      if (cmd === 'list_drafts') return [];
      if (cmd === 'editor_options') return { templates: [], fields: [], templates_dir: null, problem: null };
      if (cmd === 'preview_draft')
        return {
          outline: [],
          html: null,
          unset_fields: [],
          error: {
            kind: 'template',
            message: 'template "mine" line 4, column 2: unclosed block',
            location: { template: 'mine', line: 4, column: 2 },
          },
        };
      return null;
    });
    render(DraftView, { roles: SUMMARIES, id: DRAFT.id, suggestedRole: null, onOpen: vi.fn() });
    const alert = await screen.findByText('Template error');
    expect(alert.parentElement).toHaveTextContent('mine, line 4, column 2');
    expect(screen.queryByTitle('Preview')).toBeNull();
    expect(screen.getByRole('button', { name: 'Export…' })).toBeDisabled();
    // No posting, nothing to check.
    expect(screen.getByTestId('findings-metrics')).toHaveTextContent('No posting to check');
    expect(cmds).not.toContain('check_draft');
  });

  it('creates a draft of the chosen role and opens it', async () => {
    const { user, onOpen, calls } = await setup(null);
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Role' })).toHaveValue('vp-of-engineering'));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Role' }), 'cto');
    await user.click(screen.getByRole('button', { name: 'Create draft' }));
    await waitFor(() => expect(onOpen).toHaveBeenCalledWith('cto-9'));
    expect(calls.find((c) => c.cmd === 'create_draft')?.args).toEqual({ roleId: 'cto', template: 'full' });
  });

  it('switches and moves sections through the shell, not in TypeScript', async () => {
    const { user, store, calls, container } = await setup();
    await user.click(screen.getByRole('checkbox', { name: 'Checkpoints' }));
    await user.click(screen.getByRole('button', { name: 'Move Responsibilities up' }));
    await waitFor(() => expect(store.get(DRAFT.id)?.sections).toEqual(['responsibilities', 'summary', 'checkpoints']), {
      timeout: 2000,
    });
    expect(calls.find((c) => c.cmd === 'switch_draft_section')?.args).toMatchObject({ section: 'checkpoints', on: true });
    expect(calls.find((c) => c.cmd === 'move_draft_section')?.args).toMatchObject({ section: 'responsibilities', by: -1 });
    await waitFor(() =>
      expect([...container.querySelectorAll('[data-section]')].map((e) => e.getAttribute('data-section'))).toEqual([
        'responsibilities',
        'summary',
        'checkpoints',
      ]),
    );
    await user.click(screen.getByRole('checkbox', { name: 'Role Description' }));
    await waitFor(() => expect(store.get(DRAFT.id)?.sections).toEqual(['responsibilities', 'checkpoints']), { timeout: 2000 });
  });

  it('keeps the save state in one fixed place and the empty-fields line when it empties', async () => {
    const { user } = await setup();
    const status = screen.getByTestId('save-state');
    const line = screen.getByTestId('missing-fields');
    await user.type(screen.getByRole('textbox', { name: /Company/ }), 'A');
    expect(screen.getByTestId('save-state')).toBe(status);
    expect(status).toHaveTextContent('Saving…');
    await waitFor(() => expect(status).toHaveTextContent('Saved 2026-11-27 18:05 UTC'), { timeout: 2000 });
    await user.type(screen.getByRole('textbox', { name: /Salary range/ }), '1');
    await waitFor(() => expect(line).toHaveTextContent(/^$/));
    expect(screen.getByTestId('missing-fields')).toBe(line);
  });

  it('shows notices and the confirm step over the preview, not above it', async () => {
    const { user } = await setup();
    const overlay = screen.getByTestId('preview-overlay');
    await user.type(screen.getByRole('textbox', { name: /Company/ }), 'Acme');
    await waitFor(() => expect(screen.getByTestId('count-error')).toHaveTextContent('0 errors'));
    await copyAs(user, 'Markdown');
    expect(overlay).toContainElement(await screen.findByText('Copied as Markdown'));
    await exportAs(user, 'HTML document');
    expect(overlay).toContainElement(await screen.findByRole('alertdialog'));
    // The frame comes before the overlay, in the same box: nothing is inserted above it.
    const frame = screen.getByTitle('Preview');
    expect(frame.parentElement).toBe(overlay.parentElement);
  });

  it('shows one pane at a time as tabs in a narrow window', async () => {
    const matchMedia = vi.fn((query: string) => ({
      matches: query === '(max-width: 1099px)',
      media: query,
      addEventListener: vi.fn(),
      removeEventListener: vi.fn(),
    }));
    vi.stubGlobal('matchMedia', matchMedia);
    try {
      const { user, container } = await setup();
      const tabs = screen.getAllByRole('tab').map((t) => t.textContent);
      expect(tabs).toEqual(['Drafts', 'Edit', 'Preview']);
      const editor = container.querySelector('.editor')!;
      const preview = container.querySelector('.preview-slot')!;
      expect(editor).toBeVisible();
      expect(preview).not.toBeVisible();
      await user.click(screen.getByRole('tab', { name: 'Preview' }));
      expect(preview).toBeVisible();
      expect(editor).not.toBeVisible();
      expect(screen.getByRole('tab', { name: 'Preview' })).toHaveAttribute('aria-selected', 'true');
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('draft fields', () => {
  it('stores an emptied field as null', () => {
    expect(setField(DRAFT, 'company', 'Acme').posting.company).toBe('Acme');
    expect(setField(DRAFT, 'company', '').posting.company).toBeNull();
  });
});

describe('findings', () => {
  it('shows the findings after the preview, with counts that follow what is typed', async () => {
    const { user, calls } = await setup();
    await waitFor(() => expect(screen.getByTestId('count-error')).toHaveTextContent('1 error'));
    expect(screen.getByTestId('count-warning')).toHaveTextContent('1 warning');
    expect(screen.getByTestId('count-info')).toHaveTextContent('1 info');
    expect(screen.getByTestId('findings-metrics')).toHaveTextContent('212 words · reading ease 48');
    const panel = screen.getByRole('region', { name: 'Findings' });
    expect(panel).toHaveTextContent('The posting does not name the company.');
    expect(panel).toHaveTextContent('information as of the date given, not legal advice');
    expect(panel).toHaveTextContent('Suggestion: person who guides');
    expect(panel).toHaveTextContent('Source: Gaucher, Friesen & Kay (2011)');
    expect(screen.getByTestId('balance')).toHaveTextContent('Wording: masculine-coded (masculine-coded once: leader; no feminine-coded words)');
    // Each check follows a preview of the same draft.
    const order = calls.map((c) => c.cmd).filter((c) => c === 'preview_draft' || c === 'check_draft');
    expect(order.slice(0, 2)).toEqual(['preview_draft', 'check_draft']);

    await user.type(screen.getByRole('textbox', { name: /Company/ }), 'Acme');
    await waitFor(() => expect(screen.getByTestId('count-error')).toHaveTextContent('0 errors'));
    expect(panel).not.toHaveTextContent('does not name the company');
    const lastCheck = calls.filter((c) => c.cmd === 'check_draft').at(-1)!;
    expect((lastCheck.args.draft as typeof DRAFT).posting.company).toBe('Acme');

    // A New York City job without a full pay range: the pay-transparency error, with its source.
    await user.click(screen.getByRole('button', { name: 'Add location' }));
    await user.type(screen.getByRole('textbox', { name: 'City' }), 'New York');
    await waitFor(() => expect(screen.getByTestId('count-error')).toHaveTextContent('1 error'));
    expect(panel).toHaveTextContent('New York City requires a minimum and a maximum salary in the posting.');
    expect(panel).toHaveTextContent('Source: NYC Administrative Code');
    await user.type(screen.getByRole('spinbutton', { name: 'Minimum salary' }), '150000');
    await user.type(screen.getByRole('spinbutton', { name: 'Maximum salary' }), '190000');
    await waitFor(() => expect(screen.getByTestId('count-error')).toHaveTextContent('0 errors'));
  });

  it('shows why the checks failed until a check works again', async () => {
    const { user } = await setup();
    await waitFor(() => expect(screen.getByTestId('count-error')).toHaveTextContent('1 error'));
    const company = screen.getByRole('textbox', { name: /Company/ });
    await user.type(company, 'Broken checks.json');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('/data/checks.json: unknown field `max_wrods` at line 1 column 20');
    // The file fixed (here: a draft the stand-in checks again): the message goes.
    await user.clear(company);
    await user.type(company, 'Acme');
    await waitFor(() => expect(screen.getByTestId('count-error')).toHaveTextContent('0 errors'));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('keeps the findings bar and list in place from before the first result to after it', async () => {
    let release = () => {};
    mockDrafts(new Promise<void>((r) => (release = r)));
    const { container } = render(DraftView, { roles: SUMMARIES, id: DRAFT.id, suggestedRole: null, onOpen: vi.fn() });
    await screen.findByTitle('Preview');
    const bar = screen.getByTestId('findings-bar');
    const list = container.querySelector('#findings-list')!;
    const before = { cls: bar.className, children: bar.children.length };
    // The preview is there, the findings are not yet.
    expect(screen.getByTestId('findings-metrics')).toHaveTextContent('Checking…');
    expect(screen.getByTestId('count-error')).toHaveTextContent('– errors');
    release();
    await waitFor(() => expect(screen.getByTestId('findings-metrics')).toHaveTextContent('212 words'));
    expect(screen.getByTestId('findings-bar')).toBe(bar);
    expect(container.querySelector('#findings-list')).toBe(list);
    expect({ cls: bar.className, children: bar.children.length }).toEqual(before);
    // The panel comes after the preview's box: results never push the preview down.
    const frameWrap = screen.getByTitle('Preview').parentElement!;
    expect(frameWrap.compareDocumentPosition(bar) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('focuses the posting field or the item a finding came from', async () => {
    const { user } = await setup();
    await user.click(await screen.findByRole('button', { name: 'Field: Company' }));
    expect(screen.getByRole('textbox', { name: /Company/ })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Role Description, item 1 (ladder.txt:3)' }));
    expect(screen.getByRole('button', { name: 'An executive leader.' })).toHaveFocus();
  });

  it('goes to the origin of a finding whose words are not in the preview', async () => {
    // jsdom does not load the frame's srcdoc, so the words are not found there (selectText
    // itself is tested in findings.test.ts).
    const { user } = await setup();
    await user.click(await screen.findByRole('button', { name: 'Masculine-coded word: "leader"' }));
    expect(screen.getByRole('button', { name: 'An executive leader.' })).toHaveFocus();
  });

  it('goes to the Edit tab for a field finding in a narrow window', async () => {
    vi.stubGlobal(
      'matchMedia',
      vi.fn((query: string) => ({
        matches: query === '(max-width: 1099px)',
        media: query,
        addEventListener: vi.fn(),
        removeEventListener: vi.fn(),
      })),
    );
    try {
      const { user } = await setup();
      await user.click(screen.getByRole('tab', { name: 'Preview' }));
      await user.click(await screen.findByRole('button', { name: 'Field: Company' }));
      expect(screen.getByRole('tab', { name: 'Edit' })).toHaveAttribute('aria-selected', 'true');
      expect(screen.getByRole('textbox', { name: /Company/ })).toHaveFocus();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('starts with the findings list folded in a short window, the counts still shown', async () => {
    vi.stubGlobal(
      'matchMedia',
      vi.fn((query: string) => ({ matches: true, media: query, addEventListener: vi.fn(), removeEventListener: vi.fn() })),
    );
    try {
      const { user, container } = await setup();
      await user.click(screen.getByRole('tab', { name: 'Preview' }));
      await waitFor(() => expect(screen.getByTestId('count-error')).toHaveTextContent('1 error'));
      const toggle = screen.getByRole('button', { name: /Findings/ });
      expect(toggle).toHaveAttribute('aria-expanded', 'false');
      expect(container.querySelector('#findings-list')).not.toBeVisible();
      await user.click(toggle);
      expect(screen.getByRole('button', { name: 'Field: Company' })).toBeVisible();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('asks before exporting a posting with errors; cancelling exports nothing', async () => {
    const { user, calls } = await setup();
    await user.type(screen.getByRole('textbox', { name: /Company/ }), 'Acme');
    await user.type(screen.getByRole('textbox', { name: /Salary range/ }), 'Competitive');
    await user.type(screen.getByRole('textbox', { name: /^Location/ }), 'New York, NY, US');
    await exportAs(user, 'HTML fragment (for job boards/ATS)');
    const confirm = await screen.findByRole('alertdialog', { name: 'The posting has 1 error: export anyway?' });
    expect(confirm).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(calls.some((c) => c.cmd === 'export_draft')).toBe(false);
    await exportAs(user, 'HTML fragment (for job boards/ATS)');
    await user.click(await screen.findByRole('button', { name: 'Export anyway' }));
    expect(await screen.findByText('Saved to /tmp/posting.fragment')).toBeInTheDocument();
    expect(calls.filter((c) => c.cmd === 'export_draft').map((c) => c.args.format)).toEqual(['fragment']);
  });

  it('asks before copying a posting with errors; cancelling copies nothing', async () => {
    const { user, calls } = await setup();
    await waitFor(() => expect(screen.getByTestId('count-error')).toHaveTextContent('1 error'));
    await copyAs(user, 'Rich text');
    await screen.findByRole('alertdialog', { name: 'The posting has 1 error: copy anyway?' });
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(calls.some((c) => c.cmd === 'copy_draft')).toBe(false);
    await copyAs(user, 'Plain text');
    await user.click(await screen.findByRole('button', { name: 'Copy anyway' }));
    expect(await screen.findByText('Copied as plain text')).toBeInTheDocument();
    expect(calls.filter((c) => c.cmd === 'copy_draft').map((c) => c.args.format)).toEqual(['text']);
  });

  it('copies without asking when there are no errors; the menu works from the keyboard', async () => {
    const { user, calls } = await setup();
    await user.type(screen.getByRole('textbox', { name: /Company/ }), 'Acme');
    await waitFor(() => expect(screen.getByTestId('count-error')).toHaveTextContent('0 errors'));
    screen.getByRole('button', { name: 'Copy…' }).focus();
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('menuitem', { name: 'Markdown' })).toHaveFocus();
    await user.keyboard('{ArrowDown}{Enter}');
    expect(await screen.findByText('Copied as rich text')).toBeInTheDocument();
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(screen.getByRole('button', { name: 'Copy…' })).toHaveFocus();
    expect(calls.filter((c) => c.cmd === 'copy_draft').map((c) => c.args.format)).toEqual(['html']);
  });

  it('says the errors too when fields are empty', async () => {
    const { user } = await setup();
    await exportAs(user, 'Plain text');
    const confirm = await screen.findByRole('alertdialog', { name: 'Some fields the template uses are still empty' });
    expect(confirm).toHaveTextContent('The posting also has 1 error');
  });

  it('offers the six formats and exports JSON-LD as jsonld', async () => {
    const { user, calls } = await setup();
    await user.type(screen.getByRole('textbox', { name: /Company/ }), 'Acme');
    await user.type(screen.getByRole('textbox', { name: /Salary range/ }), '$150k–$190k');
    await user.click(screen.getByRole('button', { name: 'Export…' }));
    expect(screen.getAllByRole('menuitem').map((m) => m.textContent)).toEqual([
      'Markdown',
      'HTML document',
      'HTML fragment (for job boards/ATS)',
      'Plain text',
      'JSON-LD (schema.org)',
      'Word .docx',
    ]);
    await user.click(screen.getByRole('menuitem', { name: 'JSON-LD (schema.org)' }));
    expect(await screen.findByText('Saved to /tmp/posting.jsonld')).toBeInTheDocument();
    expect(calls.find((c) => c.cmd === 'export_draft')?.args.format).toBe('jsonld');
  });

  it('moves through the export menu with the keyboard and closes it on Escape', async () => {
    const { user } = await setup();
    const button = screen.getByRole('button', { name: 'Export…' });
    await user.click(button);
    expect(button).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('menuitem', { name: 'Markdown' })).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('menuitem', { name: 'HTML document' })).toHaveFocus();
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(screen.getByRole('menuitem', { name: 'Word .docx' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(button).toHaveFocus();
  });
});

describe('structured posting fields', () => {
  it('saves pay, places, workplace and employment type into the draft', async () => {
    const { user, store } = await setup();
    await user.type(screen.getByRole('spinbutton', { name: 'Minimum salary' }), '120000');
    await user.type(screen.getByRole('spinbutton', { name: 'Maximum salary' }), '160000.5');
    await user.type(screen.getByRole('textbox', { name: 'Currency (ISO code)' }), 'usd');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Pay period' }), 'year');
    await waitFor(
      () => expect(store.get(DRAFT.id)?.posting.salary).toEqual({ min: 120000, max: 160000.5, currency: 'USD', period: 'year' }),
      { timeout: 2000 },
    );

    await user.click(screen.getByRole('button', { name: 'Add location' }));
    await user.click(screen.getByRole('button', { name: 'Add location' }));
    const [first, second] = screen.getAllByRole('group', { name: /^Location \d$/ });
    await user.type(within(first!).getByRole('textbox', { name: 'City' }), 'Denver');
    await user.type(within(first!).getByRole('textbox', { name: 'Region' }), 'CO');
    await user.type(within(first!).getByRole('textbox', { name: 'Country code' }), 'us');
    await user.type(within(second!).getByRole('textbox', { name: 'City' }), 'Boston');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Workplace' }), 'hybrid');
    await user.type(screen.getByRole('textbox', { name: 'Applicants may live in (comma separated)' }), 'US, US-CO, ');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Employment type (schema.org)' }), 'FULL_TIME');
    await waitFor(
      () => {
        const p = store.get(DRAFT.id)!.posting;
        expect(p.locations).toEqual([
          { city: 'Denver', region: 'CO', country: 'US' },
          { city: 'Boston', region: null, country: null },
        ]);
        expect(p.workplace).toEqual({ kind: 'hybrid', applicant_regions: ['US', 'US-CO'] });
        expect(p.employment).toBe('FULL_TIME');
      },
      { timeout: 2000 },
    );
    // What was typed stays as typed (the trailing comma too).
    expect(screen.getByRole('textbox', { name: 'Applicants may live in (comma separated)' })).toHaveValue('US, US-CO, ');

    await user.click(screen.getByRole('button', { name: 'Remove location 1' }));
    await waitFor(() => expect(store.get(DRAFT.id)!.posting.locations).toEqual([{ city: 'Boston', region: null, country: null }]), {
      timeout: 2000,
    });
    await user.clear(screen.getByRole('spinbutton', { name: 'Minimum salary' }));
    await user.clear(screen.getByRole('spinbutton', { name: 'Maximum salary' }));
    await user.clear(screen.getByRole('textbox', { name: 'Currency (ISO code)' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Pay period' }), '');
    await waitFor(() => expect(store.get(DRAFT.id)!.posting.salary).toBeNull(), { timeout: 2000 });
  });

  it('keeps the free-text fields and offers dates as date inputs', async () => {
    const { user, store } = await setup();
    const posted = screen.getByLabelText('Date posted');
    expect(posted).toHaveAttribute('type', 'date');
    expect(screen.getByLabelText('Apply by')).toHaveAttribute('type', 'date');
    await user.type(posted, '2026-12-01');
    await user.type(screen.getByRole('textbox', { name: /Apply at/ }), 'jobs@acme.example');
    await waitFor(
      () => {
        const p = store.get(DRAFT.id)!.posting;
        expect(p.date_posted).toBe('2026-12-01');
        expect(p.apply_url).toBe('jobs@acme.example');
      },
      { timeout: 2000 },
    );
  });
});

describe('the editor\'s findings', () => {
  it('drops the findings of the draft it leaves, and a check answering late', async () => {
    let release = () => {};
    mockDrafts(new Promise<void>((r) => (release = r)));
    const editor = new DraftEditor(() => {});
    editor.open(DRAFT.id);
    await waitFor(() => expect(editor.preview).not.toBeNull());
    editor.open(null);
    release();
    await new Promise((r) => setTimeout(r, 20));
    expect(editor.report).toBeNull();
    editor.open(DRAFT.id);
    await waitFor(() => expect(editor.report?.findings.map((f) => f.rule)).toEqual(['required_field', 'gender_coded', 'length']));
    editor.open(null);
    expect(editor.report).toBeNull();
  });

  describe('quick fixes', () => {
    /** The finding, in the findings list, by its rule. */
    const findingOf = (container: HTMLElement, rule: string) => container.querySelector<HTMLElement>(`#findings-list [data-rule="${rule}"]`);

    it('leaves out an internal section on a click, and the finding goes with it', async () => {
      const { user, calls, container } = await setup(DRAFT.id, true);
      await waitFor(() => expect(findingOf(container, 'internal_section')).not.toBeNull());
      expect(calls.some((c) => c.cmd === 'switch_draft_section')).toBe(false);
      await user.click(within(findingOf(container, 'internal_section')!).getByRole('button', { name: 'Fix: Leave out this section' }));
      await waitFor(() => expect(findingOf(container, 'internal_section')).toBeNull());
      expect(calls.filter((c) => c.cmd === 'switch_draft_section').map((c) => c.args)).toEqual([
        { draft: expect.objectContaining({ id: DRAFT.id }), section: 'checkpoints', on: false },
      ]);
      expect(screen.getByRole('checkbox', { name: 'Checkpoints' })).not.toBeChecked();
    });

    it('leaves out an item with internal text', async () => {
      const { user, calls, container, store } = await setup(DRAFT.id, true);
      await waitFor(() => expect(findingOf(container, 'internal_text')).not.toBeNull());
      await user.click(within(findingOf(container, 'internal_text')!).getByRole('button', { name: 'Fix: Leave out this item' }));
      await waitFor(() => expect(findingOf(container, 'internal_text')).toBeNull());
      expect(calls.filter((c) => c.cmd === 'switch_draft_item').map((c) => c.args)).toEqual([
        { draft: expect.objectContaining({ id: DRAFT.id }), section: 'responsibilities', index: 1, on: false },
      ]);
      await waitFor(() => expect(store.get(DRAFT.id)?.items_off).toEqual([{ section: 'responsibilities', index: 1 }]), { timeout: 2000 });
    });

    it('replaces a coded word in its item, as the posting has it', async () => {
      const { user, calls, container } = await setup(DRAFT.id, true);
      await waitFor(() => expect(findingOf(container, 'gender_coded')).not.toBeNull());
      await user.click(
        within(findingOf(container, 'gender_coded')!).getByRole('button', { name: 'Fix: Replace “leader” with “person who guides”' }),
      );
      await waitFor(() => expect(findingOf(container, 'gender_coded')).toBeNull());
      expect(calls.filter((c) => c.cmd === 'edit_draft_item').map((c) => c.args)).toEqual([
        { draft: expect.objectContaining({ id: DRAFT.id }), section: 'summary', index: 0, text: 'An executive person who guides.' },
      ]);
      expect(screen.getByRole('button', { name: 'An executive person who guides.' })).toBeInTheDocument();
    });

    it('offers no fix for advice, and changes nothing without a click', async () => {
      const { calls, container } = await setup(DRAFT.id, true);
      await waitFor(() => expect(findingOf(container, 'exclusionary')).not.toBeNull());
      expect(within(findingOf(container, 'exclusionary')!).queryByRole('button', { name: /^Fix:/ })).toBeNull();
      expect(within(findingOf(container, 'length')!).queryByRole('button', { name: /^Fix:/ })).toBeNull();
      expect(screen.getAllByRole('button', { name: /^Fix:/ })).toHaveLength(3);
      expect(calls.some((c) => ['switch_draft_section', 'switch_draft_item', 'edit_draft_item'].includes(c.cmd))).toBe(false);
    });
  });
});
