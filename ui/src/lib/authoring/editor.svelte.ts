// The role editor's state: the role as the user sees it, the edits on their way to the shell,
// undo and redo, the save status and a conflict when the file changed on disk meanwhile.
//
// Every change is a list of RoleEdits. They are shown at once (applied locally) and saved after
// a pause (`delay`), in order, one call at a time, each based on the hash the previous save
// returned. A save returns `undo` (the edits that undo it); undoing sends them, and the undo
// of an undo is the redo. A conflict stops the saving until the user chooses a version.
import { authoringApi, toApiError } from '../api';
import type { EditConflict } from '../bindings/EditConflict';
import type { Role } from '../bindings/Role';
import type { RoleEdit } from '../bindings/RoleEdit';
import type { Versioned } from '../bindings/Versioned';
import { applyEdits } from './apply';

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'error'; message: string };

type JobKind = 'edit' | 'undo' | 'redo';
interface Job {
  kind: JobKind;
  edits: RoleEdit[];
  cancelled: boolean;
}

/** A conflict to resolve: the shell's two versions, and what the refused save would undo. */
export interface OpenConflict extends EditConflict {
  undo: RoleEdit[];
  kind: JobKind | 'disk';
}

/** Two edits of the same item's text in a row are one edit (one save, one undo step). */
function merge(queue: RoleEdit[], edit: RoleEdit): boolean {
  const last = queue[queue.length - 1];
  if (!last) return false;
  if (edit.op === 'edit_item' && last.op === 'edit_item' && last.section === edit.section && last.index === edit.index) {
    last.text = edit.text;
    return true;
  }
  if (edit.op === 'edit_item' && last.op === 'add_item' && last.section === edit.section && last.index === edit.index) {
    last.text = edit.text;
    return true;
  }
  const sameField =
    (edit.op === 'set_title' && last.op === 'set_title') ||
    (edit.op === 'set_track' && last.op === 'set_track') ||
    (edit.op === 'set_level' && last.op === 'set_level');
  if (sameField) {
    Object.assign(last, edit);
    return true;
  }
  if (edit.op === 'set_fact' && last.op === 'set_fact' && last.key === edit.key) {
    last.value = edit.value;
    return true;
  }
  if (edit.op === 'rename_section' && last.op === 'rename_section' && last.section === edit.section) {
    last.title = edit.title;
    return true;
  }
  return false;
}

export class RoleEditor {
  readonly id: string;
  /** The last version saved (or loaded): what the next save is based on. */
  base: Versioned | null = $state(null);
  /** The role as the user sees it: `base` with the unsaved edits applied. */
  role: Role | null = $state(null);
  status: SaveStatus = $state({ kind: 'idle' });
  conflict: OpenConflict | null = $state(null);
  loadError: string | null = $state(null);
  undoStack: RoleEdit[][] = $state([]);
  redoStack: RoleEdit[][] = $state([]);
  /** Called after each save with the role as saved (the library reloads). */
  onSaved: (role: Role) => void = () => {};

  private pending: RoleEdit[] = [];
  private jobs: Job[] = [];
  private chain: Promise<void> = Promise.resolve();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly delay: number;

  constructor(id: string, delay = 500) {
    this.id = id;
    this.delay = delay;
  }

  async load() {
    try {
      this.base = await authoringApi.roleVersion(this.id);
      this.refresh();
      this.loadError = null;
    } catch (e) {
      this.loadError = toApiError(e).message;
    }
  }

  /** True while some edit is not saved yet. */
  get dirty(): boolean {
    return this.pending.length > 0 || this.jobs.length > 0;
  }

  /** Applies `edits` now and saves them after the pause. */
  change(...edits: RoleEdit[]) {
    if (!this.base || edits.length === 0) return;
    for (const edit of edits) if (!merge(this.pending, edit)) this.pending.push(structuredClone(edit));
    this.redoStack = [];
    this.refresh();
    if (this.status.kind !== 'saving') this.status = { kind: 'pending' };
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), this.delay);
  }

  /** Saves what is pending now (Ctrl+S), and resolves when every save so far is done. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.pending.length > 0 && !this.conflict) {
      const edits = this.pending;
      this.pending = [];
      this.enqueue('edit', edits);
    }
    return this.chain;
  }

  async undo() {
    await this.flush();
    if (this.conflict) return;
    const edits = this.undoStack.pop();
    if (edits && edits.length > 0) this.enqueue('undo', edits);
    return this.chain;
  }

  async redo() {
    await this.flush();
    if (this.conflict) return;
    const edits = this.redoStack.pop();
    if (edits && edits.length > 0) this.enqueue('redo', edits);
    return this.chain;
  }

  private enqueue(kind: JobKind, edits: RoleEdit[]) {
    const job: Job = { kind, edits, cancelled: false };
    this.jobs.push(job);
    this.refresh();
    this.chain = this.chain.then(() => this.send(job));
  }

  private async send(job: Job) {
    const base = this.base;
    if (job.cancelled || !base) return this.done(job);
    this.status = { kind: 'saving' };
    try {
      const out = await authoringApi.editRole(this.id, $state.snapshot(job.edits), base.hash);
      if (out.outcome === 'saved') {
        this.base = { role: out.role, hash: out.hash };
        if (job.kind === 'undo') this.redoStack.push(out.undo);
        else this.undoStack.push(out.undo);
        this.status = { kind: 'saved', at: new Date() };
        this.onSaved(out.role);
      } else {
        // Nothing was written. The edits queued after this one wait with the conflict.
        this.conflict = { ...out.conflict, undo: out.undo, kind: job.kind };
        this.status = { kind: 'idle' };
      }
    } catch (e) {
      this.status = { kind: 'error', message: `Not saved: ${toApiError(e).message}` };
    }
    this.done(job);
  }

  private done(job: Job) {
    this.jobs = this.jobs.filter((j) => j !== job);
    if (this.conflict) {
      // Later edits were made on top of the refused ones: keep them for after the choice.
      for (const j of this.jobs) j.cancelled = true;
      this.pending = [...this.jobs.flatMap((j) => j.edits), ...this.pending];
      this.jobs = [];
    }
    this.refresh();
    if (this.status.kind === 'saved' && this.pending.length > 0) this.status = { kind: 'pending' };
  }

  private refresh() {
    const shown = this.conflict ? this.conflict.mine.role : this.base?.role;
    if (!shown) return;
    const edits = [...this.jobs.flatMap((j) => (j.cancelled ? [] : j.edits)), ...this.pending];
    this.role = applyEdits(shown, edits);
  }

  /** The file may have changed on disk (library-changed named this role). */
  async checkDisk() {
    await this.flush();
    if (this.conflict || !this.base) return;
    let now: Versioned | null;
    try {
      now = await authoringApi.roleVersion(this.id);
    } catch {
      now = null;
    }
    if (!this.base || this.conflict || now?.hash === this.base.hash) return;
    if (this.pending.length > 0) {
      // The save of these edits meets the change and returns the conflict.
      await this.flush();
      return;
    }
    this.conflict = { mine: this.base, theirs: now, undo: [], kind: 'disk' };
    this.refresh();
  }

  /** Keeps the user's version over the one on disk, then saves the edits made meanwhile. */
  async keepMine() {
    const c = this.conflict;
    if (!c) return;
    this.status = { kind: 'saving' };
    try {
      const out = await authoringApi.keepRoleVersion(this.id, c.mine.hash, c.theirs?.hash ?? '');
      if (out.outcome === 'saved') {
        this.base = { role: out.role, hash: out.hash };
        if (c.undo.length > 0) (c.kind === 'undo' ? this.redoStack : this.undoStack).push($state.snapshot(c.undo));
        this.conflict = null;
        this.status = { kind: 'saved', at: new Date() };
        this.onSaved(out.role);
        this.refresh();
        if (this.pending.length > 0) await this.flush();
      } else {
        // It changed again: the choice is offered against the newest version.
        this.conflict = { ...c, theirs: out.conflict.theirs };
        this.status = { kind: 'idle' };
      }
    } catch (e) {
      this.status = { kind: 'error', message: `Not saved: ${toApiError(e).message}` };
    }
  }

  /** Takes the version on disk; the user's unsaved edits are dropped (they chose so). */
  takeTheirs() {
    const c = this.conflict;
    if (!c) return;
    this.conflict = null;
    this.pending = [];
    this.undoStack = [];
    this.redoStack = [];
    if (c.theirs) {
      this.base = c.theirs;
      this.onSaved(c.theirs.role);
    }
    this.status = { kind: 'idle' };
    this.refresh();
  }

  dispose() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
