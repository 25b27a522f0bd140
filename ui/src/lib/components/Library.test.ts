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

  it('tells bundled and user roles apart when the library says which is which', async () => {
    mockLibrary();
    const library = new LibraryStore();
    await library.load();
    library.originOf = (role) => (role.id === 'cto' ? 'user' : 'bundled');
    render(Library, { library, selectedId: null, onOpen: vi.fn() });
    expect(screen.getByRole('button', { name: /^CTO/ })).toHaveTextContent('CTO Yours');
    expect(screen.getByRole('button', { name: /^VP of Product/ })).toHaveTextContent('VP of Product Level 7 Bundled');
  });

  it('explains the group of roles without a track', async () => {
    mockLibrary([...ROLES, role('intern', 'Intern', null)]);
    const library = new LibraryStore();
    await library.load();
    render(Library, { library, selectedId: null, onOpen: vi.fn() });
    const other = screen.getByRole('region', { name: 'Other roles' });
    expect(within(other).getByText('Their documents name no career track.')).toBeInTheDocument();
  });
});
