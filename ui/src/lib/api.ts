// The UI's only door to Rust. Nothing else imports @tauri-apps/api; every type comes from the
// bindings generated from the Rust types (ui/src/lib/bindings/).
import { Channel, invoke } from '@tauri-apps/api/core';
import { listen } from '@tauri-apps/api/event';
import { getCurrentWebview } from '@tauri-apps/api/webview';
import type { Commands } from './bindings/commands';
import type { Draft } from './bindings/Draft';
import type { DraftPreview } from './bindings/DraftPreview';
import type { DraftSummary } from './bindings/DraftSummary';
import type { EditorOptions } from './bindings/EditorOptions';
import type { ErrorKind } from './bindings/ErrorKind';
import type { ErrorLocation } from './bindings/ErrorLocation';
import type { IpcError } from './bindings/IpcError';
import type { LibraryView } from './bindings/LibraryView';
import type { MultiComparison } from './bindings/MultiComparison';
import type { ExportFormat } from './bindings/ExportFormat';
import type { OutputFormat } from './bindings/OutputFormat';
import type { Report } from './bindings/Report';
import type { Role } from './bindings/Role';
import type { RoleSummary } from './bindings/RoleSummary';
import type { SearchResults } from './bindings/SearchResults';
import type { SectionNote } from './bindings/SectionNote';
import type { SourceContext } from './bindings/SourceContext';
import type { Decisions } from './bindings/Decisions';
import type { ImportProgress } from './bindings/ImportProgress';
import type { ImportResult } from './bindings/ImportResult';
import type { ImportReview } from './bindings/ImportReview';
import type { Deleted } from './bindings/Deleted';
import type { EditConflict } from './bindings/EditConflict';
import type { EditOutcome } from './bindings/EditOutcome';
import type { ItemAt } from './bindings/ItemAt';
import type { LibraryChanged } from './bindings/LibraryChanged';
import type { ItemOrigin } from './bindings/ItemOrigin';
import type { RoleOrigin } from './bindings/RoleOrigin';
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
  ExportFormat,
  OutputFormat,
  Report,
  Role,
  RoleSummary,
  SearchResults,
  SectionNote,
  SourceContext,
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

/** Every command with its arguments and result, generated from the Rust functions. */
type Args<C extends keyof Commands> = Commands[C]['args'];

async function call<C extends keyof Commands>(
  cmd: C,
  ...args: Args<C> extends undefined ? [] : [Args<C>]
): Promise<Commands[C]['result']> {
  try {
    return await invoke<Commands[C]['result']>(cmd, args[0]);
  } catch (e) {
    throw toApiError(e);
  }
}

export const api = {
  /** Every role's summary (id, title, track, level): bodies stay in the shell. */
  listRoles: () => call('list_roles'),
  /** One role in full. */
  getRole: (id: string) => call('get_role', { id }),
  /** Roles holding every word of `query` at a word start (titles first), with matching items. */
  searchRoles: (query: string, limit?: number) => call('search_roles', { query, limit: limit ?? null }),
  /** The view asked for on the command line (`--open role/cto`), if any. */
  startupRoute: () => call('startup_route'),
  /** Two to six roles side by side, each against its left neighbour, with a summary on top.
   * Internal sections (`omitted` lists them) are left out unless `includeInternal`. */
  compareRoles: (ids: string[], includeInternal = false) =>
    call('compare_roles', { ids, includeInternal }),
  /** Saves the comparison through the native save dialog; the path written, or null if cancelled. */
  exportComparison: (ids: string[], format: OutputFormat, includeInternal = false) =>
    call('export_comparison', { ids, format, includeInternal }),
  /** A source line in context (the document's own title, `radius` lines either side, default 3).
   * `file` is an item's `source.file` (or a document hash). */
  sourceContext: (file: string, line: number, radius?: number) =>
    call('source_context', { file, line, radius: radius ?? null }),
  /** What some sections are; internal ones are for the hiring team, not published. */
  sectionNotes: () => call('section_notes'),

  /** Templates (re-read from the user's folder) and the posting fields with their labels. */
  editorOptions: () => call('editor_options'),
  listDrafts: () => call('list_drafts'),
  createDraft: (roleId: string, template: string | null) => call('create_draft', { roleId, template }),
  openDraft: (id: string) => call('open_draft', { id }),
  /** Autosave; returns the draft with its new `updated_at`. */
  saveDraft: (draft: Draft) => call('save_draft', { draft }),
  duplicateDraft: (id: string) => call('duplicate_draft', { id }),
  deleteDraft: (id: string) => call('delete_draft', { id }),
  /** The outline and the HTML preview, rendered in Rust. */
  previewDraft: (draft: Draft) => call('preview_draft', { draft }),
  /** Markdown, HTML document or fragment, plain text, JSON-LD or Word, through the save dialog. */
  exportDraft: (draft: Draft, format: ExportFormat) => call('export_draft', { draft, format }),
  /** The posting checks' findings on the draft as rendered now. */
  checkDraft: (draft: Draft) => call('check_draft', { draft }),
  /** To the clipboard as Markdown (`md`), rich text (`html`) or plain text (`text`). */
  copyDraft: (draft: Draft, format: 'md' | 'html' | 'text') => call('copy_draft', { draft, format }),
  /** The draft with an item switched on or off (the core's `Draft::switch_item`). */
  switchDraftItem: (draft: Draft, section: string, index: number, on: boolean) =>
    call('switch_draft_item', { draft, section, index, on }),
  /** The draft with an item's text set for this posting; null, a blank text or the library's own
   * text drops the edit (the core's `Draft::edit_item`). */
  editDraftItem: (draft: Draft, section: string, index: number, text: string | null) =>
    call('edit_draft_item', { draft, section, index, text }),
  /** The draft with a section put into the posting or taken out (the core's `Draft::switch_section`). */
  switchDraftSection: (draft: Draft, section: string, on: boolean) =>
    call('switch_draft_section', { draft, section, on }),
  /** The draft with a chosen section moved up (-1) or down (1) (the core's `Draft::move_section`). */
  moveDraftSection: (draft: Draft, section: string, by: -1 | 1) =>
    call('move_draft_section', { draft, section, by }),
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
  chooseFiles: (folders: boolean) => call('choose_import_files', { folders }),
  /** Reads and plans the import of `paths`, reporting progress; nothing is written yet. */
  plan: (paths: string[], onProgress: (p: ImportProgress) => void) =>
    call('plan_import', { paths, onProgress: new Channel<ImportProgress>(onProgress) }),
  /** Saves the plan `id` into the user library following `decisions`. */
  apply: (id: number, decisions: Decisions) => call('apply_import', { id, decisions }),
  /** Drops the pending plan (and the result of a planning run still going). */
  cancel: () => call('cancel_import'),
  /** Renames a broken role file of the user library (by file name) to `NAME.json.broken-<time>`
   *  inside the library, so imports can go on; returns the new path. */
  setAside: (name: string) => call('set_aside_role_file', { name }),
  /** Shows a file of the user library (by file name) in the system's file manager. */
  revealLibraryFile: (name: string) => call('reveal_library_file', { name }),
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
  ItemOrigin,
  RoleOrigin,
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
  roleVersion: (id: string) => call('role_version', { id }),
  editRole: (id: string, edits: RoleEdit[], baseHash: string) =>
    call('edit_role', { id, edits, baseHash }),
  keepRoleVersion: (id: string, hash: string, overHash: string) =>
    call('keep_role_version', { id, hash, overHash }),
  /** A new role in the library folder, empty or copied from `from` ("new level from this one"). */
  newRole: (title: string, from: string | null) => call('new_role', { title, from }),
  /** Deletes the role's file if it is still version `baseHash`; `restoreRole` undoes it. */
  deleteRole: (id: string, baseHash: string) => call('delete_role', { id, baseHash }),
  restoreRole: (id: string) => call('restore_role', { id }),
  /** Commits that changed the role's file, newest first; rejects with kind `not_in_git` outside git. */
  roleHistory: (id: string) => call('role_history', { id }),
  /** The role at a git revision (id `ID@REV`); `api.compareRoles` takes `ID@REV` ids too. */
  roleAtRevision: (id: string, rev: string) => call('role_at_revision', { id, rev }),
  libraryFolder: () => call('library_folder'),
  /** The native folder dialog; the folder is remembered and watched. Null when cancelled. */
  chooseLibraryFolder: () => call('choose_library_folder'),
  /** Called with the ids of roles changed on disk. Resolves to a function that stops listening. */
  onLibraryChanged: async (handler: (ids: string[]) => void): Promise<() => void> =>
    listen<LibraryChanged>(LIBRARY_CHANGED, (event) => handler(event.payload.ids)),
};
