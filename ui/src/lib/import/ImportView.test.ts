import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import ImportView from './ImportView.svelte';
import { ImportStore } from './importer.svelte';
import { mockImport, REVIEW } from './fixtures';
import type { ImportReview } from '../bindings/ImportReview';

async function setup(options: { hold?: boolean; review?: ImportReview } = {}) {
  const mock = mockImport(options);
  const onImported = vi.fn();
  const onOpenRole = vi.fn();
  const store = new ImportStore(onImported);
  const view = render(ImportView, { store, onOpenRole });
  const user = userEvent.setup();
  return { ...view, ...mock, store, onImported, onOpenRole, user };
}

async function reviewed(options: { hold?: boolean; review?: ImportReview } = {}) {
  const s = await setup(options);
  await s.user.click(screen.getByRole('button', { name: 'Choose files…' }));
  await screen.findByTestId('import-summary');
  return s;
}

const roleCard = (title: string) => screen.getByRole('article', { name: title });
const conflictsIn = (el: HTMLElement) => [...el.querySelectorAll<HTMLElement>('fieldset.conflict')];

describe('ImportView', () => {
  it('plans the chosen files and lists the roles found, sections collapsed', async () => {
    const { calls, container } = await reviewed();
    expect(calls.map((c) => c.cmd)).toEqual(['choose_import_files', 'plan_import']);
    expect(calls[0]!.args).toEqual({ folders: false });
    expect(calls[1]!.args.paths).toEqual(['/docs/a.txt', '/docs/b.txt']);
    expect(screen.getByTestId('import-summary')).toHaveTextContent(
      '2 files read · 2 roles found · 2 conflicts · 1 warning · 1 file not imported',
    );
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toContain('Staff Engineer');

    const cto = roleCard('CTO');
    const checkpoints = cto.querySelector('details[data-section=checkpoints]') as HTMLDetailsElement;
    expect(checkpoints.open).toBe(false);
    expect(within(checkpoints).getByText('Checkpoints for reaching this level')).toBeInTheDocument();
    await userEvent.click(within(checkpoints).getByText('Checkpoints for reaching this level'));
    expect(checkpoints.open).toBe(true);
    expect(within(checkpoints).getByText('001_a79071d1db045453.txt, line 306')).toBeInTheDocument();
    expect(container.querySelectorAll('details.section[open]')).toHaveLength(1);
  });

  it('preselects the suggested choice for each role', async () => {
    await reviewed();
    expect(within(roleCard('CTO')).getByRole('radio', { name: /Merge/ })).toBeChecked();
    expect(within(roleCard('CTO')).getByRole('radio', { name: /Merge/ }).closest('label')).toHaveTextContent('Merge (suggested)');
    expect(within(roleCard('Staff Engineer')).getByRole('radio', { name: /Add to the library/ })).toBeChecked();
    expect(within(roleCard('Staff Engineer')).queryByRole('radio', { name: /Merge/ })).toBeNull();
    expect(screen.getByRole('button', { name: 'Import 2 roles' })).toBeEnabled();
  });

  it('shows what the import changes in the library, with counts and word highlights, as text', async () => {
    const { container } = await reviewed();
    const changes = roleCard('CTO').querySelector('.changes') as HTMLElement;
    expect(within(changes).getByText('1 added')).toBeInTheDocument();
    expect(within(changes).getByText('1 changed')).toBeInTheDocument();
    expect(within(changes).getByText('0 removed')).toBeInTheDocument();
    const changed = changes.querySelector('.row[data-status=changed]') as HTMLElement;
    expect(changed.querySelector('ins')).toHaveTextContent(', Sr Staff Engineer, or equivalent');
    // Rows every side shares are not listed; markup in the data stays text.
    expect(changes.querySelectorAll('.row')).toHaveLength(2);
    expect(within(changes).getByText('Sets the <b>engineering</b> culture.')).toBeInTheDocument();
    expect(container.querySelector('b')).toBeNull();
  });

  it('lists the warnings with their dropped lines, and the files that failed', async () => {
    const { container } = await reviewed();
    const warnings = screen.getByRole('region', { name: 'Warnings' });
    const w = within(warnings).getByText('dropped 2 lines of page chrome').closest('li') as HTMLElement;
    expect(w).toHaveTextContent('Junk dropped');
    expect(w).toHaveTextContent('000_8c1f8f3f73223611.txt:3');
    const details = w.querySelector('details') as HTMLDetailsElement;
    expect(details.open).toBe(false);
    expect(within(details).getByText('2 lines dropped')).toBeInTheDocument();
    expect(within(details).getByText('<b>Share</b> this page')).toBeInTheDocument();
    expect(container.querySelector('b')).toBeNull();
    const failed = screen.getByRole('region', { name: 'Files not imported' });
    // The path once, then the reason (the core's message starts with the path too).
    expect(failed.querySelector('li')).toHaveTextContent(/^\/docs\/broken\.bin not text: invalid UTF-8 at byte 0$/);
  });

  it('says why there is nothing to import when the only file cannot be read, and offers no import', async () => {
    const missing = '/docs/missing.txt';
    const { container } = await reviewed({
      review: {
        ...REVIEW,
        files: 1,
        errors: [{ file: missing, message: `${missing}: cannot read the file: No such file or directory (os error 2)` }],
        plan: { roles: [], warnings: [] },
      },
    });
    expect(screen.getByTestId('import-summary')).toHaveTextContent(/^1 file not imported$/);
    expect(screen.getByTestId('import-summary').querySelector('.bad')).toHaveTextContent('1 file not imported');
    expect(screen.getByText('Nothing to import: the file could not be read (the reason is above).')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Import/ })).toBeNull();
    expect(screen.getByRole('button', { name: 'Choose other files…' })).toBeInTheDocument();
    expect(container.textContent?.split(missing).length).toBe(2);
    expect(screen.getByRole('region', { name: 'Files not imported' })).toHaveTextContent(
      'cannot read the file: No such file or directory (os error 2)',
    );
  });

  it('says why there is nothing to import when the files hold no role', async () => {
    await reviewed({ review: { ...REVIEW, files: 2, errors: [], plan: { roles: [], warnings: [] } } });
    expect(screen.getByTestId('import-summary')).toHaveTextContent('2 files read · 0 roles found · 0 conflicts · 0 warnings');
    expect(screen.getByRole('status')).toHaveTextContent(/^Nothing to import: no role was found in these 2 files\./);
    expect(screen.queryByRole('button', { name: /^Import/ })).toBeNull();
  });

  it('offers no import when every role is kept', async () => {
    const { user } = await reviewed();
    await user.click(within(roleCard('CTO')).getByRole('radio', { name: /Keep the library/ }));
    await user.click(within(roleCard('Staff Engineer')).getByRole('radio', { name: /Don’t import/ }));
    expect(screen.getByRole('button', { name: 'Import 0 roles' })).toBeDisabled();
    expect(screen.getByText('Every role is set to keep the library’s version: nothing would be written.')).toBeInTheDocument();
  });

  it('shows each conflict side by side with its sources and imports the side chosen', async () => {
    const { calls, user, onImported, onOpenRole } = await reviewed();
    const conflicts = conflictsIn(roleCard('CTO'));
    expect(conflicts).toHaveLength(2);
    const checkpoint = conflicts[0]!;
    expect(checkpoint).toHaveTextContent('Checkpoints for reaching this level');
    const [kept, other] = within(checkpoint).getAllByRole('radio') as [HTMLElement, HTMLElement];
    expect(kept).toBeChecked();
    expect(kept.closest('label')).toHaveTextContent(/Kept.*for 10\+ years\. 001_a79071d1db045453\.txt:306$/);
    expect(other.closest('label')).toHaveTextContent(/Other source.*for 3\+ years\. 000_8c1f8f3f73223611\.txt:414$/);
    expect(conflicts[1]).toHaveTextContent('Fact: Years of experience');
    expect(conflicts[1]).toHaveTextContent('roles/cto.json:4');

    await user.click(other);
    expect(other).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Import 2 roles' }));
    const apply = calls.find((c) => c.cmd === 'apply_import');
    expect(apply?.args).toEqual({
      id: REVIEW.id,
      decisions: { roles: { cto: 'merge', 'staff-engineer': 'add' }, take_other: { cto: [0] } },
    });
    const status = await screen.findByRole('status');
    expect(status).toHaveTextContent('Imported 2 roles into /data/roles.');
    expect(onImported).toHaveBeenCalledWith({ saved: ['cto', 'staff-engineer'], library_dir: '/data/roles' });
    await user.click(within(status).getByRole('button', { name: 'Staff Engineer' }));
    expect(onOpenRole).toHaveBeenCalledWith('staff-engineer');
  });

  it('offers only the conflicts of the chosen action and sends only those', async () => {
    const { calls, user, store } = await reviewed();
    const cto = roleCard('CTO');
    await user.click(within(conflictsIn(cto)[1]!).getAllByRole('radio')[1]!);
    expect(store.decisions().take_other).toEqual({ cto: [1] });

    await user.click(within(cto).getByRole('radio', { name: 'Replace' }));
    expect(conflictsIn(cto)).toHaveLength(1);
    expect(store.decisions().take_other).toEqual({});

    await user.click(within(cto).getByRole('radio', { name: /Keep the library/ }));
    expect(conflictsIn(cto)).toHaveLength(0);
    expect(cto.querySelector('.changes')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Import 1 role' }));
    const apply = calls.find((c) => c.cmd === 'apply_import');
    expect(apply?.args).toEqual({
      id: REVIEW.id,
      decisions: { roles: { cto: 'keep', 'staff-engineer': 'add' }, take_other: {} },
    });
  });

  it('shows a progress bar when planning takes longer than a moment, and can cancel', async () => {
    const { user, progress, finish, calls } = await setup({ hold: true });
    await user.click(screen.getByRole('button', { name: 'Choose files…' }));
    expect(screen.getByText('Reading the documents…')).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).toBeNull();
    const bar = await screen.findByRole('progressbar', { name: 'Files read' });
    progress(120, 340);
    await waitFor(() => expect(bar).toHaveAttribute('value', '120'));
    expect(bar).toHaveAttribute('max', '340');
    expect(screen.getByText('120 of 340 files')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(calls.map((c) => c.cmd)).toContain('cancel_import');
    expect(screen.getByRole('button', { name: 'Choose files…' })).toBeInTheDocument();
    finish();
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByTestId('import-summary')).toBeNull();
  });

  it('cancelling a review writes nothing', async () => {
    const { calls, user } = await reviewed();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(calls.map((c) => c.cmd)).toEqual(['choose_import_files', 'plan_import', 'cancel_import']);
    expect(screen.queryByTestId('import-summary')).toBeNull();
  });
});
