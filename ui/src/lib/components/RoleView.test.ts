import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import RoleView from './RoleView.svelte';
import { item, role, ROLES } from '../testing';

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
      ['Sets the strategy.', 'ladder.txt:12'],
      ['Owns the budget.', 'ladder.txt:13'],
      ['Hires directors.', 'ladder.txt:20'],
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

  it('explains internal sections and a missing track, and shows where a role comes from', () => {
    const notes = role('x', 'Staff Engineer', null, {
      sections: [
        { key: 'page_notes', title: 'Page notes', items: [item('See also the IC path.', 90)] },
        { key: 'job_description_links', title: 'Job Description (Internal links)', items: [item('Staff JD', 80)] },
      ],
    });
    const { container } = render(RoleView, { role: notes, origin: 'user' });
    const pageNotes = container.querySelector('[data-section=page_notes]') as HTMLElement;
    expect(within(pageNotes).getByRole('heading', { level: 2 })).toHaveAttribute('title', expect.stringContaining('copied into every role'));
    expect(within(pageNotes).getByText(/copied into every role of that page/)).toBeVisible();
    const links = container.querySelector('[data-section=job_description_links]') as HTMLElement;
    expect(within(links).getByText(/company’s own job description pages/)).toBeInTheDocument();
    expect(screen.getByText('No track')).toHaveAttribute('title', 'The documents this role came from name no career track.');
    expect(screen.getByText('The documents this role came from name no career track.')).toBeInTheDocument();
    expect(screen.getByText('Yours')).toHaveAttribute('title', expect.stringContaining('your own library folder'));
  });

  it('shows no origin when the library does not say', () => {
    render(RoleView, { role: ROLES[2]! });
    expect(screen.queryByText('Yours')).toBeNull();
    expect(screen.queryByText('Bundled')).toBeNull();
  });
});
