import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import CompareView from './CompareView.svelte';
import { mockIPC } from '@tauri-apps/api/mocks';
import { COMPARISON, manySummaries, mockLibrary, ROLES, SECTION_NOTES, SUMMARIES, summaryOf, WIDE_COMPARISON } from '../testing';
import type { MultiComparison } from '../bindings/MultiComparison';
import { liveProps } from '../live-props.svelte';
import { flushSync } from 'svelte';

const IDS = ['director-of-engineering', 'vp-of-engineering', 'cto'];

async function setup(ids = IDS) {
  const calls = mockLibrary();
  const onChange = vi.fn();
  const view = render(CompareView, { roles: SUMMARIES, ids, onChange });
  if (ids.length >= 2) await screen.findAllByRole('columnheader');
  return { ...view, calls, onChange, user: userEvent.setup() };
}

function rowTexts(container: HTMLElement) {
  return [...container.querySelectorAll('.item-row')].map((row) =>
    [...row.querySelectorAll('.cell')].map((c) => `${c.getAttribute('data-status')}:${c.textContent?.trim()}`),
  );
}

describe('CompareView', () => {
  it('shows one column per role with rows aligned across them', async () => {
    const { container, calls } = await setup();
    expect(calls.find((c) => c.cmd === 'compare_roles')?.args).toEqual({ ids: IDS, includeInternal: false });
    const grid = screen.getByRole('table', { name: 'Comparison' });
    expect(within(grid).getAllByRole('columnheader').map((h) => h.querySelector('.col-title')?.textContent)).toEqual([
      'Director of Engineering',
      'VP of Engineering',
      'CTO',
    ]);
    expect(rowTexts(container)).toEqual([
      ['first:Manages managers and ICs.', 'changed:Manages managers and ICs.directors.', 'removed:not in this role'],
      ['first:Culture leadership.', 'same:Culture leadership.', 'same:Culture leadership.'],
      ['none:nothing here', 'added:Organizational design', 'same:Organizational design'],
    ]);
  });

  it('highlights the changed words', async () => {
    const { container } = await setup();
    const changed = container.querySelector('.item-row .cell.changed') as HTMLElement;
    expect(changed.querySelector('ins')).toHaveTextContent('directors.');
    expect(changed.querySelector('del')).toHaveTextContent('ICs.');
    const fact = container.querySelector('[data-fact=years_of_experience] .cell.changed') as HTMLElement;
    expect(fact.querySelector('ins')).toHaveTextContent('20+');
  });

  it('shows per-section counts against the left neighbour', async () => {
    const { container } = await setup();
    const counts = [...container.querySelectorAll('[data-section-counts=scope_of_knowledge] .count-cell')].map((c) =>
      [...c.querySelectorAll('.count')].map((n) => n.textContent).join(', '),
    );
    expect(counts).toEqual(['2 items', '1 same, 1 changed, 1 added', '2 same, 1 removed']);
  });

  it('hides unchanged rows with "differences only"', async () => {
    const { container, user } = await setup();
    await user.click(screen.getByLabelText('Differences only'));
    expect(rowTexts(container).map((r) => r[0])).toEqual(['first:Manages managers and ICs.', 'none:nothing here']);
    expect(screen.getByText('1 unchanged rows hidden')).toBeInTheDocument();
  });

  it('exports through the shell and says where the file went', async () => {
    const { calls, user } = await setup();
    await user.click(screen.getByRole('button', { name: 'Export HTML…' }));
    expect(calls.find((c) => c.cmd === 'export_comparison')?.args).toEqual({ ids: IDS, format: 'html', includeInternal: false });
    expect(await screen.findByRole('status')).toHaveTextContent('Saved to /tmp/out.html');
  });

  it('asks for roles when fewer than two are chosen, and adds them from the keyboard', async () => {
    const { calls, onChange, user } = await setup(['cto']);
    expect(screen.getByText(/Pick two to six roles/)).toBeInTheDocument();
    expect(calls.some((c) => c.cmd === 'compare_roles')).toBe(false);
    await user.type(screen.getByRole('combobox'), 'vp');
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual([
      'VP of EngineeringPeople Manager Path',
      'VP of ProductProduct',
    ]);
    await user.keyboard('{ArrowDown}{Enter}');
    expect(onChange).toHaveBeenLastCalledWith(['cto', 'vp-of-product']);
  });

  it('removes the last role with Backspace and reorders with the move button', async () => {
    const { onChange, user } = await setup();
    await user.click(screen.getByRole('combobox'));
    await user.keyboard('{Backspace}');
    expect(onChange).toHaveBeenLastCalledWith(['director-of-engineering', 'vp-of-engineering']);
    await user.click(screen.getByRole('button', { name: 'Move CTO left' }));
    expect(onChange).toHaveBeenLastCalledWith(['director-of-engineering', 'cto', 'vp-of-engineering']);
  });

  it('takes at most six roles', async () => {
    const six = [...ROLES, ...ROLES.slice(0, 2)].map((r, i) => ({ ...r, id: `${r.id}-${i}` }));
    mockLibrary(six);
    render(CompareView, { roles: six.map(summaryOf), ids: six.map((r) => r.id), onChange: vi.fn() });
    expect(screen.getByText('6 roles: remove one to add another')).toBeInTheDocument();
    expect(screen.queryByRole('combobox')).toBeNull();
  });

  it('lists at most fifty roles to pick from, and says how many more there are', async () => {
    mockLibrary();
    render(CompareView, { roles: manySummaries(10_000), ids: [], onChange: vi.fn() });
    await userEvent.setup().click(screen.getByRole('combobox'));
    expect(screen.getAllByRole('option')).toHaveLength(50);
    expect(screen.getByText('50 of 10000 shown: type more to narrow.')).toBeInTheDocument();
  });

  it('offers the ladder from three roles on', async () => {
    await setup(IDS.slice(0, 2));
    expect(screen.getByRole('button', { name: 'Ladder' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Side by side' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('switches to the ladder: per rung only what is new or changed, and apart what every role shares', async () => {
    const onLadder = vi.fn();
    mockLibrary();
    const { container } = render(CompareView, { roles: SUMMARIES, ids: IDS, onChange: vi.fn(), onLadder });
    await screen.findAllByRole('columnheader');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Ladder' }));
    expect(onLadder).toHaveBeenLastCalledWith(true);
    expect(screen.getByRole('button', { name: 'Ladder' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByLabelText('Differences only')).toBeDisabled();

    const shared = screen.getByTestId('ladder-shared');
    expect([...shared.querySelectorAll('.shared-item')].map((li) => li.textContent)).toEqual(['Culture leadership.']);
    expect(screen.getByRole('table', { name: 'Ladder' })).not.toHaveTextContent('Culture leadership.');

    const headers = screen.getAllByRole('columnheader');
    expect(headers.map((h) => h.querySelector('.rung-title')?.textContent)).toEqual(['Director of Engineering', 'VP of Engineering', 'CTO']);
    expect(headers[1]).toHaveTextContent('vs Director of Engineering');
    expect(headers[1]).toHaveTextContent('1 new · 1 changed');

    const scope = (role: string) => container.querySelector(`.rung-cell[data-role-id=${role}][data-section=scope_of_knowledge]`) as HTMLElement;
    const entries = (role: string) => [...scope(role).querySelectorAll('.entry')].map((e) => `${e.getAttribute('data-status')}:${e.textContent}`);
    expect(entries('director-of-engineering')).toEqual(['added:Manages managers and ICs.']);
    expect(entries('vp-of-engineering')).toEqual(['changed:Manages managers and ICs.directors.', 'added:Organizational design']);
    expect(scope('vp-of-engineering').querySelector('.changed ins')).toHaveTextContent('directors.');
    expect(scope('vp-of-engineering').querySelector('.changed del')).toHaveTextContent('ICs.');
    expect(scope('vp-of-engineering')).toHaveTextContent('1 kept');
    expect(scope('cto')).toHaveTextContent('nothing new');
    const fact = container.querySelector('.rung-cell[data-role-id=cto] [data-fact=years_of_experience]') as HTMLElement;
    expect(fact.querySelector('ins')).toHaveTextContent('20+');
    expect(screen.getByText(/Rungs in the order picked/)).toBeInTheDocument();
  });

  it('lists what a rung does not carry over from the rung below', async () => {
    const ladder = structuredClone(COMPARISON.ladder);
    ladder.steps[2]!.not_carried_over.facts.push({ key: 'scope', value: 'Organization' });
    mockLibrary(undefined, null, { comparison: { ...COMPARISON, ladder } });
    const { container } = render(CompareView, { roles: SUMMARIES, ids: IDS, onChange: vi.fn(), ladder: true });
    await screen.findByTestId('ladder');
    const cto = container.querySelector('.rung-cell[data-role-id=cto][data-section=scope_of_knowledge]') as HTMLElement;
    const dropped = within(cto).getByTestId('not-carried-over');
    expect(dropped).toHaveTextContent('Not carried over from VP of Engineering');
    expect([...dropped.querySelectorAll('.entry')].map((e) => `${e.getAttribute('data-status')}:${e.textContent}`)).toEqual([
      'removed:Manages managers and directors.',
    ]);
    expect(container.querySelector('.rung-cell[data-role-id=cto] [data-fact=scope][data-status=removed]')).toHaveTextContent('Scope: Organization');
    const header = within(screen.getByRole('table', { name: 'Ladder' })).getAllByRole('columnheader')[2]!;
    expect(header).toHaveTextContent('0 new · 1 changed · 2 not carried over');
    expect(container.querySelector('.rung-cell[data-role-id=vp-of-engineering] [data-testid=not-carried-over]')).toBeNull();
  });

  it('says when the rungs are ordered by level', async () => {
    mockIPC((cmd) => (cmd === 'compare_roles' ? { ...COMPARISON, ladder: { ...COMPARISON.ladder, by_level: true } } : null));
    render(CompareView, { roles: SUMMARIES, ids: IDS, onChange: vi.fn(), ladder: true });
    expect(await screen.findByText(/Rungs by level, lowest first/)).toBeInTheDocument();
  });

  it('opens on the ladder when asked and goes back to the columns', async () => {
    const onLadder = vi.fn();
    mockLibrary();
    const { container } = render(CompareView, { roles: SUMMARIES, ids: IDS, onChange: vi.fn(), ladder: true, onLadder });
    await screen.findByTestId('ladder');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Side by side' }));
    expect(onLadder).toHaveBeenLastCalledWith(false);
    expect(screen.queryByTestId('ladder')).toBeNull();
    expect(container.querySelectorAll('.item-row')).toHaveLength(3);
  });

  it('shows the error the shell gives', async () => {
    const { rerender } = await setup();
    await rerender({ ids: ['director-of-engineering', 'nope'] });
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('no role "nope" in the library'));
    expect(screen.queryAllByRole('columnheader')).toHaveLength(0);
  });

  describe('at a glance', () => {
    async function wide() {
      const calls = mockLibrary(undefined, null, { comparison: WIDE_COMPARISON });
      const view = render(CompareView, { roles: SUMMARIES, ids: IDS, onChange: vi.fn() });
      await screen.findByTestId('compare-summary');
      return { ...view, calls, user: userEvent.setup() };
    }
    const summaryRows = () =>
      [...screen.getByTestId('compare-summary').querySelectorAll('tbody tr')].map((tr) =>
        [...tr.querySelectorAll('th, td')].map((c) => c.textContent?.replace(/\s+/g, ' ').trim()),
      );

    it('sums up what changes from role to role, the biggest change first', async () => {
      await wide();
      expect(screen.getByRole('heading', { name: 'What changes from Director of Engineering to VP of Engineering to CTO' })).toBeInTheDocument();
      expect([...screen.getByTestId('compare-summary').querySelectorAll('thead th')].map((th) => th.textContent)).toEqual([
        'Section',
        'VP of Engineering vs Director of Engineering',
        'CTO vs VP of Engineering',
      ]);
      expect(summaryRows()).toEqual([
        ['Scope of knowledge', '=1 same~1 changed+1 added', '=2 same−1 removed'],
        ['Role Description', '~1 changed', '~1 changed'],
        ['Responsibilities no change', '=2 same', '=2 same'],
      ]);
      expect(screen.getByTestId('compare-summary').querySelector('tfoot')).toHaveTextContent('All sections');
    });

    it('jumps from a summary row to its section, even one "differences only" hides', async () => {
      const { container, user } = await wide();
      const scrolled: string[] = [];
      Element.prototype.scrollIntoView = function (this: Element) {
        scrolled.push(this.getAttribute('data-section') ?? '');
      };
      await user.click(screen.getByRole('button', { name: 'Role Description' }));
      expect(scrolled).toEqual(['summary']);
      expect(container.querySelector('.section-title[data-section=summary] h2')).toHaveFocus();

      await user.click(screen.getByLabelText('Differences only'));
      expect(container.querySelector('.section-title[data-section=responsibilities]')).toBeNull();
      await user.click(screen.getByRole('button', { name: 'Responsibilities' }));
      expect(screen.getByLabelText('Differences only')).not.toBeChecked();
      expect(scrolled).toEqual(['summary', 'responsibilities']);
    });

    it('hides every unchanged row across three roles with "differences only"', async () => {
      const { container, user } = await wide();
      expect(container.querySelectorAll('.item-row')).toHaveLength(6);
      await user.click(screen.getByLabelText('Differences only'));
      const left = [...container.querySelectorAll('.item-row')].map((r) => r.querySelector('.cell')?.textContent?.trim());
      expect(left).toEqual(['Leads a group of teams.', 'Manages managers and ICs.', 'nothing here']);
      expect(container.querySelector('[data-section=responsibilities]')).toBeNull();
      expect(container.querySelector('[data-fact=scope]')).toBeNull();
      expect(container.querySelector('[data-fact=years_of_experience]')).not.toBeNull();
      expect(screen.getByText('3 unchanged rows hidden')).toBeInTheDocument();
    });

    it('leaves internal sections out, says how many, and compares them on request', async () => {
      const { calls, container, rerender, user } = await wide();
      expect(container.querySelector('[data-section=page_notes]')).toBeNull();
      const toggle = screen.getByLabelText('Include internal sections (1 left out)');
      await user.click(toggle);
      await waitFor(() => expect(container.querySelector('.section-title[data-section=page_notes]')).not.toBeNull());
      expect(calls.filter((c) => c.cmd === 'compare_roles').map((c) => (c.args as { includeInternal: boolean }).includeInternal)).toEqual([false, true]);
      expect(screen.getByLabelText('Include internal sections (1)')).toBeChecked();
      const heading = container.querySelector('.section-title[data-section=page_notes] h2') as HTMLElement;
      await waitFor(() => expect(heading).toHaveTextContent('Page notes internal'));
      expect(container.querySelector('.section-title[data-section=page_notes]')).toHaveTextContent(/notes the source page keeps for its editors/);
      await user.click(screen.getByRole('button', { name: 'Export Markdown…' }));
      expect(calls.find((c) => c.cmd === 'export_comparison')?.args).toEqual({ ids: IDS, format: 'md', includeInternal: true });
      // Other roles: still compared with their internal sections, the switch still on.
      await rerender({ ids: IDS.slice(0, 2) });
      await waitFor(() => expect(calls.filter((c) => c.cmd === 'compare_roles')).toHaveLength(3));
      expect(calls.filter((c) => c.cmd === 'compare_roles')[2]?.args).toEqual({ ids: IDS.slice(0, 2), includeInternal: true });
      await waitFor(() => expect(screen.getByLabelText('Include internal sections (1)')).toBeChecked());
    });

    it('says when a section was too big to pair optimally', async () => {
      await wide();
      expect(screen.getByTestId('approximate')).toHaveTextContent('paired greedily by similarity, not optimally');
    });

    it('asks for nothing internal when no role has such a section', async () => {
      mockLibrary(undefined, null, { comparison: { ...COMPARISON, omitted: [] } });
      render(CompareView, { roles: SUMMARIES, ids: IDS, onChange: vi.fn() });
      await screen.findByTestId('compare-summary');
      expect(screen.queryByLabelText(/Include internal sections/)).toBeNull();
      expect(screen.queryByTestId('approximate')).toBeNull();
    });
  });

  describe('after the library reloads', () => {
    /** COMPARISON with the Director's first item reading `text`. */
    function comparisonSaying(text: string): MultiComparison {
      const c = structuredClone(COMPARISON);
      c.sections[0]!.rows[0]!.cells[0] = { status: null, text, words: null };
      return c;
    }

    /** compare_roles answering only when the test says so, in the order asked. */
    function heldComparisons() {
      const waiting: ((c: MultiComparison) => void)[] = [];
      mockIPC((cmd) => {
        if (cmd === 'section_notes') return SECTION_NOTES;
        if (cmd === 'compare_roles') return new Promise<MultiComparison>((answer) => waiting.push(answer));
        throw { kind: 'internal', message: `unmocked command ${cmd}` };
      });
      return waiting;
    }

    const firstCell = (container: HTMLElement) => rowTexts(container)[0]?.[0];

    it('compares again and shows the text as it is now', async () => {
      const waiting = heldComparisons();
      const props = liveProps({ roles: SUMMARIES, ids: IDS, onChange: vi.fn(), generation: 1 });
      const view = render(CompareView, { props });
      await waitFor(() => expect(waiting).toHaveLength(1));
      waiting[0]!(comparisonSaying('Manages managers and ICs.'));
      await waitFor(() => expect(firstCell(view.container)).toBe('first:Manages managers and ICs.'));

      // A role was edited and saved: the library loads again.
      flushSync(() => (props.generation = 2));
      await waitFor(() => expect(waiting).toHaveLength(2));
      waiting[1]!(comparisonSaying('Manages managers, ICs and contractors.'));
      await waitFor(() => expect(firstCell(view.container)).toBe('first:Manages managers, ICs and contractors.'));
    });

    it('keeps the latest comparison when an older one answers late', async () => {
      const waiting = heldComparisons();
      const props = liveProps({ roles: SUMMARIES, ids: IDS, onChange: vi.fn(), generation: 1 });
      const view = render(CompareView, { props });
      await waitFor(() => expect(waiting).toHaveLength(1));
      flushSync(() => (props.generation = 2));
      await waitFor(() => expect(waiting).toHaveLength(2));
      waiting[1]!(comparisonSaying('The text after the edit.'));
      await waitFor(() => expect(firstCell(view.container)).toBe('first:The text after the edit.'));
      waiting[0]!(comparisonSaying('The text before the edit.'));
      await new Promise((r) => setTimeout(r, 20));
      expect(firstCell(view.container)).toBe('first:The text after the edit.');
    });
  });

  it('marks entries edited in Rolecraft, with their imported text a click away', async () => {
    const comparison = structuredClone(COMPARISON);
    const row = comparison.sections[0]!.rows.find((r) => r.cells[1]?.text);
    const cell = row!.cells[1]!;
    cell.origin = { kind: 'edited', at: '2026-12-01T23:50:00Z', imported_text: 'Stretegic thinking.' };
    mockLibrary(ROLES, null, { comparison });
    render(CompareView, { roles: SUMMARIES, ids: IDS, onChange: vi.fn() });
    const mark = await screen.findByRole('button', { name: 'edited' });
    await userEvent.setup().click(mark);
    expect(screen.getByText('Stretegic thinking.')).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: 'edited' })).toHaveLength(1);
  });
});
