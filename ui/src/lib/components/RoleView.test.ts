import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { mockIPC } from '@tauri-apps/api/mocks';
import RoleView from './RoleView.svelte';
import { CTO_WITH_CONFLICT, item, mockLibrary, role, ROLES } from '../testing';

describe('RoleView', () => {
  it('shows every section with its items, sub-headings and sources', () => {
    const { container } = render(RoleView, { role: ROLES[2]! });
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('VP of Engineering');
    expect(screen.getByText('15+')).toBeInTheDocument();
    expect(screen.getByText('Years of experience')).toBeInTheDocument();

    const responsibilities = container.querySelector('[data-section=responsibilities]') as HTMLElement;
    expect(within(responsibilities).getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
      'Strategic responsibilities',
      'People',
    ]);
    const rows = [...responsibilities.querySelectorAll('.item')].map((li) => [
      li.querySelector('.item-text')?.textContent,
      li.querySelector('.source')?.textContent,
    ]);
    expect(rows).toEqual([
      ['Sets the strategy.', 'ladder.txt, line 12'],
      ['Owns the budget.', 'ladder.txt, line 13'],
      ['Hires directors.', 'ladder.txt, line 20'],
    ]);
    expect(screen.getByText('Can drive all internal and external communication.')).toBeInTheDocument();
    const sources = container.querySelector('.sources') as HTMLElement;
    expect(within(sources).getByText('ladder.txt')).toBeInTheDocument();
    expect(within(sources).getByText('Ladder page')).toBeInTheDocument();
    expect(within(sources).getByText('own page')).toBeInTheDocument();
  });

  it('shows SFIA skills and keeps framework text apart', () => {
    const sfia = role('vp-of-product', 'VP of Product', 'Product', {
      level: 7,
      skills: [
        {
          code: 'PROD',
          name: 'Product management',
          level: 7,
          category: 'Development and implementation',
          attainment: [item('Champions product management.', 30)],
          source: { file: 'sfia.txt', line: 28 },
        },
      ],
      context: [{ key: 'framework_overview', title: 'Framework Overview', items: [item('SFIA is a framework.', 5)] }],
    });
    const { container } = render(RoleView, { role: sfia });
    const skills = container.querySelector('[data-section=skills]') as HTMLElement;
    expect(within(skills).getByText('PROD')).toBeInTheDocument();
    expect(within(skills).getByText('Champions product management.')).toBeInTheDocument();
    expect(container.querySelector('details.context')).toHaveTextContent('SFIA is a framework.');
    expect(container.querySelector('details.context')).not.toHaveAttribute('open');
  });

  it('renders data as text, never as markup', () => {
    const evil = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>';
    const xss = role('x', evil, evil, {
      facts: { scope: evil },
      sections: [{ key: 'summary', title: evil, items: [item(evil, 1, evil)] }],
    });
    const { container } = render(RoleView, { role: xss });
    expect(container.querySelector('img, script')).toBeNull();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(evil);
    expect((window as unknown as { pwned?: number }).pwned).toBeUndefined();
  });

  it('finds words in the open role: marks them, counts them, steps through them (Ctrl+F)', async () => {
    const user = userEvent.setup();
    const { container } = render(RoleView, { role: ROLES[2]! });
    await user.keyboard('{Control>}f{/Control}');
    const box = screen.getByRole('searchbox', { name: 'Find in this role' });
    expect(box).toHaveFocus();
    await user.keyboard('str');
    const marks = () => [...container.querySelectorAll('mark')].map((m) => m.textContent);
    // At word starts: "Strategic responsibilities", "Sets the strategy."
    expect(marks()).toEqual(['Str', 'str']);
    expect(screen.getByText('2 matches')).toBeInTheDocument();
    await user.keyboard('{Enter}');
    expect(screen.getByText('1 of 2')).toBeInTheDocument();
    expect(container.querySelector('mark.current')).toHaveTextContent('Str');
    await user.keyboard('{Enter}');
    expect(screen.getByText('2 of 2')).toBeInTheDocument();
    await user.keyboard('{Shift>}{Enter}{/Shift}');
    expect(screen.getByText('1 of 2')).toBeInTheDocument();
    await user.clear(box);
    await user.type(box, 'budget');
    expect(marks()).toEqual(['budget']);
    await user.type(box, 'x');
    expect(marks()).toEqual([]);
    expect(screen.getByText('No match')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(box).toHaveValue('');
    expect(container.querySelector('mark')).toBeNull();
  });

  it('explains internal sections and a missing track, and shows where a role comes from', async () => {
    mockLibrary();
    const notes = role('x', 'Staff Engineer', null, {
      sections: [
        { key: 'page_notes', title: 'Page notes', items: [item('See also the IC path.', 90)] },
        { key: 'job_description_links', title: 'Job Description (Internal links)', items: [item('Staff JD', 80)] },
      ],
    });
    const { container } = render(RoleView, { role: notes, origin: 'user' });
    const pageNotes = container.querySelector('[data-section=page_notes]') as HTMLElement;
    expect(await within(pageNotes).findByText(/notes the source page keeps for its editors/)).toBeVisible();
    expect(within(pageNotes).getByRole('heading', { level: 2 })).toHaveTextContent(/^Page notes\s*1\s*internal$/);
    const links = container.querySelector('[data-section=job_description_links]') as HTMLElement;
    expect(within(links).getByText(/links to the hiring team's job description pages/)).toBeInTheDocument();
    expect(within(links).getByText('internal')).toBeInTheDocument();
    expect(screen.getByText('No track')).toHaveAttribute('title', 'The documents this role came from name no career track.');
    expect(screen.getByText('The documents this role came from name no career track.')).toBeInTheDocument();
    expect(screen.getByText('Yours')).toHaveAttribute('title', expect.stringContaining('your own library folder'));
  });

  it('shows no origin when the library does not say', () => {
    render(RoleView, { role: ROLES[2]! });
    expect(screen.queryByText('Yours')).toBeNull();
    expect(screen.queryByText('Bundled')).toBeNull();
  });

  describe('sources and conflicts', () => {
    const checkpoints = () => document.querySelector('[data-section=checkpoints]') as HTMLElement;

    it('names a source by its document title and line; items written here have none', () => {
      mockLibrary();
      render(RoleView, { role: CTO_WITH_CONFLICT });
      const sources = [...checkpoints().querySelectorAll('.item')].map((li) => li.querySelector('.source')?.textContent?.trim());
      expect(sources).toEqual(['CTO, line 306', 'CTO, line 307', '']);
      expect(within(checkpoints()).getAllByRole('button', { name: /line/ })).toHaveLength(2);
      expect(document.querySelector('.fact .fact-source')).toHaveTextContent('CTO, line 12');
      // No title: the file name.
      const untitled = { ...CTO_WITH_CONFLICT, sources: CTO_WITH_CONFLICT.sources.map((d) => ({ ...d, title: null })), conflicts: [] };
      render(RoleView, { role: untitled });
      expect(screen.getAllByRole('button', { name: '001_a79071d1db045453.txt, line 306' }).length).toBeGreaterThan(0);
    });

    it('opens the source line in context, the cited line marked, and closes with Escape', async () => {
      const calls = mockLibrary();
      const user = userEvent.setup();
      render(RoleView, { role: CTO_WITH_CONFLICT });
      const link = within(checkpoints()).getByRole('button', { name: 'CTO, line 306' });
      await user.click(link);
      const dialog = await screen.findByRole('dialog', { name: 'CTO' });
      expect(calls.find((c) => c.cmd === 'source_context')?.args).toEqual({ file: '001_a79071d1db045453.txt', line: 306, radius: 4 });
      await within(dialog).findByRole('list');
      const lines = [...dialog.querySelectorAll('li')].map((li) => li.getAttribute('data-line'));
      expect(lines).toEqual(['302', '303', '304', '305', '306', '307', '308', '309', '310']);
      const cited = dialog.querySelector('li[aria-current=true]') as HTMLElement;
      expect(cited).toHaveClass('cited');
      expect(cited).toHaveTextContent('306Cited line:- Has served as VP of Engineering, Sr Staff Engineer, or equivalent for 10+ years.');
      expect(dialog.querySelectorAll('li.cited')).toHaveLength(1);
      expect(dialog).toHaveTextContent('001_a79071d1db045453.txt · line 306');
      await user.keyboard('{Escape}');
      expect(screen.queryByRole('dialog')).toBeNull();
      expect(link).toHaveFocus();
    });

    it('says plainly when a source cannot be shown', async () => {
      mockLibrary();
      const user = userEvent.setup();
      const gone = role('x', 'Gone', null, { sections: [{ key: 'summary', title: 'Summary', items: [item('A line.', 4)] }] });
      gone.sections[0]!.items[0]!.source.file = 'removed.txt';
      render(RoleView, { role: gone });
      await user.click(screen.getByRole('button', { name: 'removed.txt, line 4' }));
      const dialog = await screen.findByRole('dialog', { name: 'removed.txt' });
      expect(await within(dialog).findByRole('alert')).toHaveTextContent('Cannot show this source: removed.txt: no document of that name or hash in the library');
      expect(dialog.querySelector('li')).toBeNull();
    });

    it('lists the conflicting statements and marks the item kept', async () => {
      mockLibrary();
      const user = userEvent.setup();
      render(RoleView, { role: CTO_WITH_CONFLICT });
      const note = screen.getByTestId('conflicts');
      expect(within(note).getByRole('heading', { level: 2 })).toHaveTextContent('1 conflicting statement between source documents');
      const entry = note.querySelector('[data-conflict="0"]') as HTMLElement;
      expect(entry).toHaveTextContent('Checkpoints');
      expect(entry.querySelector('.kept')).toHaveTextContent('Kept Has served as VP of Engineering, Sr Staff Engineer, or equivalent for 10+ years. CTO, line 306');
      expect(entry.querySelector('.other')).toHaveTextContent('Set aside Has served as VP of Engineering, Sr Staff Engineer, or equivalent for 3+ years. VP of Engineering, line 414');

      const marked = [...checkpoints().querySelectorAll('.item')].map((li) => li.classList.contains('conflicted'));
      expect(marked).toEqual([true, false, false]);
      await user.click(within(checkpoints()).getByRole('button', { name: 'sources disagree' }));
      expect(entry).toHaveFocus();
      // The other side's source opens too.
      await user.click(within(entry).getByRole('button', { name: 'VP of Engineering, line 414' }));
      const dialog = await screen.findByRole('dialog', { name: 'VP of Engineering' });
      await waitFor(() => expect(dialog.querySelector('li.cited')).toHaveTextContent('3+ years'));
    });

    it('shows source lines, titles and conflict texts as text, never as markup', async () => {
      const evil = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>';
      mockIPC((cmd, args) => {
        if (cmd === 'source_context') {
          const a = args as { file: string; line: number };
          return { title: evil, file: a.file, hash: 'sha256:00', line: a.line, lines: [{ n: a.line, text: evil }] };
        }
        return [];
      });
      const user = userEvent.setup();
      const bad = {
        ...CTO_WITH_CONFLICT,
        sources: CTO_WITH_CONFLICT.sources.map((d) => ({ ...d, title: evil })),
        conflicts: [{ ...CTO_WITH_CONFLICT.conflicts![0]!, other: { text: evil, source: { file: '000_8c1f8f3f73223611.txt', line: 414 } } }],
      };
      const { container } = render(RoleView, { role: bad });
      expect(screen.getByTestId('conflicts').querySelector('.other')).toHaveTextContent(evil);
      await user.click(within(checkpoints()).getAllByRole('button', { name: `${evil}, line 306` })[0]!);
      const dialog = await screen.findByRole('dialog');
      await waitFor(() => expect(dialog.querySelector('li.cited')).toHaveTextContent(evil));
      expect(within(dialog).getByRole('heading', { level: 2 })).toHaveTextContent(evil);
      expect(container.querySelector('img, script')).toBeNull();
      expect(document.querySelector('.source-dialog img, .source-dialog script')).toBeNull();
      expect((window as unknown as { pwned?: number }).pwned).toBeUndefined();
    });

    it('marks a fact the documents disagree about, and shows no note without conflicts', () => {
      mockLibrary();
      const fact = {
        ...CTO_WITH_CONFLICT,
        conflicts: [
          {
            role_id: 'cto',
            section: 'facts.years_of_experience',
            kept: { text: '20+', source: { file: '001_a79071d1db045453.txt', line: 12 } },
            other: { text: '15+', source: { file: '000_8c1f8f3f73223611.txt', line: 9 } },
          },
        ],
      };
      const { container, unmount } = render(RoleView, { role: fact });
      expect(container.querySelector('.fact.conflicted')).toHaveTextContent('Years of experience 20+ CTO, line 12 sources disagree');
      expect(screen.getByTestId('conflicts')).toHaveTextContent('Years of experience');
      expect(container.querySelector('.item.conflicted')).toBeNull();
      unmount();
      render(RoleView, { role: ROLES[2]! });
      expect(screen.queryByTestId('conflicts')).toBeNull();
    });
  });

  it('marks the words it was found by when opened from a search of its text', async () => {
    mockLibrary();
    const { container } = render(RoleView, { role: ROLES[2]!, find: 'budg' });
    await waitFor(() => expect(container.querySelector('mark')?.textContent?.toLowerCase()).toBe('budg'));
    expect(screen.getByRole('searchbox', { name: 'Find in this role' })).toHaveValue('budg');
  });
});
