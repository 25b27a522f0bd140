import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { emit } from '@tauri-apps/api/event';
import { mockIPC } from '@tauri-apps/api/mocks';
import App from './App.svelte';
import { mockAuthoring, mockLibrary, SUMMARIES } from './lib/testing';
import { router } from './lib/router.svelte';

describe('App', () => {
  it('loads the library, opens the first role, and opens another on click', async () => {
    const calls = mockLibrary();
    render(App);
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('CTO'));
    expect(window.location.hash).toBe('#/role/cto');
    await userEvent.setup().click(screen.getByRole('button', { name: 'VP of Engineering' }));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('VP of Engineering');
    expect(screen.getByText('Can drive all internal and external communication.')).toBeInTheDocument();
    // (Besides listening for roles changed on disk; the section notes are asked once.)
    expect(calls.map((c) => c.cmd).filter((c) => !c.startsWith('plugin:event|'))).toEqual(['list_roles', 'startup_route', 'get_role', 'section_notes', 'get_role']);
  });

  it('says so when the role asked for is not in the library, or cannot be read', async () => {
    mockLibrary(undefined, 'role/no-such-role');
    const first = render(App);
    expect(await screen.findByRole('alert')).toHaveTextContent('No role “no-such-role” in the library.');
    first.unmount();

    mockIPC((cmd) => {
      if (cmd === 'list_roles') return { roles: SUMMARIES, problem: null, origins: {} };
      if (cmd === 'startup_route') return 'role/cto';
      if (cmd === 'get_role') throw { kind: 'io', message: 'cto.json: permission denied' };
      throw { kind: 'internal', message: `unmocked command ${cmd}` };
    });
    render(App);
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not open “cto”: cto.json: permission denied');
    // The list still shows it, selected.
    expect(screen.getByRole('button', { name: 'CTO' })).toHaveAttribute('aria-current', 'page');
  });

  it('compares again when roles change on disk', async () => {
    const shell = mockAuthoring();
    router.go({ view: 'compare', ids: ['director-of-engineering', 'vp-of-engineering'] });
    render(App);
    await screen.findAllByRole('columnheader');
    await new Promise((r) => setTimeout(r, 50));
    expect(shell.of('compare_roles')).toHaveLength(1);
    await emit('library-changed', { ids: ['vp-of-engineering'] });
    await waitFor(() => expect(shell.of('compare_roles')).toHaveLength(2));
  });

  it('opens the view given on the command line', async () => {
    mockLibrary(undefined, 'role/vp-of-product');
    render(App);
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('VP of Product'));
  });

  it('opens a role from the command palette by type-ahead, and gives focus back on Esc', async () => {
    mockLibrary(undefined, 'role/cto');
    render(App);
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('CTO'));
    const user = userEvent.setup();
    const link = screen.getByRole('button', { name: 'Director of Engineering' });
    link.focus();

    await user.keyboard('{Control>}k{/Control}');
    const dialog = screen.getByRole('dialog', { name: 'Command palette' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    const box = within(dialog).getByRole('combobox');
    expect(box).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(link).toHaveFocus();

    await user.keyboard('{Control>}k{/Control}vp');
    const options = within(screen.getByRole('listbox')).getAllByRole('option');
    expect(options.map((o) => o.querySelector('.label')?.textContent)).toEqual(['VP of Engineering', 'VP of Product']);
    expect(options[0]).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('combobox', { name: 'Command or role' })).toHaveAttribute('aria-activedescendant', options[0]!.id);
    await user.keyboard('{ArrowDown}{ArrowUp}{Enter}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('VP of Engineering');
    expect(window.location.hash).toBe('#/role/vp-of-engineering');
  });

  it('switches the theme from the palette and from the top bar', async () => {
    mockLibrary(undefined, 'role/cto');
    render(App);
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('CTO'));
    const user = userEvent.setup();
    await user.keyboard('{Control>}k{/Control}dark{Enter}');
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(screen.getByRole('combobox', { name: 'Theme' })).toHaveValue('dark');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Theme' }), 'Light');
    expect(document.documentElement.dataset.theme).toBe('light');
    expect(localStorage.getItem('rolecraft.theme')).toBe('light');
    localStorage.clear();
  });

  it('lists the shortcuts on "?" unless the user is typing', async () => {
    mockLibrary(undefined, 'role/cto');
    render(App);
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('CTO'));
    const user = userEvent.setup();
    await user.type(screen.getByRole('searchbox', { name: 'Search roles' }), '?');
    expect(screen.queryByRole('dialog')).toBeNull();
    await user.click(document.body);
    await user.keyboard('?');
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(within(dialog).getByText('Ctrl+K')).toBeInTheDocument();
    expect(within(dialog).getByText('Ctrl+F')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
