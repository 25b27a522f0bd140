import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { mockIPC } from '@tauri-apps/api/mocks';
import Library from './Library.svelte';
import { LibraryStore } from '../library.svelte';
import { manySummaries, mockLibrary, role, ROLES } from '../testing';

/** The list renders its rows once it knows its size (see test-setup.ts). */
async function listed() {
  await waitFor(() => expect(document.querySelector('#role-list button.role-link')).not.toBeNull());
}

async function setup() {
  mockLibrary();
  const library = new LibraryStore();
  await library.load();
  const onOpen = vi.fn();
  render(Library, { library, selectedId: 'cto', onOpen });
  await listed();
  return { library, onOpen, user: userEvent.setup() };
}

/** The list's rows as shown, in order: a heading as `# Name (count)`, a role by its text. */
function rows(): string[] {
  return [...document.querySelectorAll('#role-list li')].map((li) => {
    const heading = li.querySelector('h2');
    if (heading) return `# ${heading.firstChild?.textContent?.trim()} (${heading.querySelector('.count')?.textContent})`;
    return li.textContent!.trim();
  });
}

/** The role buttons under the heading `name`. */
function groupOf(name: string): HTMLButtonElement[] {
  const out: HTMLButtonElement[] = [];
  let inside = false;
  for (const li of document.querySelectorAll('#role-list li')) {
    const heading = li.querySelector('h2');
    if (heading) inside = heading.firstChild?.textContent?.trim() === name;
    else if (inside) out.push(li.querySelector('button')!);
  }
  return out;
}

describe('Library', () => {
  it('says the library is opening while its first read runs, then lists it', async () => {
    let answer: (view: unknown) => void = () => {};
    mockIPC((cmd) => (cmd === 'list_roles' ? new Promise((r) => (answer = r)) : null));
    const library = new LibraryStore();
    const loading = library.load();
    render(Library, { library, selectedId: null, onOpen: vi.fn() });
    expect(screen.getByRole('status')).toHaveTextContent('Opening the library…');
    expect(screen.queryByText('The library is empty.')).toBeNull();
    answer({ roles: [], problem: null, origins: {} });
    await loading;
    await waitFor(() => expect(screen.getByText('The library is empty.')).toBeInTheDocument());
    expect(screen.queryByText('Opening the library…')).toBeNull();
  });

  it('lists the roles grouped by track', async () => {
    await setup();
    expect(rows()).toEqual([
      '# People Manager Path (3)',
      'CTO',
      'Director of Engineering',
      'VP of Engineering',
      '# Product (1)',
      'VP of Product Level 7',
    ]);
    // One list of headings and roles, each item telling its place in the whole list.
    const items = within(screen.getByRole('list')).getAllByRole('listitem');
    expect(items.map((li) => [li.getAttribute('aria-posinset'), li.getAttribute('aria-setsize')])).toEqual(
      ['1', '2', '3', '4', '5', '6'].map((n) => [n, '6']),
    );
    expect(screen.getByRole('button', { name: 'CTO' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('button', { name: 'Director of Engineering' })).not.toHaveAttribute('aria-current');
  });

  it('narrows the list as you type and opens the first match with Enter', async () => {
    const { user, onOpen } = await setup();
    await user.type(screen.getByRole('searchbox'), 'vp of eng');
    expect(screen.getAllByRole('button').map((b) => b.textContent?.trim())).toEqual(['VP of Engineering']);
    await user.keyboard('{Enter}');
    expect(onOpen).toHaveBeenCalledWith('vp-of-engineering');
  });

  it('says so when nothing matches', async () => {
    const { user } = await setup();
    await user.type(screen.getByRole('searchbox'), 'astronaut');
    expect(screen.getByText('No role matches “astronaut”.')).toBeInTheDocument();
  });

  it('moves through the roles with the arrow keys and opens one with Enter', async () => {
    const { user, onOpen } = await setup();
    await user.click(screen.getByRole('searchbox'));
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('button', { name: 'CTO' })).toHaveFocus();
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}');
    expect(screen.getByRole('button', { name: /VP of Product/ })).toHaveFocus();
    await user.keyboard('{ArrowUp}{Enter}');
    expect(onOpen).toHaveBeenCalledWith('vp-of-engineering');
    await user.keyboard('{Home}');
    expect(screen.getByRole('button', { name: 'CTO' })).toHaveFocus();
    await user.keyboard('{ArrowUp}');
    expect(screen.getByRole('searchbox')).toHaveFocus();
  });

  it('focuses the search box on "/"', async () => {
    const { user } = await setup();
    await user.click(document.body);
    await user.keyboard('/');
    expect(screen.getByRole('searchbox')).toHaveFocus();
  });

  it('explains the group of roles without a track', async () => {
    mockLibrary([...ROLES, role('intern', 'Intern', null)]);
    const library = new LibraryStore();
    await library.load();
    render(Library, { library, selectedId: null, onOpen: vi.fn() });
    await listed();
    expect(rows().slice(-2)).toEqual(['# Other roles (1)', 'Intern']);
    const heading = screen.getByRole('heading', { name: /^Other roles/ });
    expect(heading).toHaveAttribute('title', 'Their documents name no career track.');
    expect(heading.closest('li')).toHaveTextContent('Their documents name no career track.');
  });

  it('finds roles by the words of their items and shows the item that matched', async () => {
    const { user } = await setup();
    await user.type(screen.getByRole('searchbox'), 'budg');
    // "budg" is in no title; the shell's search finds "Owns the budget." in VP of Engineering.
    const hit = await screen.findByRole('button', { name: /VP of Engineering/ });
    expect(hit).toHaveTextContent('Owns the budget.');
    // Listed apart from title matches, after them: Enter opens it when no title matches.
    expect(groupOf('Found in role text')).toEqual([hit]);
    expect(hit.closest('li')).toHaveClass('track', 'text-hits');
    expect(hit.querySelector('mark')?.textContent?.toLowerCase()).toBe('budg');
    expect(screen.queryByRole('button', { name: /^CTO/ })).not.toBeInTheDocument();
  });

  it('drops a late search answer for a query already changed', async () => {
    const { user, library } = await setup();
    const box = screen.getByRole('searchbox');
    await user.type(box, 'budg');
    await user.clear(box);
    await user.type(box, 'product');
    await new Promise((r) => setTimeout(r, 200));
    expect(library.searched).toBe('product');
    expect(screen.getAllByRole('button').map((b) => b.textContent?.trim())).toEqual(['VP of Product Level 7']);
  });

  it('marks the user\'s own roles', async () => {
    mockLibrary(ROLES, null, { origins: { cto: 'user', 'vp-of-product': 'bundled' } });
    const library = new LibraryStore();
    await library.load();
    render(Library, { library, selectedId: null, onOpen: vi.fn() });
    await listed();
    expect(screen.getByRole('button', { name: /^CTO/ })).toHaveTextContent('Yours');
    expect(screen.getByRole('button', { name: /VP of Product/ })).not.toHaveTextContent('Yours');
  });

  it('shows a broken file in the file manager, and says so when it cannot', async () => {
    const calls = mockLibrary(ROLES, null, {
      problem: '/data/roles/cto.json:3:8: not a role file: expected value at line 3 column 8',
    });
    const library = new LibraryStore();
    await library.load();
    render(Library, { library, selectedId: null, onOpen: vi.fn() });
    await userEvent.setup().click(screen.getByRole('button', { name: 'Show in folder' }));
    expect(calls.find((c) => c.cmd === 'reveal_library_file')?.args).toEqual({ name: 'cto.json' });
    expect(await screen.findByText(/cto\.json: could not show it in the file manager/)).toBeInTheDocument();
  });

  it('names a broken file and sets it aside on request', async () => {
    const calls = mockLibrary(ROLES, null, {
      problem: '/data/roles/cto.json:3:8: not a role file: expected value at line 3 column 8',
    });
    const library = new LibraryStore();
    await library.load();
    render(Library, { library, selectedId: null, onOpen: vi.fn() });
    expect(screen.getByText(/cto\.json in your library could not be read/)).toBeInTheDocument();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Set cto.json aside' }));
    expect(calls.find((c) => c.cmd === 'set_aside_role_file')?.args).toEqual({ name: 'cto.json' });
    expect(await screen.findByText(/Moved cto\.json to \/data\/roles\/cto\.json\.broken-/)).toBeInTheDocument();
    expect(screen.queryByText(/could not be read/)).not.toBeInTheDocument();
  });
});

describe('Library with 10,000 roles', () => {
  function big(selectedId: string | null = null) {
    const library = new LibraryStore();
    library.roles = manySummaries(10_000);
    library.loaded = true;
    const onOpen = vi.fn();
    render(Library, { library, selectedId, onOpen });
    return { library, onOpen, user: userEvent.setup() };
  }

  const buttons = () => [...document.querySelectorAll<HTMLButtonElement>('#role-list button.role-link')];
  const focusedId = () => (document.activeElement as HTMLElement | null)?.dataset.roleId;

  it('puts about a screenful of rows in the DOM, not one per role', async () => {
    big();
    await listed();
    // A 600 px list of 36 px rows, and virtua's margin above and below.
    expect(buttons().length).toBeGreaterThan(10);
    expect(buttons().length).toBeLessThan(60);
    expect(rows().slice(0, 3)).toEqual(['# Track 0 (1000)', 'Role 0 Level 1', 'Role 70 Level 1']);
    expect(screen.getByRole('list').querySelector('li')).toHaveAttribute('aria-setsize', '10010');
  });

  it('moves the focus by the order of the roles, to rows not rendered yet', async () => {
    const { library, user, onOpen } = big();
    await listed();
    const ordered = library.ordered.map((r) => r.id);
    await user.click(screen.getByRole('searchbox'));
    await user.keyboard('{ArrowDown}');
    await waitFor(() => expect(focusedId()).toBe(ordered[0]));
    for (let i = 1; i <= 30; i++) await user.keyboard('{ArrowDown}');
    await waitFor(() => expect(focusedId()).toBe(ordered[30]));
    await user.keyboard('{End}');
    await waitFor(() => expect(focusedId()).toBe(ordered[9_999]));
    await user.keyboard('{ArrowUp}');
    await waitFor(() => expect(focusedId()).toBe(ordered[9_998]));
    expect(buttons().length).toBeLessThan(60);
    await user.keyboard('{Enter}');
    expect(onOpen).toHaveBeenLastCalledWith(ordered[9_998]);
    await user.keyboard('{Home}');
    await waitFor(() => expect(focusedId()).toBe(ordered[0]));
    await user.keyboard('{ArrowUp}');
    expect(screen.getByRole('searchbox')).toHaveFocus();
  });

  it('brings the role opened elsewhere into view, marked as the current one', async () => {
    big('role-9999');
    await waitFor(() => expect(document.querySelector('[data-role-id="role-9999"]')).toHaveAttribute('aria-current', 'page'));
    expect(buttons().filter((b) => b.hasAttribute('aria-current'))).toHaveLength(1);
    expect(buttons().length).toBeLessThan(60);
  });
});
