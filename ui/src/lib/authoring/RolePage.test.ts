import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { emit } from '@tauri-apps/api/event';
import { clearMocks } from '@tauri-apps/api/mocks';
import App from '../../App.svelte';
import RolePage from './RolePage.svelte';
import RoleView from '../components/RoleView.svelte';
import { item, mockAuthoring, role, ROLES } from '../testing';
import { router } from '../router.svelte';
import type { RoleEdit } from '../bindings/RoleEdit';

const VP = ROLES[2]!;

afterEach(() => clearMocks());

async function editVp() {
  const shell = mockAuthoring();
  const user = userEvent.setup();
  render(RolePage, { role: VP, delay: 20 });
  await user.click(screen.getByRole('button', { name: 'Edit' }));
  const first = await screen.findByLabelText('Item 1 of Responsibilities');
  return { shell, user, first: first as HTMLTextAreaElement };
}

describe('the role editor', () => {
  it('autosaves an item edit as one edit_role call on the loaded hash', async () => {
    const { shell, user, first } = await editVp();
    const base = shell.onDisk('vp-of-engineering')!.hash;
    await user.click(first);
    await user.keyboard('{End} Now.');
    await waitFor(() => expect(shell.of('edit_role')).toHaveLength(1));
    expect(shell.of('edit_role')[0]).toEqual({
      id: 'vp-of-engineering',
      edits: [{ op: 'edit_item', section: 1, index: 0, text: 'Sets the strategy. Now.' }],
      baseHash: base,
    });
    await waitFor(() => expect(screen.getByTestId('save-status')).toHaveTextContent(/^Saved \d/));
    expect(shell.onDisk('vp-of-engineering')!.role.sections[1]!.items[0]!.text).toBe('Sets the strategy. Now.');
    // The saved item says it was edited.
    expect(within(first.closest('li')!).getByRole('button', { name: 'edited' })).toBeInTheDocument();
  });

  it('saves one at a time, each on the hash the previous save returned', async () => {
    const shell = mockAuthoring(undefined, { saveMs: 40 });
    const user = userEvent.setup();
    render(RolePage, { role: VP, delay: 5 });
    await user.click(screen.getByRole('button', { name: 'Edit' }));
    const start = shell.onDisk('vp-of-engineering')!.hash;
    await user.click(await screen.findByLabelText('Item 1 of Responsibilities'));
    for (const word of [' one', ' two', ' three']) {
      await user.keyboard(word);
      await new Promise((r) => setTimeout(r, 15));
    }
    await user.click(screen.getByLabelText('Item 2 of Responsibilities'));
    await user.keyboard('{End} four');
    await waitFor(() =>
      expect(shell.onDisk('vp-of-engineering')!.role.sections[1]!.items.slice(0, 2).map((i) => i.text)).toEqual([
        'Sets the strategy. one two three',
        'Owns the budget. four',
      ]),
    );
    await waitFor(() => expect(screen.getByTestId('save-status')).toHaveTextContent(/^Saved/));
    const bases = shell.of('edit_role').map((c) => c.baseHash);
    expect(bases.length).toBeGreaterThan(1);
    expect(shell.saves.most).toBe(1);
    expect(bases).toEqual([start, ...shell.saves.returned.slice(0, -1)]);
  });

  it('Enter at the end of an item adds one after it', async () => {
    const { shell, user, first } = await editVp();
    await user.click(first);
    await user.keyboard('{End}{Enter}');
    const blank = screen.getByLabelText('New item in Responsibilities');
    expect(blank).toHaveFocus();
    await user.keyboard('Writes things down.');
    await waitFor(() => expect(shell.of('edit_role').length).toBeGreaterThan(0));
    await waitFor(() => expect(screen.getByTestId('save-status')).toHaveTextContent(/^Saved/));
    // The first save adds the item; typing on (after a pause) edits it in place.
    const sent = shell.of('edit_role').flatMap((c) => c.edits as RoleEdit[]);
    expect(sent[0]).toMatchObject({ op: 'add_item', section: 1, index: 1 });
    expect(sent.slice(1).every((e) => e.op === 'edit_item' && e.section === 1 && e.index === 1)).toBe(true);
    await waitFor(() => expect(shell.onDisk('vp-of-engineering')!.role.sections[1]!.items.map((i) => i.text)).toEqual(['Sets the strategy.', 'Writes things down.', 'Owns the budget.', 'Hires directors.']));
    expect(screen.getByLabelText('Item 2 of Responsibilities')).toHaveValue('Writes things down.');
    expect(screen.getByLabelText('Item 3 of Responsibilities')).toHaveValue('Owns the budget.');
  });

  it('Ctrl+Z sends the undo a save returned, Ctrl+Shift+Z the undo of that', async () => {
    const { shell, user, first } = await editVp();
    await user.click(first);
    await user.keyboard('{End}!');
    await waitFor(() => expect(screen.getByTestId('save-status')).toHaveTextContent(/^Saved/));
    const saved = shell.onDisk('vp-of-engineering')!;
    await user.keyboard('{Control>}z{/Control}');
    await waitFor(() => expect(shell.of('edit_role')).toHaveLength(2));
    const undo = shell.of('edit_role')[1]!;
    expect(undo.baseHash).toBe(saved.hash);
    expect(undo.edits).toEqual([{ op: 'restore_item', section: 1, index: 0, item: item('Sets the strategy.', 12, 'Strategic responsibilities'), replace: true }]);
    await waitFor(() => expect(first).toHaveValue('Sets the strategy.'));
    await user.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    await waitFor(() => expect(shell.of('edit_role')).toHaveLength(3));
    expect((shell.of('edit_role')[2]!.edits as RoleEdit[])[0]).toMatchObject({ op: 'restore_item', replace: true, item: { text: 'Sets the strategy.!' } });
    await waitFor(() => expect(first).toHaveValue('Sets the strategy.!'));
  });

  it('moves an item to another section, re-orders sections with Alt+Down, removes a section', async () => {
    const { shell, user, first } = await editVp();
    await user.selectOptions(screen.getByLabelText('Move item 1 of Responsibilities to section'), 'Communication and leadership');
    await waitFor(() => expect(screen.getByLabelText('Item 2 of Communication and leadership')).toHaveValue('Sets the strategy.'));
    expect(first).toHaveValue('Owns the budget.');
    await user.click(screen.getByLabelText('Section 1 title'));
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    await waitFor(() => expect(screen.getByLabelText('Section 2 title')).toHaveValue('Communication and leadership'));
    expect(screen.getByLabelText('Section 2 title')).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Remove section Responsibilities' }));
    await waitFor(() => expect(screen.getByTestId('save-status')).toHaveTextContent(/^Saved/));
    const sent = shell.of('edit_role').flatMap((c) => c.edits as RoleEdit[]);
    expect(sent).toEqual([
      { op: 'move_item', from: { section: 1, index: 0 }, to: { section: 0, index: 1 } },
      { op: 'move_section', from: 0, to: 1 },
      { op: 'remove_section', section: 0 },
    ]);
    expect(shell.onDisk('vp-of-engineering')!.role.sections.map((x) => x.title)).toEqual(['Communication and leadership']);
  });

  it('Ctrl+S saves at once, without waiting for the pause', async () => {
    const shell = mockAuthoring();
    const user = userEvent.setup();
    render(RolePage, { role: VP, delay: 60_000 });
    await user.click(screen.getByRole('button', { name: 'Edit' }));
    await user.click(await screen.findByLabelText('Title'));
    await user.keyboard('{End} (acting)');
    expect(screen.getByTestId('save-status')).toHaveTextContent('Unsaved changes…');
    expect(shell.of('edit_role')).toEqual([]);
    await user.keyboard('{Control>}s{/Control}');
    await waitFor(() => expect(shell.of('edit_role')).toHaveLength(1));
    expect(shell.of('edit_role')[0]!.edits).toEqual([{ op: 'set_title', title: 'VP of Engineering (acting)' }]);
  });

  it('a save that meets a change on disk shows both versions; keeping mine saves mine', async () => {
    const { shell, user, first } = await editVp();
    shell.changeOnDisk({ ...structuredClone(VP), title: 'VP of Engineering (from git)' });
    const theirs = shell.onDisk('vp-of-engineering')!.hash;
    await user.click(first);
    await user.keyboard('{End} Mine.');
    const chooser = await screen.findByTestId('conflict');
    expect(within(chooser).getByText('Your version: VP of Engineering')).toBeInTheDocument();
    expect(within(chooser).getByText('On disk: VP of Engineering (from git)')).toBeInTheDocument();
    expect(within(chooser).getByText('Responsibilities · Sets the strategy. Mine.')).toBeInTheDocument();
    expect(within(chooser).getByText('Title: VP of Engineering (from git)')).toBeInTheDocument();
    expect(shell.onDisk('vp-of-engineering')!.role.title).toBe('VP of Engineering (from git)');
    await user.click(within(chooser).getByRole('button', { name: 'Keep mine' }));
    await waitFor(() => expect(shell.of('keep_role_version')).toHaveLength(1));
    expect(shell.of('keep_role_version')[0]).toMatchObject({ id: 'vp-of-engineering', overHash: theirs });
    await waitFor(() => expect(screen.queryByTestId('conflict')).toBeNull());
    expect(shell.onDisk('vp-of-engineering')!.role.sections[1]!.items[0]!.text).toBe('Sets the strategy. Mine.');
    expect(shell.onDisk('vp-of-engineering')!.role.title).toBe('VP of Engineering');
  });

  it('a conflict left unresolved is offered again when the role is opened again', async () => {
    const { shell, user, first } = await editVp();
    shell.changeOnDisk({ ...structuredClone(VP), title: 'Elsewhere' });
    await user.click(first);
    await user.keyboard('{End} Kept.');
    await screen.findByTestId('conflict');
    cleanup();
    expect(screen.queryByTestId('conflict')).toBeNull();
    render(RolePage, { role: VP, delay: 20 });
    const chooser = await screen.findByTestId('conflict');
    expect(within(chooser).getByText('Responsibilities · Sets the strategy. Kept.')).toBeInTheDocument();
    await user.click(within(chooser).getByRole('button', { name: 'Keep mine' }));
    await waitFor(() => expect(shell.onDisk('vp-of-engineering')!.role.sections[1]!.items[0]!.text).toBe('Sets the strategy. Kept.'));
  });
});

describe('authoring in the app', () => {
  async function app() {
    const shell = mockAuthoring();
    router.go({ view: 'role', id: 'vp-of-engineering' });
    const user = userEvent.setup();
    render(App);
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('VP of Engineering'));
    return { shell, user };
  }

  it('delete asks nothing, and Undo in the toast restores the role', async () => {
    const { shell, user } = await app();
    const hash = shell.onDisk('vp-of-engineering')!.hash;
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    await screen.findByText('Deleted VP of Engineering.');
    expect(shell.of('delete_role')).toEqual([{ id: 'vp-of-engineering', baseHash: hash }]);
    expect(shell.onDisk('vp-of-engineering')).toBeUndefined();
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(shell.of('restore_role')).toEqual([{ id: 'vp-of-engineering' }]));
    expect(shell.onDisk('vp-of-engineering')).toBeDefined();
    await waitFor(() => expect(router.current).toEqual({ view: 'role', id: 'vp-of-engineering' }));
  });

  it('delete while editing saves the edits first, then deletes that version', async () => {
    const { shell, user } = await app();
    await user.click(screen.getByRole('button', { name: 'Edit' }));
    await user.click(await screen.findByLabelText('Item 1 of Responsibilities'));
    await user.keyboard('{End}!');
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    await screen.findByText('Deleted VP of Engineering.');
    const saved = shell.of('edit_role');
    expect(saved).toHaveLength(1);
    const order = shell.calls.map((c) => c.cmd).filter((c) => c === 'edit_role' || c === 'delete_role');
    expect(order).toEqual(['edit_role', 'delete_role']);
    expect(shell.onDisk('vp-of-engineering')).toBeUndefined();
    expect(shell.of('delete_role')[0]!.baseHash).not.toBe(saved[0]!.baseHash);
  });

  it('a role changed on disk while it is edited offers both versions', async () => {
    const { shell, user } = await app();
    await user.click(screen.getByRole('button', { name: 'Edit' }));
    await screen.findByLabelText('Item 1 of Responsibilities');
    shell.changeOnDisk({ ...structuredClone(VP), title: 'Changed outside' });
    await emit('library-changed', { ids: ['vp-of-engineering'] });
    const chooser = await screen.findByTestId('conflict');
    expect(within(chooser).getByText('On disk: Changed outside')).toBeInTheDocument();
    await user.click(within(chooser).getByRole('button', { name: 'Take theirs' }));
    await waitFor(() => expect(screen.getByLabelText('Title')).toHaveValue('Changed outside'));
    expect(shell.of('keep_role_version')).toEqual([]);
  });

  it('a role changed on disk while it is read shows the new version, the place kept', async () => {
    const { shell } = await app();
    shell.changeOnDisk({ ...structuredClone(VP), title: 'VP of Engineering, revised' });
    await emit('library-changed', { ids: ['vp-of-engineering'] });
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('VP of Engineering, revised'));
    expect(router.current).toEqual({ view: 'role', id: 'vp-of-engineering' });
    expect(screen.getByRole('button', { name: /^VP of Engineering, revised/ })).toHaveAttribute('aria-current');
  });

  it('a role page shows the text the shell has now, asked again after each reload', async () => {
    const { shell } = await app();
    const changed = structuredClone(VP);
    changed.sections[1]!.items[1]!.text = 'Owns the budget and the forecast.';
    shell.changeOnDisk(changed);
    await emit('library-changed', { ids: ['vp-of-engineering'] });
    expect(await screen.findByText('Owns the budget and the forecast.')).toBeInTheDocument();
    expect(screen.queryByText('Owns the budget.')).not.toBeInTheDocument();
    expect(shell.of('get_role')).toEqual([{ id: 'vp-of-engineering' }, { id: 'vp-of-engineering' }]);
  });

  it('the palette opens the editor and the history of the role shown', async () => {
    await app();
    const user = userEvent.setup();
    await user.keyboard('{Control>}k{/Control}');
    await screen.findByRole('dialog', { name: 'Command palette' });
    await user.keyboard('Edit VP{Enter}');
    expect(await screen.findByLabelText('Item 1 of Responsibilities')).toBeInTheDocument();
    await user.keyboard('{Control>}k{/Control}');
    await screen.findByRole('dialog', { name: 'Command palette' });
    await user.keyboard('History of{Enter}');
    expect(await screen.findByTestId('history-problem')).toHaveTextContent('not in a git repository');
  });

  it('the library folder is shown and can be chosen', async () => {
    const { shell, user } = await app();
    await user.click(screen.getByRole('button', { name: 'Library folder' }));
    await screen.findByRole('dialog', { name: 'Library folder' });
    await waitFor(() => expect(screen.getByTestId('library-folder')).toHaveTextContent('/home/me/.local/share/rolecraft/roles'));
    await user.click(screen.getByRole('button', { name: 'Choose folder…' }));
    await waitFor(() => expect(screen.getByTestId('library-folder')).toHaveTextContent('/team/ladder/roles'));
    expect(shell.of('choose_library_folder')).toHaveLength(1);
  });

  it('new level from this one asks a title and opens the new role', async () => {
    const { shell, user } = await app();
    await user.click(screen.getByRole('button', { name: 'New level from this one…' }));
    const title = await screen.findByLabelText('Title');
    await user.clear(title);
    await user.type(title, 'SVP of Engineering{Enter}');
    await waitFor(() => expect(shell.of('new_role')).toEqual([{ title: 'SVP of Engineering', from: 'vp-of-engineering' }]));
    await waitFor(() => expect(router.current).toEqual({ view: 'role', id: 'svp-of-engineering' }));
  });
});

describe('history', () => {
  const COMMITS = [
    { id: 'c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3', date: '2026-11-30T10:00:00+01:00', author: 'Ada', email: 'ada@example.com', message: 'Fix strategic typo' },
    { id: 'b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2', date: '2025-11-01T09:00:00Z', author: 'Bo', email: 'bo@example.com', message: 'Add budget item\n\nLonger body' },
    { id: 'a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1', date: '2025-01-01T09:00:00Z', author: 'Cy', email: 'cy@example.com', message: 'Import the ladder' },
  ];

  it('lists the commits; one opens compare against now, two against each other', async () => {
    mockAuthoring(undefined, { history: COMMITS });
    const user = userEvent.setup();
    render(RolePage, { role: VP });
    await user.click(screen.getByRole('button', { name: 'History' }));
    const rows = await screen.findAllByRole('listitem');
    expect(rows.map((r) => r.querySelector('.message')?.textContent)).toEqual(['Fix strategic typo', 'Add budget item', 'Import the ladder']);
    expect(rows[0]).toHaveTextContent('Ada');
    await user.click(within(rows[1]!).getByRole('button', { name: 'Compare with now' }));
    expect(router.current).toEqual({ view: 'compare', ids: ['vp-of-engineering@b2b2b2b2b2b2', 'vp-of-engineering'] });
    await user.click(within(rows[0]!).getByRole('checkbox'));
    await user.click(within(rows[2]!).getByRole('checkbox'));
    await user.click(screen.getByRole('button', { name: 'Compare the two ticked' }));
    expect(router.current).toEqual({ view: 'compare', ids: ['vp-of-engineering@a1a1a1a1a1a1', 'vp-of-engineering@c3c3c3c3c3c3'] });
  });

  it('outside git it says so plainly', async () => {
    mockAuthoring(undefined, { history: 'not_in_git' });
    const user = userEvent.setup();
    render(RolePage, { role: VP });
    await user.click(screen.getByRole('button', { name: 'History' }));
    expect(await screen.findByTestId('history-problem')).toHaveTextContent('This library folder is not in a git repository');
  });
});

describe('provenance in the role view', () => {
  it('marks edited items (imported text one click away) and items written here', async () => {
    const r = role('x', 'X', null, {
      sections: [
        {
          key: 'responsibilities',
          title: 'Responsibilities',
          items: [
            { ...item('Strategic thinking.', 3), origin: { kind: 'edited', at: '2026-12-01T23:50:00Z', imported_text: 'Stretegic thinking.' } },
            { text: 'Writes things down.', group: null, source: { file: '', line: 0 }, origin: { kind: 'authored', at: '2026-12-01T23:51:00Z' } },
            item('As imported.', 5),
          ],
        },
      ],
    });
    const user = userEvent.setup();
    const { container } = render(RoleView, { role: r });
    const items = [...container.querySelectorAll('.item')] as HTMLElement[];
    const edited = within(items[0]!).getByRole('button', { name: 'edited' });
    expect(edited).toHaveAttribute('title', expect.stringContaining('Imported text: Stretegic thinking.'));
    expect(edited).toHaveAttribute('aria-expanded', 'false');
    await user.click(edited);
    expect(items[0]).toHaveTextContent('Imported text: Stretegic thinking.');
    expect(within(items[1]!).getByText('written here')).toBeInTheDocument();
    expect(items[1]!.querySelector('.source')).toHaveTextContent(/^$/);
    expect(items[2]!.querySelector('.prov')).toBeNull();
  });
});
