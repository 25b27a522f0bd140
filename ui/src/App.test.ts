import { describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from './App.svelte';
import { mockLibrary } from './lib/testing';

describe('App', () => {
  it('loads the library, opens the first role, and opens another on click', async () => {
    const calls = mockLibrary();
    render(App);
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('CTO'));
    expect(window.location.hash).toBe('#/role/cto');
    await userEvent.setup().click(screen.getByRole('button', { name: 'VP of Engineering' }));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('VP of Engineering');
    expect(screen.getByText('Can drive all internal and external communication.')).toBeInTheDocument();
    expect(calls.map((c) => c.cmd)).toEqual(['list_roles', 'startup_route']);
  });

  it('opens the view given on the command line', async () => {
    mockLibrary(undefined, 'role/vp-of-product');
    render(App);
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('VP of Product'));
  });
});
