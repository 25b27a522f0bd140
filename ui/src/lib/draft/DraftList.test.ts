import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import DraftList from './DraftList.svelte';
import { DraftEditor } from './editor.svelte';
import type { RoleSummary } from '../api';
import { SUMMARIES } from '../testing';

/** A library of `n` generated roles after the bundled ones. */
function library(n: number): RoleSummary[] {
  const made = Array.from({ length: n }, (_, i) => ({
    id: `role-${i}`,
    title: `Data Specialist ${i}`,
    track: 'Data',
    level: 2,
  }));
  return [...SUMMARIES, ...made];
}

function setup(roles: RoleSummary[]) {
  const editor = new DraftEditor(vi.fn());
  render(DraftList, { editor, roles, id: null, suggestedRole: 'vp-of-engineering', onOpen: vi.fn() });
  return { user: userEvent.setup(), select: screen.getByRole('combobox', { name: 'Role' }) as HTMLSelectElement };
}

describe('DraftList', () => {
  it('lists every role of a small library, with no box to find one', () => {
    const { select } = setup(SUMMARIES);
    expect(select.options.length).toBe(SUMMARIES.length);
    expect(screen.queryByRole('searchbox')).toBeNull();
  });

  it('finds a role among thousands and lists only the first matches', async () => {
    const { user, select } = setup(library(5000));
    expect(select.options.length).toBeLessThanOrEqual(51);
    expect(select.value).toBe('vp-of-engineering');
    await user.type(screen.getByRole('searchbox', { name: 'Find a role for the draft' }), 'specialist 4321');
    expect(select.value).toBe('role-4321');
    expect([...select.options].map((o) => o.value)).toContain('role-4321');
    expect(select.options.length).toBeLessThanOrEqual(51);
    // Nothing matches: it says so, and the role chosen stays.
    await user.type(screen.getByRole('searchbox'), 'x');
    expect(screen.getByRole('status')).toHaveTextContent('No role matches “specialist 4321x”.');
    expect(select.value).toBe('role-4321');
  });
});
