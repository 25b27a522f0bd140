// The import flow as the UI holds it: which step it is at, the review the shell planned, and the
// user's choices. The plan itself stays in Rust; only its id and the decisions go back.
import { importApi, toApiError, type ApiError, type Decisions, type ImportProgress, type ImportResult, type ImportReview } from '../api';
import type { Conflict } from '../bindings/Conflict';
import type { FileError } from '../bindings/FileError';
import type { RoleChoice } from '../bindings/RoleChoice';
import type { RolePlan } from '../bindings/RolePlan';

export type Phase = 'idle' | 'planning' | 'review' | 'applying' | 'done';

/** A conflict as the review lists it, with the index `Decisions.take_other` uses for it. */
export interface NumberedConflict {
  index: number;
  origin: 'source' | 'merge';
  conflict: Conflict;
}

/** The choices a role offers: a new role is added or skipped; an existing one kept, replaced or merged. */
export function choicesFor(plan: RolePlan): RoleChoice[] {
  return plan.existing ? ['merge', 'replace', 'keep'] : ['add', 'keep'];
}

export function choiceLabel(choice: RoleChoice, existing: boolean): string {
  switch (choice) {
    case 'add':
      return 'Add to the library';
    case 'keep':
      return existing ? 'Keep the library’s' : 'Don’t import';
    case 'replace':
      return 'Replace';
    case 'merge':
      return 'Merge';
  }
}

/** The conflicts that matter for `choice`: those between the imported documents (unless the
 * role is kept), then, for a merge, those with the library's role. Indexes count both lists
 * together, as `ImportPlan::resolve` reads them. */
export function conflictsFor(plan: RolePlan, choice: RoleChoice): NumberedConflict[] {
  if (choice === 'keep') return [];
  const source = plan.source_conflicts.map((conflict, index) => ({ index, origin: 'source' as const, conflict }));
  if (choice !== 'merge') return source;
  const n = plan.source_conflicts.length;
  return [...source, ...plan.merge_conflicts.map((conflict, i) => ({ index: n + i, origin: 'merge' as const, conflict }))];
}

/** A file error as shown: the place once (file, and line when the message gives one), then the
 * reason. The core's message starts with the file name; it is not repeated. */
export function fileErrorParts(e: FileError): { where: string; reason: string } {
  if (!e.message.startsWith(e.file)) return { where: e.file, reason: e.message };
  const rest = e.message.slice(e.file.length);
  const line = /^:(\d+)(?::\d+)?/.exec(rest);
  const where = line ? `${e.file}${line[0]}` : e.file;
  const reason = rest.slice(line ? line[0].length : 0).replace(/^\s*[:—-]?\s*/, '');
  return { where, reason: reason || e.message };
}

/** How long planning may take before the progress bar shows. */
export const PROGRESS_DELAY_MS = 300;

export class ImportStore {
  phase: Phase = $state('idle');
  progress: ImportProgress | null = $state(null);
  /** True once planning has taken longer than a moment. */
  slow = $state(false);
  review: ImportReview | null = $state(null);
  choices: Record<string, RoleChoice> = $state({});
  /** Per role, the conflict indexes where the other side wins. */
  takeOther: Record<string, number[]> = $state({});
  result: ImportResult | null = $state(null);
  error: ApiError | null = $state(null);
  /** Files are being dragged over the window. */
  dragging = $state(false);

  #run = 0;
  #onImported: (result: ImportResult) => void | Promise<void>;

  constructor(onImported: (result: ImportResult) => void | Promise<void> = () => {}) {
    this.#onImported = onImported;
  }

  /** Opens the file (or folder) dialog, then plans what was chosen. */
  async choose(folders = false) {
    this.error = null;
    try {
      const paths = await importApi.chooseFiles(folders);
      if (paths && paths.length > 0) await this.plan(paths);
    } catch (e) {
      this.error = toApiError(e);
    }
  }

  /** Reads and plans `paths` (from the dialog or dropped onto the window). */
  async plan(paths: string[]) {
    const run = ++this.#run;
    this.phase = 'planning';
    this.progress = null;
    this.slow = false;
    this.error = null;
    this.result = null;
    const timer = setTimeout(() => {
      if (run === this.#run) this.slow = true;
    }, PROGRESS_DELAY_MS);
    try {
      const review = await importApi.plan(paths, (p) => {
        if (run === this.#run) this.progress = p;
      });
      if (run !== this.#run) return;
      this.review = review;
      this.choices = Object.fromEntries(review.plan.roles.map((r) => [r.incoming.id, r.suggested]));
      this.takeOther = {};
      this.phase = 'review';
    } catch (e) {
      if (run !== this.#run) return;
      const err = toApiError(e);
      this.error = err.kind === 'cancelled' ? null : err;
      this.phase = this.review ? 'review' : 'idle';
    } finally {
      clearTimeout(timer);
      if (run === this.#run) this.slow = false;
    }
  }

  choiceOf(id: string): RoleChoice {
    return this.choices[id] ?? 'add';
  }

  setChoice(id: string, choice: RoleChoice) {
    this.choices[id] = choice;
  }

  takesOther(id: string, index: number): boolean {
    return this.takeOther[id]?.includes(index) ?? false;
  }

  /** Which side of conflict `index` of role `id` wins: the kept one, or the other. */
  setSide(id: string, index: number, other: boolean) {
    const now = (this.takeOther[id] ?? []).filter((i) => i !== index);
    this.takeOther[id] = other ? [...now, index].sort((a, b) => a - b) : now;
  }

  decisions(): Decisions {
    const review = this.review;
    if (!review) return { roles: {}, take_other: {} };
    const take_other: Record<string, number[]> = {};
    for (const plan of review.plan.roles) {
      const id = plan.incoming.id;
      const live = new Set(conflictsFor(plan, this.choiceOf(id)).map((c) => c.index));
      const chosen = (this.takeOther[id] ?? []).filter((i) => live.has(i));
      if (chosen.length > 0) take_other[id] = chosen;
    }
    return { roles: { ...this.choices }, take_other };
  }

  /** How many roles the current choices would write. */
  get toWrite(): number {
    return this.review?.plan.roles.filter((r) => this.choiceOf(r.incoming.id) !== 'keep').length ?? 0;
  }

  async apply() {
    const review = this.review;
    if (!review || this.phase !== 'review') return;
    this.phase = 'applying';
    this.error = null;
    try {
      this.result = await importApi.apply(review.id, this.decisions());
      this.review = null;
      this.phase = 'done';
      await this.#onImported(this.result);
    } catch (e) {
      this.error = toApiError(e);
      this.phase = 'review';
    }
  }

  /** Stops planning or drops the review; nothing is written. */
  async cancel() {
    this.#run++;
    this.phase = 'idle';
    this.review = null;
    this.progress = null;
    this.slow = false;
    this.error = null;
    try {
      await importApi.cancel();
    } catch (e) {
      this.error = toApiError(e);
    }
  }

  /** Back to the start after an import. */
  reset() {
    this.phase = 'idle';
    this.result = null;
    this.error = null;
  }
}
