// The UI's only door to Rust. Nothing else imports @tauri-apps/api; every type comes from the
// bindings generated from the Rust types (ui/src/lib/bindings/).
import { invoke } from '@tauri-apps/api/core';
import type { ErrorKind } from './bindings/ErrorKind';
import type { IpcError } from './bindings/IpcError';
import type { LibraryView } from './bindings/LibraryView';
import type { MultiComparison } from './bindings/MultiComparison';
import type { OutputFormat } from './bindings/OutputFormat';
import type { Role } from './bindings/Role';

export type { ErrorKind, IpcError, LibraryView, MultiComparison, OutputFormat, Role };

/** A failed command, with the kind the UI reacts to. */
export class ApiError extends Error implements IpcError {
  readonly kind: ErrorKind;
  constructor(error: IpcError) {
    super(error.message);
    this.name = 'ApiError';
    this.kind = error.kind;
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
};
