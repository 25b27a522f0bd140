// The colour theme: the user's choice (System, Light, Dark), remembered in localStorage, and the
// theme in use, written to `<html data-theme>` where app.css picks the colour set. "System"
// follows prefers-color-scheme live (on Linux WebKitGTK reports the GTK theme there).

export type ThemeChoice = 'system' | 'light' | 'dark';
export type Theme = 'light' | 'dark';

export const THEME_KEY = 'rolecraft.theme';
export const THEME_CHOICES: { value: ThemeChoice; label: string }[] = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

function isChoice(v: unknown): v is ThemeChoice {
  return v === 'system' || v === 'light' || v === 'dark';
}

function stored(): ThemeChoice {
  try {
    const v = window.localStorage.getItem(THEME_KEY);
    return isChoice(v) ? v : 'system';
  } catch {
    return 'system';
  }
}

function systemQuery(): MediaQueryList | null {
  return typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : null;
}

export class ThemeStore {
  choice: ThemeChoice = $state(stored());
  systemDark = $state(systemQuery()?.matches ?? false);
  theme: Theme = $derived(this.choice === 'system' ? (this.systemDark ? 'dark' : 'light') : this.choice);

  constructor() {
    systemQuery()?.addEventListener('change', (e) => {
      this.systemDark = e.matches;
      this.apply();
    });
    this.apply();
  }

  set(choice: ThemeChoice) {
    this.choice = choice;
    try {
      if (choice === 'system') window.localStorage.removeItem(THEME_KEY);
      else window.localStorage.setItem(THEME_KEY, choice);
    } catch {
      // Storage may be unavailable: the choice still holds until the app closes.
    }
    this.apply();
  }

  apply() {
    document.documentElement.dataset.theme = this.theme;
  }
}

export const theme = new ThemeStore();
