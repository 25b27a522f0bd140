// The app's keyboard shortcuts, in one place: one window listener, a table of shortcuts the "?"
// list shows, and hooks views register into (Ctrl+S saves or exports where a view says how).
//
//   const stop = registerKey('save', () => exportDraft());   // in a view's onMount / $effect
//   return stop;                                              // unregisters when the view goes
//
// The latest registration of an action wins, so the view on top handles it.

export type Action = 'palette' | 'shortcuts' | 'find' | 'save' | 'search';

export interface Shortcut {
  action: Action;
  /** What the "?" list shows, e.g. "Ctrl+K". */
  keys: string;
  description: string;
  /** Works while typing in a field (Ctrl shortcuts do; "?" and "/" do not). */
  inFields: boolean;
  matches: (e: KeyboardEvent) => boolean;
}

const ctrl = (key: string) => (e: KeyboardEvent) =>
  (e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === key;

export const SHORTCUTS: Shortcut[] = [
  { action: 'palette', keys: 'Ctrl+K', description: 'Command palette: open a role, compare, draft, import, theme', inFields: true, matches: ctrl('k') },
  { action: 'find', keys: 'Ctrl+F', description: 'Find in the open role', inFields: true, matches: ctrl('f') },
  { action: 'save', keys: 'Ctrl+S', description: 'Save or export, where the view offers it', inFields: true, matches: ctrl('s') },
  { action: 'search', keys: '/', description: 'Search the library', inFields: false, matches: (e) => e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey },
  { action: 'shortcuts', keys: '?', description: 'This list of shortcuts', inFields: false, matches: (e) => e.key === '?' && !e.ctrlKey && !e.metaKey && !e.altKey },
];

/** Keys handled where they are, listed in "?" for completeness. */
export const LOCAL_KEYS: { keys: string; description: string }[] = [
  { keys: '↓ ↑ Home End', description: 'Move through the role list, the palette and the compare picker' },
  { keys: 'Enter', description: 'Open the role or run the command chosen' },
  { keys: 'Esc', description: 'Close a dialog, clear a search' },
  { keys: 'Enter / Shift+Enter', description: 'Next / previous match in the find box' },
  { keys: 'Ctrl+Z / Ctrl+Shift+Z', description: 'Undo / redo in the role editor' },
  { keys: 'Enter (end of an item)', description: 'Role editor: add an item after it; Backspace in an empty item removes it' },
  { keys: 'Alt+↑ / Alt+↓', description: 'Role editor: move the item or section' },
];

/** True when the event comes from somewhere the user types text. */
export function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || typeof el.closest !== 'function') return false;
  const field = el.closest('input, textarea, select, [contenteditable]:not([contenteditable=false])');
  if (!field) return false;
  if (field instanceof HTMLInputElement) {
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(field.type);
  }
  return true;
}

type Handler = (e: KeyboardEvent) => void;
const handlers = new Map<Action, Handler[]>();
let installed = false;

/** Registers what `action` does while the caller is on screen; returns the unregister function.
 * The first registration installs the one window listener. */
export function registerKey(action: Action, handler: Handler): () => void {
  if (!installed) {
    window.addEventListener('keydown', dispatchKey);
    installed = true;
  }
  handlers.set(action, [...(handlers.get(action) ?? []), handler]);
  return () => {
    handlers.set(action, (handlers.get(action) ?? []).filter((h) => h !== handler));
  };
}

/** True when some view handles `action` now. */
export function handles(action: Action): boolean {
  return (handlers.get(action)?.length ?? 0) > 0;
}

/** The window's keydown handler: runs the newest handler of the first matching shortcut. */
export function dispatchKey(e: KeyboardEvent) {
  if (e.defaultPrevented || e.isComposing) return;
  const typing = isTyping(e.target);
  for (const s of SHORTCUTS) {
    if (!s.matches(e) || (typing && !s.inFields)) continue;
    const list = handlers.get(s.action) ?? [];
    const handler = list[list.length - 1];
    if (!handler) return;
    e.preventDefault();
    handler(e);
    return;
  }
}

/** Runs what `action` does now, as its key would (for the palette's commands). */
export function trigger(action: Action): boolean {
  const list = handlers.get(action) ?? [];
  const handler = list[list.length - 1];
  if (!handler) return false;
  handler(new KeyboardEvent('keydown'));
  return true;
}
