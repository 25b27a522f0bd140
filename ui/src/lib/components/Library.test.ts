import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import Library from './Library.svelte';
import { LibraryStore } from '../library.svelte';
import { mockLibrary, role, ROLES } from '../testing';

async function setup() {
  mockLibrary();
  const library = new LibraryStore();
  await library.load();
  const onOpen = vi.fn();
  render(Library, { library, selectedId: 'cto', onOpen });
  return { library, onOpen, user: userEvent.setup() };
}

describe('Library', () => {
  it('lists the roles grouped by track', async () => {
    await setup();
    const people = screen.getByRole('region', { name: 'People Manager Path' });
    expect(within(people).getAllByRole('button').map((b) => b.textContent?.trim())).toEqual([
      'CTO',
      'Director of Engineering',
      'VP of Engineering',
    ]);
    const product = screen.getByRole('region', { name: 'Product' });
    expect(within(product).getByRole('button')).toHaveTextContent('VP of Product Level 7');
    expect(screen.getByRole('button', { name: 'CTO' })).toHaveAttribute('aria-current', 'page');
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
    const other = screen.getByRole('region', { name: 'Other roles' });
    expect(within(other).getByText('Their documents name no career track.')).toBeInTheDocument();
  });

  it('finds roles by the words of their items and shows the item that matched', async () => {
    const { user } = await setup();
    await user.type(screen.getByRole('searchbox'), 'budg');
    // "budg" is in no title; the shell's search finds "Owns the budget." in VP of Engineering.
    const hit = await screen.findByRole('button', { name: /VP of Engineering/ });
    expect(hit).toHaveTextContent('Owns the budget.');
    // Listed apart from title matches, after them: Enter opens it when no title matches.
    expect(within(screen.getByRole('region', { name: 'Found in role text' })).getByRole('button')).toBe(hit);
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
    expect(screen.getByRole('button', { name: /^CTO/ })).toHaveTextContent('Yours');
    expect(screen.getByRole('button', { name: /VP of Product/ })).not.toHaveTextContent('Yours');
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
