// The UI's only door to Rust. Nothing else imports @tauri-apps/api; every type comes from the
// bindings generated from the Rust types (ui/src/lib/bindings/).
import { Channel, invoke } from '@tauri-apps/api/core';
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
import type { SectionNote } from './bindings/SectionNote';
import type { SourceContext } from './bindings/SourceContext';
import type { Decisions } from './bindings/Decisions';
import type { ImportProgress } from './bindings/ImportProgress';
import type { ImportResult } from './bindings/ImportResult';
import type { ImportReview } from './bindings/ImportReview';

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
  /** Two to six roles side by side, each against its left neighbour, with a summary on top.
   * Internal sections (`omitted` lists them) are left out unless `includeInternal`. */
  compareRoles: (ids: string[], includeInternal = false) =>
    call<MultiComparison>('compare_roles', { ids, includeInternal }),
  /** Saves the comparison through the native save dialog; the path written, or null if cancelled. */
  exportComparison: (ids: string[], format: OutputFormat, includeInternal = false) =>
    call<string | null>('export_comparison', { ids, format, includeInternal }),
  /** A source line in context (the document's own title, `radius` lines either side, default 3).
   * `file` is an item's `source.file` (or a document hash). */
  sourceContext: (file: string, line: number, radius?: number) =>
    call<SourceContext>('source_context', { file, line, radius: radius ?? null }),
  /** What some sections are; internal ones are for the hiring team, not published. */
  sectionNotes: () => call<SectionNote[]>('section_notes'),

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
