// The UI's only door to Rust. Nothing else imports @tauri-apps/api; every type comes from the
// bindings generated from the Rust types (ui/src/lib/bindings/).
import { Channel, invoke } from '@tauri-apps/api/core';
import { listen } from '@tauri-apps/api/event';
import { getCurrentWebview } from '@tauri-apps/api/webview';
import type { Draft } from './bindings/Draft';
import type { DraftPreview } from './bindings/DraftPreview';
import type { DraftSummary } from './bindings/DraftSummary';
import type { EditorOptions } from './bindings/EditorOptions';
import type { ErrorKind } from './bindings/ErrorKind';
import type { ErrorLocation } from './bindings/ErrorLocation';
import type { IpcError } from './bindings/IpcError';
import type { LibraryView } from './bindings/LibraryView';
import type { MultiComparison } from './bindings/MultiComparison';
import type { OutputFormat } from './bindings/OutputFormat';
import type { Role } from './bindings/Role';
import type { Decisions } from './bindings/Decisions';
import type { ImportProgress } from './bindings/ImportProgress';
import type { ImportResult } from './bindings/ImportResult';
import type { ImportReview } from './bindings/ImportReview';
import type { Deleted } from './bindings/Deleted';
import type { EditConflict } from './bindings/EditConflict';
import type { EditOutcome } from './bindings/EditOutcome';
import type { ItemAt } from './bindings/ItemAt';
import type { LibraryChanged } from './bindings/LibraryChanged';
import type { Origin } from './bindings/Origin';
import type { RoleCommit } from './bindings/RoleCommit';
import type { RoleEdit } from './bindings/RoleEdit';
import type { RoleHistory } from './bindings/RoleHistory';
import type { Versioned } from './bindings/Versioned';

export type {
  Draft,
  DraftPreview,
  DraftSummary,
  EditorOptions,
  ErrorKind,
  ErrorLocation,
  IpcError,
  LibraryView,
  MultiComparison,
  OutputFormat,
  Role,
};

/** A failed command, with the kind the UI reacts to. */
export class ApiError extends Error implements IpcError {
  readonly kind: ErrorKind;
  readonly location?: ErrorLocation;
  constructor(error: IpcError) {
    super(error.message);
    this.name = 'ApiError';
    this.kind = error.kind;
    if (error.location) this.location = error.location;
  }
}

function isIpcError(e: unknown): e is IpcError {
  return typeof e === 'object' && e !== null && 'kind' in e && 'message' in e;
}

/** Any rejection as an ApiError: the shell's `{kind, message}`, or Tauri's own string errors. */
export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  if (isIpcError(e)) return new ApiError(e);
  return new ApiError({ kind: 'internal', message: e instanceof Error ? e.message : String(e) });
}

async function call<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (e) {
    throw toApiError(e);
  }
}

export const api = {
  listRoles: () => call<LibraryView>('list_roles'),
  getRole: (id: string) => call<Role>('get_role', { id }),
  /** The view asked for on the command line (`--open role/cto`), if any. */
  startupRoute: () => call<string | null>('startup_route'),
  /** Two to six roles side by side, each against its left neighbour. */
  compareRoles: (ids: string[]) => call<MultiComparison>('compare_roles', { ids }),
  /** Saves the comparison through the native save dialog; the path written, or null if cancelled. */
  exportComparison: (ids: string[], format: OutputFormat) =>
    call<string | null>('export_comparison', { ids, format }),

  /** Templates (re-read from the user's folder) and the posting fields with their labels. */
  editorOptions: () => call<EditorOptions>('editor_options'),
  listDrafts: () => call<DraftSummary[]>('list_drafts'),
  createDraft: (roleId: string, template: string | null) => call<Draft>('create_draft', { roleId, template }),
  openDraft: (id: string) => call<Draft>('open_draft', { id }),
  /** Autosave; returns the draft with its new `updated_at`. */
  saveDraft: (draft: Draft) => call<Draft>('save_draft', { draft }),
  duplicateDraft: (id: string) => call<Draft>('duplicate_draft', { id }),
  deleteDraft: (id: string) => call<null>('delete_draft', { id }),
  /** The outline and the HTML preview, rendered in Rust. */
  previewDraft: (draft: Draft) => call<DraftPreview>('preview_draft', { draft }),
  exportDraft: (draft: Draft, format: OutputFormat) => call<string | null>('export_draft', { draft, format }),
  copyDraft: (draft: Draft, rich: boolean) => call<null>('copy_draft', { draft, rich }),
  /** The draft with an item switched on or off (the core's `Draft::switch_item`). */
  switchDraftItem: (draft: Draft, section: string, index: number, on: boolean) =>
    call<Draft>('switch_draft_item', { draft, section, index, on }),
  /** The draft with an item's text set for this posting; null, a blank text or the library's own
   * text drops the edit (the core's `Draft::edit_item`). */
  editDraftItem: (draft: Draft, section: string, index: number, text: string | null) =>
    call<Draft>('edit_draft_item', { draft, section, index, text }),
};

export type { Decisions, ImportProgress, ImportResult, ImportReview };

/** Files dragged over the window: `hover` while they are over it, `drop` with their paths. */
export interface FileDropHandlers {
  hover: (over: boolean) => void;
  drop: (paths: string[]) => void;
}

/** Import: choose documents, plan in Rust (nothing written), apply the user's decisions. */
export const importApi = {
  /** The native open dialog for several files (or folders); null when closed. */
  chooseFiles: (folders: boolean) => call<string[] | null>('choose_import_files', { folders }),
  /** Reads and plans the import of `paths`, reporting progress; nothing is written yet. */
  plan: (paths: string[], onProgress: (p: ImportProgress) => void) =>
    call<ImportReview>('plan_import', { paths, onProgress: new Channel<ImportProgress>(onProgress) }),
  /** Saves the plan `id` into the user library following `decisions`. */
  apply: (id: number, decisions: Decisions) => call<ImportResult>('apply_import', { id, decisions }),
  /** Drops the pending plan (and the result of a planning run still going). */
  cancel: () => call<null>('cancel_import'),
  /** Renames a broken role file of the user library (by file name) to `NAME.json.broken-<time>`
   *  inside the library, so imports can go on; returns the new path. */
  setAside: (name: string) => call<string>('set_aside_role_file', { name }),
  /** Files dragged onto the window. Resolves to a function that stops listening. */
  onFileDrop: async (on: FileDropHandlers): Promise<() => void> =>
    getCurrentWebview().onDragDropEvent((event) => {
      const p = event.payload;
      if (p.type === 'drop') {
        on.hover(false);
        if (p.paths.length > 0) on.drop(p.paths);
      } else {
        on.hover(p.type !== 'leave');
      }
    }),
};

export type {
  Deleted,
  EditConflict,
  EditOutcome,
  ItemAt,
  LibraryChanged,
  Origin,
  RoleCommit,
  RoleEdit,
  RoleHistory,
  Versioned,
};

/** The event the shell emits when role files change on disk (CLI, an editor, `git pull`). */
export const LIBRARY_CHANGED = 'library-changed';

/**
 * Authoring: edit, create, delete roles; history from git; the library folder.
 *
 * Editing: `roleVersion(id)` gives the role and the hash of its file; `editRole(id, edits,
 * hash)` applies typed edits and saves, returning `{outcome: 'saved', role, hash, undo}` (keep
 * `undo` on the undo stack: undoing is `editRole(id, undo, hash)`, whose own `undo` is the redo)
 * or `{outcome: 'conflict', conflict: {mine, theirs}}` when the file changed on disk meanwhile.
 * Keep mine with `keepRoleVersion(id, mine.hash, theirs.hash)`; keeping theirs needs no call.
 */
export const authoringApi = {
  roleVersion: (id: string) => call<Versioned>('role_version', { id }),
  editRole: (id: string, edits: RoleEdit[], baseHash: string) =>
    call<EditOutcome>('edit_role', { id, edits, baseHash }),
  keepRoleVersion: (id: string, hash: string, overHash: string) =>
    call<EditOutcome>('keep_role_version', { id, hash, overHash }),
  /** A new role in the library folder, empty or copied from `from` ("new level from this one"). */
  newRole: (title: string, from: string | null) => call<Versioned>('new_role', { title, from }),
  /** Deletes the role's file if it is still version `baseHash`; `restoreRole` undoes it. */
  deleteRole: (id: string, baseHash: string) => call<Deleted>('delete_role', { id, baseHash }),
  restoreRole: (id: string) => call<Versioned>('restore_role', { id }),
  /** Commits that changed the role's file, newest first; rejects with kind `not_in_git` outside git. */
  roleHistory: (id: string) => call<RoleHistory>('role_history', { id }),
  /** The role at a git revision (id `ID@REV`); `api.compareRoles` takes `ID@REV` ids too. */
  roleAtRevision: (id: string, rev: string) => call<Role>('role_at_revision', { id, rev }),
  libraryFolder: () => call<string | null>('library_folder'),
  /** The native folder dialog; the folder is remembered and watched. Null when cancelled. */
  chooseLibraryFolder: () => call<string | null>('choose_library_folder'),
  /** Called with the ids of roles changed on disk. Resolves to a function that stops listening. */
  onLibraryChanged: async (handler: (ids: string[]) => void): Promise<() => void> =>
    listen<LibraryChanged>(LIBRARY_CHANGED, (event) => handler(event.payload.ids)),
};
