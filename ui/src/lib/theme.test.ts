import { afterEach, describe, expect, it, vi } from 'vitest';
import { ThemeStore, THEME_KEY } from './theme.svelte';

function fakeSystem(dark: boolean) {
  const listeners: ((e: { matches: boolean }) => void)[] = [];
  const query = { matches: dark, addEventListener: (_: string, l: (e: { matches: boolean }) => void) => listeners.push(l) };
  vi.stubGlobal('matchMedia', () => query);
  return (now: boolean) => {
    query.matches = now;
    listeners.forEach((l) => l({ matches: now }));
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.clear();
});

describe('ThemeStore', () => {
  it('follows the system until the user chooses, and remembers the choice', () => {
    const flip = fakeSystem(true);
    const store = new ThemeStore();
    expect(store.choice).toBe('system');
    expect(document.documentElement.dataset.theme).toBe('dark');
    flip(false);
    expect(document.documentElement.dataset.theme).toBe('light');

    store.set('dark');
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(localStorage.getItem(THEME_KEY)).toBe('dark');
    flip(false);
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(new ThemeStore().choice).toBe('dark');

    store.set('system');
    expect(localStorage.getItem(THEME_KEY)).toBeNull();
    expect(document.documentElement.dataset.theme).toBe('light');
  });

  it('ignores a stored value it does not know', () => {
    fakeSystem(false);
    localStorage.setItem(THEME_KEY, 'sepia');
    expect(new ThemeStore().choice).toBe('system');
    expect(document.documentElement.dataset.theme).toBe('light');
  });
});
