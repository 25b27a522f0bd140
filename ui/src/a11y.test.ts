// axe-core on every screen as the component tests render it: no serious or critical problem.
// (Colour contrast is left to the end-to-end run: jsdom computes no colours.)
import { describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from './App.svelte';
import { axeProblems } from './lib/axe-check';
import { CTO_WITH_CONFLICT, DRAFT, mockAuthoring, mockDrafts, mockLibrary, ROLES, SUMMARIES, WIDE_COMPARISON } from './lib/testing';
import DraftView from './lib/draft/DraftView.svelte';
import { mockImport } from './lib/import/fixtures';
import { router } from './lib/router.svelte';
import { clearMocks } from '@tauri-apps/api/mocks';
import ImportView from './lib/import/ImportView.svelte';
import { ImportStore } from './lib/import/importer.svelte';

async function app(route: string) {
  mockLibrary(undefined, route);
  const view = render(App);
  return { ...view, user: userEvent.setup() };
}

describe('accessibility (axe-core)', () => {
  it('the library and a role', async () => {
    await app('role/vp-of-engineering');
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('VP of Engineering'));
    await waitFor(() => expect(document.querySelectorAll('#role-list .role-link')).toHaveLength(4));
    expect(await axeProblems()).toEqual([]);
  });

  it('the library searched, with roles found in their text', async () => {
    const { user } = await app('role/cto');
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('CTO'));
    await user.type(screen.getByRole('searchbox', { name: 'Search roles' }), 'budg');
    await screen.findByRole('heading', { name: /^Found in role text/ });
    await waitFor(() => expect(document.querySelector('#role-list .snippet mark')).not.toBeNull());
    expect(await axeProblems()).toEqual([]);
  });

  it('the library with no role open, and a role without a track', async () => {
    mockLibrary(undefined, 'role/no-such-role');
    render(App);
    await screen.findByText('No role “no-such-role” in the library.');
    expect(await axeProblems()).toEqual([]);
  });

  it('compare, side by side', async () => {
    const { container } = await app('compare/director-of-engineering,vp-of-engineering,cto');
    await waitFor(() => expect(container.querySelectorAll('.col-header')).toHaveLength(3));
    expect(await axeProblems()).toEqual([]);
  });

  it('compare at a glance: the summary, internal sections in, differences only', async () => {
    mockLibrary(undefined, 'compare/director-of-engineering,vp-of-engineering,cto', { comparison: WIDE_COMPARISON });
    const { container } = render(App);
    const user = userEvent.setup();
    await screen.findByTestId('compare-summary');
    await screen.findByTestId('approximate');
    expect(await axeProblems()).toEqual([]);
    await user.click(screen.getByLabelText('Include internal sections (1 left out)'));
    await waitFor(() => expect(container.querySelector('.section-title[data-section=page_notes]')).not.toBeNull());
    await user.click(screen.getByLabelText('Differences only'));
    expect(await axeProblems()).toEqual([]);
  });

  it('a role with conflicting sources, and a source in context', async () => {
    mockLibrary([...ROLES.filter((r) => r.id !== 'cto'), CTO_WITH_CONFLICT], 'role/cto');
    render(App);
    const user = userEvent.setup();
    await screen.findByTestId('conflicts');
    await screen.findByText('internal');
    expect(await axeProblems()).toEqual([]);
    await user.click(screen.getAllByRole('button', { name: 'CTO, line 306' })[0]!);
    const dialog = await screen.findByRole('dialog', { name: 'CTO' });
    await waitFor(() => expect(dialog.querySelector('li.cited')).not.toBeNull());
    expect(await axeProblems()).toEqual([]);
  });

  it('compare as a ladder', async () => {
    await app('compare/director-of-engineering,vp-of-engineering,cto/ladder');
    await screen.findByTestId('ladder');
    expect(await axeProblems()).toEqual([]);
  });

  it('the import review', async () => {
    mockImport();
    const store = new ImportStore();
    render(ImportView, { store, onOpenRole: () => {} });
    await userEvent.setup().click(screen.getByRole('button', { name: 'Choose files…' }));
    await screen.findByTestId('import-summary');
    expect(await axeProblems()).toEqual([]);
  });

  it('the command palette and the shortcuts list', async () => {
    const { user } = await app('role/cto');
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('CTO'));
    await user.keyboard('{Control>}k{/Control}');
    await screen.findByRole('dialog', { name: 'Command palette' });
    await user.keyboard('vp');
    expect(await axeProblems()).toEqual([]);
    await user.keyboard('{Escape}');
    await user.keyboard('?');
    await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(await axeProblems()).toEqual([]);
  });

  it('the draft editor with its findings, structured fields and export menu', async () => {
    mockDrafts();
    render(DraftView, { roles: SUMMARIES, id: DRAFT.id, suggestedRole: null, onOpen: () => {} });
    await screen.findByTitle('Preview');
    await waitFor(() => expect(screen.getByTestId('findings-metrics')).toHaveTextContent('212 words'));
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Add location' }));
    expect(await axeProblems()).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Export…' }));
    await screen.findByRole('menu', { name: 'Export formats' });
    expect(await axeProblems()).toEqual([]);
    await user.keyboard('{Escape}');
    await user.click(screen.getByRole('button', { name: 'Export…' }));
    await user.click(screen.getByRole('menuitem', { name: 'Markdown' }));
    await screen.findByRole('alertdialog');
    expect(await axeProblems()).toEqual([]);
  });

  it('the draft editor with quick fixes on its findings, the copy menu and the copy confirm', async () => {
    mockDrafts(null, { fixes: true });
    render(DraftView, { roles: SUMMARIES, id: DRAFT.id, suggestedRole: null, onOpen: () => {} });
    await screen.findByTitle('Preview');
    await screen.findByRole('button', { name: 'Fix: Leave out this section' });
    expect(await axeProblems()).toEqual([]);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Copy…' }));
    await screen.findByRole('menu', { name: 'Copy formats' });
    expect(await axeProblems()).toEqual([]);
    await user.click(screen.getByRole('menuitem', { name: 'Plain text' }));
    await screen.findByRole('alertdialog', { name: /copy anyway\?$/ });
    expect(await axeProblems()).toEqual([]);
  });

  it('the role editor, with a conflict open, and the history', async () => {
    const shell = mockAuthoring(undefined, { history: 'not_in_git' });
    router.go({ view: 'role', id: 'vp-of-engineering' });
    const user = userEvent.setup();
    render(App);
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('VP of Engineering'));
    await user.click(screen.getByRole('button', { name: 'Edit' }));
    await screen.findByLabelText('Item 1 of Responsibilities');
    expect(await axeProblems()).toEqual([]);
    shell.changeOnDisk({ ...structuredClone(ROLES[2]!), title: 'Changed outside' });
    await user.click(screen.getByLabelText('Item 1 of Responsibilities'));
    await user.keyboard('{End}!');
    await screen.findByTestId('conflict');
    expect(await axeProblems()).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Take theirs' }));
    await user.click(screen.getByRole('button', { name: 'History' }));
    await screen.findByTestId('history-problem');
    expect(await axeProblems()).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'New role…' }));
    await screen.findByRole('dialog', { name: 'New role' });
    expect(await axeProblems()).toEqual([]);
    clearMocks();
  });
});
