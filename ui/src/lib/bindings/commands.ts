// Generated from the shell's command functions (src-tauri/command_list.rs) by
// `UPDATE_BINDINGS=1 cargo test -p rolecraft-app commands`. Do not edit.
import type { Channel } from '@tauri-apps/api/core';
import type { Decisions } from './Decisions';
import type { Deleted } from './Deleted';
import type { Draft } from './Draft';
import type { DraftPreview } from './DraftPreview';
import type { DraftSummary } from './DraftSummary';
import type { EditOutcome } from './EditOutcome';
import type { EditorOptions } from './EditorOptions';
import type { ExportFormat } from './ExportFormat';
import type { ImportProgress } from './ImportProgress';
import type { ImportResult } from './ImportResult';
import type { ImportReview } from './ImportReview';
import type { LibraryView } from './LibraryView';
import type { MultiComparison } from './MultiComparison';
import type { OutputFormat } from './OutputFormat';
import type { Report } from './Report';
import type { Role } from './Role';
import type { RoleEdit } from './RoleEdit';
import type { RoleHistory } from './RoleHistory';
import type { SearchResults } from './SearchResults';
import type { SectionNote } from './SectionNote';
import type { SourceContext } from './SourceContext';
import type { Versioned } from './Versioned';

/** Every command the page may invoke: its arguments and its result. */
export interface Commands {
  list_roles: { args: undefined; result: LibraryView };
  get_role: { args: { id: string }; result: Role };
  search_roles: { args: { query: string; limit: number | null }; result: SearchResults };
  startup_route: { args: undefined; result: string | null };
  compare_roles: { args: { ids: string[]; includeInternal: boolean | null }; result: MultiComparison };
  export_comparison: { args: { ids: string[]; format: OutputFormat; includeInternal: boolean | null }; result: string | null };
  source_context: { args: { file: string; line: number; radius: number | null }; result: SourceContext };
  section_notes: { args: undefined; result: SectionNote[] };
  editor_options: { args: undefined; result: EditorOptions };
  list_drafts: { args: undefined; result: DraftSummary[] };
  create_draft: { args: { roleId: string; template: string | null }; result: Draft };
  open_draft: { args: { id: string }; result: Draft };
  save_draft: { args: { draft: Draft }; result: Draft };
  duplicate_draft: { args: { id: string }; result: Draft };
  delete_draft: { args: { id: string }; result: null };
  preview_draft: { args: { draft: Draft }; result: DraftPreview };
  export_draft: { args: { draft: Draft; format: ExportFormat }; result: string | null };
  check_draft: { args: { draft: Draft }; result: Report };
  copy_draft: { args: { draft: Draft; format: ExportFormat }; result: null };
  switch_draft_item: { args: { draft: Draft; section: string; index: number; on: boolean }; result: Draft };
  edit_draft_item: { args: { draft: Draft; section: string; index: number; text: string | null }; result: Draft };
  switch_draft_section: { args: { draft: Draft; section: string; on: boolean }; result: Draft };
  move_draft_section: { args: { draft: Draft; section: string; by: number }; result: Draft };
  choose_import_files: { args: { folders: boolean }; result: string[] | null };
  plan_import: { args: { paths: string[]; onProgress: Channel<ImportProgress> }; result: ImportReview };
  apply_import: { args: { id: number; decisions: Decisions }; result: ImportResult };
  cancel_import: { args: undefined; result: null };
  set_aside_role_file: { args: { name: string }; result: string };
  reveal_library_file: { args: { name: string }; result: null };
  role_version: { args: { id: string }; result: Versioned };
  edit_role: { args: { id: string; edits: RoleEdit[]; baseHash: string }; result: EditOutcome };
  keep_role_version: { args: { id: string; hash: string; overHash: string }; result: EditOutcome };
  new_role: { args: { title: string; from: string | null }; result: Versioned };
  delete_role: { args: { id: string; baseHash: string }; result: Deleted };
  restore_role: { args: { id: string }; result: Versioned };
  role_history: { args: { id: string }; result: RoleHistory };
  role_at_revision: { args: { id: string; rev: string }; result: Role };
  library_folder: { args: undefined; result: string | null };
  choose_library_folder: { args: undefined; result: string | null };
}
