// Authoring across the app: new roles, delete with undo, the library folder, live reloads.
// One instance (`authoring`), wired to the library by AuthoringHost (rendered once in App).
import { authoringApi, toApiError } from '../api';
import { router } from '../router.svelte';
import type { Command } from '../palette';
import { RoleEditor } from './editor.svelte';

/** What the role page on screen offers to the palette (set while it is shown). */
export interface RolePageActions {
  id: string;
  title: string;
  edit: () => void;
  history: () => void;
  /** Deletes the role (after saving what the editor has on its way). */
  remove: () => Promise<void>;
}

export interface Toast {
  message: string;
  /** The toast's button ("Undo") and what it does. */
  action?: { label: string; run: () => Promise<void> | void };
}

const TOAST_MS = 10_000;

class Authoring {
  /** The "New role" dialog: open with the role it copies (null: from scratch). */
  newRole: { from: string | null; fromTitle: string | null } | null = $state(null);
  folderDialog = $state(false);
  folder: string | null = $state(null);
  toast: Toast | null = $state(null);
  page: RolePageActions | null = $state(null);
  /** Reloads the library list (set by AuthoringHost). */
  reload: () => Promise<void> = async () => {};
  /** True when the library lists the role (set by AuthoringHost). */
  has: (id: string) => boolean = () => false;

  /** Editors left with a conflict to resolve: the role page opens them again. */
  private editors = new Map<string, RoleEditor>();

  /** The editor of role `id`: the one left with a conflict, or a new one. */
  editorFor(id: string, delay: number): { editor: RoleEditor; resumed: boolean } {
    const kept = this.editors.get(id);
    if (kept) return { editor: kept, resumed: true };
    const editor = new RoleEditor(id, delay);
    editor.onSaved = () => void this.reload();
    void editor.load();
    return { editor, resumed: false };
  }

  /** Keeps an editor with an unresolved conflict for when its role is open again. */
  keepEditor(editor: RoleEditor) {
    if (editor.conflict) this.editors.set(editor.id, editor);
    else this.editors.delete(editor.id);
  }

  /** An editor with a conflict for role `id`, if one was left. */
  pendingConflict(id: string): boolean {
    return this.editors.get(id)?.conflict != null;
  }

  private toastTimer: ReturnType<typeof setTimeout> | null = null;
  private listeners = new Set<(ids: string[]) => void>();

  show(toast: Toast, ms = TOAST_MS) {
    if (this.toastTimer) clearTimeout(this.toastTimer);
    this.toast = toast;
    this.toastTimer = setTimeout(() => (this.toast = null), ms);
  }

  dismiss() {
    if (this.toastTimer) clearTimeout(this.toastTimer);
    this.toast = null;
  }

  /** Creates the role and opens it; the error's message when refused. */
  async create(title: string, from: string | null): Promise<string | null> {
    try {
      const made = await authoringApi.newRole(title, from);
      await this.reload();
      router.go({ view: 'role', id: made.role.id });
      return null;
    } catch (e) {
      return toApiError(e).message;
    }
  }

  /** Deletes the role at once; a toast offers to undo it for ten seconds. */
  async remove(id: string, title: string) {
    try {
      const { hash } = await authoringApi.roleVersion(id);
      await authoringApi.deleteRole(id, hash);
    } catch (e) {
      this.show({ message: `Not deleted: ${toApiError(e).message}` });
      return;
    }
    await this.reload();
    // Deleting the user's copy of a bundled role brings the bundled one back.
    const bundledShows = this.has(id);
    if (!bundledShows) router.go({ view: 'home' });
    this.show({
      message: bundledShows ? `Deleted your copy of ${title}; the bundled one shows again.` : `Deleted ${title}.`,
      action: {
        label: 'Undo',
        run: async () => {
          try {
            await authoringApi.restoreRole(id);
            this.dismiss();
            await this.reload();
            router.go({ view: 'role', id });
          } catch (e) {
            this.show({ message: `Not restored: ${toApiError(e).message}` });
          }
        },
      },
    });
  }

  async loadFolder() {
    this.folder = await authoringApi.libraryFolder().catch(() => null);
  }

  async chooseFolder() {
    try {
      const chosen = await authoringApi.chooseLibraryFolder();
      if (chosen) {
        this.folder = chosen;
        await this.reload();
      }
    } catch (e) {
      this.show({ message: `Folder not changed: ${toApiError(e).message}` });
    }
  }

  /** Hears of roles changed on disk (the role editor checks its own). */
  onChanged(listener: (ids: string[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Roles changed on disk: the library is read again, and the listeners told. */
  async changed(ids: string[]) {
    await this.reload();
    for (const listener of this.listeners) listener(ids);
  }
}

export const authoring = new Authoring();

/** The palette's authoring commands (those about a role when `here` is the role shown). */
export function authoringCommands(here: { id: string; title: string } | undefined): Command[] {
  const page = authoring.page && here && authoring.page.id === here.id ? authoring.page : null;
  return [
    ...(page
      ? [
          { id: 'edit-this', label: `Edit ${page.title}`, kind: 'Action' as const, keywords: 'change write author fix', run: () => page.edit() },
          { id: 'history-this', label: `History of ${page.title}`, kind: 'Action' as const, keywords: 'git commits versions changes', run: () => page.history() },
        ]
      : []),
    ...(here
      ? [
          { id: 'new-level', label: `New level from ${here.title}…`, kind: 'Action' as const, keywords: 'copy duplicate create role', run: () => (authoring.newRole = { from: here.id, fromTitle: here.title }) },
          { id: 'delete-this', label: `Delete ${here.title}`, detail: 'Undo for 10 seconds', kind: 'Action' as const, keywords: 'remove retire role', run: () => void (page ? page.remove() : authoring.remove(here.id, here.title)) },
        ]
      : []),
    { id: 'new-role', label: 'New role…', kind: 'Action', keywords: 'create add author write', run: () => (authoring.newRole = { from: null, fromTitle: null }) },
    { id: 'library-folder', label: 'Library folder…', detail: authoring.folder ?? undefined, kind: 'Action', keywords: 'settings choose directory git repository', run: () => (authoring.folderDialog = true) },
  ];
}
