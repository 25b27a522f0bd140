// The draft editor as the UI holds it: the open draft, its preview, the drafts list, and the
// autosave state machine. Every change to sections and items is made in Rust (the core's
// `Draft::switch_section`, `move_section`, `switch_item`, `edit_item`), one at a time, so that
// none is lost to another in flight; posting fields, the name and the template are plain values.
import {
  api,
  toApiError,
  type ApiError,
  type Draft,
  type DraftPreview,
  type DraftSummary,
  type EditorOptions,
  type ExportFormat,
  type Report,
} from '../api';
import type { Posting } from '../bindings/Posting';
import type { PostingField } from '../bindings/PostingField';
import { Latest } from '../latest';
import type { QuickFix } from './findings';

/** Saved, a save pending or running, or the last save failed. */
export type SaveState = 'saved' | 'saving' | 'failed';

/** How long after the last change the draft is saved. (The preview does not wait: it renders
 * at once, one render at a time, on the newest draft; see `Latest`.) */
export const SAVE_DELAY_MS = 500;
/** The checks run this long after the preview they follow, so the findings do not change under
 * every keystroke while the user types. */
export const CHECK_DELAY_MS = 250;

/** Below this width the draft editor shows its panes as tabs. */
export const NARROW_QUERY = '(max-width: 1099px)';
/** In a window this short the findings list starts folded, so the preview keeps its height. */
export const SHORT_QUERY = '(max-height: 759px)';

export function setField(draft: Draft, field: PostingField, value: string): Draft {
  return { ...draft, posting: { ...draft.posting, [field]: value === '' ? null : value } };
}

/** The structured posting fields (pay, places, workplace, employment type). */
export type StructuredFields = Pick<Posting, 'salary' | 'locations' | 'workplace' | 'employment'>;

export function setStructured(draft: Draft, patch: Partial<StructuredFields>): Draft {
  return { ...draft, posting: { ...draft.posting, ...patch } };
}

/** Errors, warnings and infos in a report. */
export function counts(report: Report | null): { error: number; warning: number; info: number } {
  const n = { error: 0, warning: 0, info: 0 };
  for (const f of report?.findings ?? []) n[f.severity] += 1;
  return n;
}

/** The formats a posting is copied in: Markdown, rich text (HTML) or plain text. */
export type CopyFormat = 'md' | 'html' | 'text';

/** What the confirm step holds back: an export or a copy, in a format. */
export type HeldAction = { kind: 'export'; format: ExportFormat } | { kind: 'copy'; format: CopyFormat };

const COPIED: Record<CopyFormat, string> = {
  md: 'Copied as Markdown',
  html: 'Copied as rich text',
  text: 'Copied as plain text',
};

/** "1 error", "3 errors". */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "Saved 2026-11-27 18:05 UTC" from the draft's `updated_at`. */
export function savedAt(stamp: string | null): string {
  return stamp ? `Saved ${stamp.replace('T', ' ').replace(/:\d\dZ$/, ' UTC')}` : 'Saved';
}

export class DraftEditor {
  options: EditorOptions | null = $state(null);
  drafts: DraftSummary[] = $state([]);
  draft: Draft | null = $state(null);
  preview: DraftPreview | null = $state(null);
  error: ApiError | null = $state(null);
  /** The last export or copy, said once. */
  notice: string | null = $state(null);
  saveState: SaveState = $state('saved');
  /** The checks' findings on the draft as last previewed; they follow the preview. */
  report: Report | null = $state(null);
  /** An export asked for while fields the template uses are empty or the checks found errors,
   * or a copy asked for while they found errors: the action held back, which fields, how many
   * errors. */
  confirming: { action: HeldAction; fields: PostingField[]; errors: number } | null = $state(null);
  /** The section last changed in the outline: the preview keeps it in view. */
  focusSection: string | null = $state(null);

  labels = $derived(new Map((this.options?.fields ?? []).map((f) => [f.field, f.label])));
  template = $derived(this.options?.templates.find((t) => t.name === this.draft?.template));
  /** Labels of the fields the template uses that are still empty. */
  missing = $derived((this.preview?.unset_fields ?? []).map((f) => this.labels.get(f) ?? f));

  #onOpen: (id: string | null) => void;
  #opening = 0;
  #previewing = 0;
  #checking = 0;
  /** The error the last check failed with (a broken checks.json), cleared by the next check that works. */
  #checkError: ApiError | null = null;
  #previews = new Latest((d: Draft) => this.#refreshPreview(d));
  #checks = new Latest((d: Draft) => this.#refreshReport(d));
  #checkTimer: ReturnType<typeof setTimeout> | undefined;
  #saveTimer: ReturnType<typeof setTimeout> | undefined;
  #changes: Promise<void> = Promise.resolve();

  constructor(onOpen: (id: string | null) => void) {
    this.#onOpen = onOpen;
  }

  /** The templates, the fields and the drafts list. */
  async load() {
    try {
      this.options = await api.editorOptions();
    } catch (e) {
      this.error = toApiError(e);
    }
    await this.refreshList();
  }

  async refreshList() {
    try {
      this.drafts = await api.listDrafts();
    } catch (e) {
      this.error = toApiError(e);
    }
  }

  /** Opens the draft the route names (null: none); an answer for an older route is dropped. */
  open(id: string | null) {
    const mine = ++this.#opening;
    // Another draft's preview and findings are not this one's (one still running is dropped).
    this.#previews.cancel();
    this.#checks.cancel();
    clearTimeout(this.#checkTimer);
    this.#previewing++;
    this.#checking++;
    this.report = null;
    this.notice = null;
    this.confirming = null;
    this.focusSection = null;
    if (!id) {
      this.draft = null;
      this.preview = null;
      return;
    }
    api
      .openDraft(id)
      .then((d) => {
        if (mine !== this.#opening) return;
        this.draft = d;
        this.error = null;
        void this.#refreshPreview(d);
      })
      .catch((e: unknown) => {
        if (mine === this.#opening) [this.draft, this.error] = [null, toApiError(e)];
      });
  }

  async #refreshPreview(d: Draft) {
    const mine = ++this.#previewing;
    try {
      const p = await api.previewDraft(d);
      if (mine !== this.#previewing) return;
      this.preview = p;
      // The preview shows first; the findings follow it. A template that fails renders no
      // posting to check: its error is what the preview pane shows.
      clearTimeout(this.#checkTimer);
      if (p.html === null) {
        this.#checks.cancel();
        this.#checking++;
        this.report = null;
      } else {
        this.#checkTimer = setTimeout(() => this.#checks.push(d), CHECK_DELAY_MS);
      }
    } catch (e) {
      if (mine === this.#previewing) this.error = toApiError(e);
    }
  }

  async #refreshReport(d: Draft) {
    const mine = ++this.#checking;
    try {
      const r = await api.checkDraft(d);
      if (mine !== this.#checking) return;
      this.report = r;
      if (this.#checkError && this.error === this.#checkError) this.error = null;
      this.#checkError = null;
    } catch (e) {
      if (mine === this.#checking) this.error = this.#checkError = toApiError(e);
    }
  }

  /** Every change: preview now (or as soon as the one running ends), save a little later. */
  update(next: Draft) {
    this.draft = next;
    this.notice = null;
    this.confirming = null;
    this.saveState = 'saving';
    clearTimeout(this.#saveTimer);
    this.#previews.push(next);
    this.#saveTimer = setTimeout(() => void this.#save(next), SAVE_DELAY_MS);
  }

  async #save(d: Draft) {
    try {
      const saved = await api.saveDraft(d);
      if (this.draft && this.draft.id === saved.id) this.draft = { ...this.draft, updated_at: saved.updated_at };
      this.saveState = 'saved';
      await this.refreshList();
    } catch (e) {
      this.saveState = 'failed';
      this.error = toApiError(e);
    }
  }

  /** Saves now what is waiting to be saved. */
  async flush() {
    if (this.draft && this.saveState === 'saving') {
      clearTimeout(this.#saveTimer);
      await this.#save(this.draft);
    }
  }

  setField(field: PostingField, value: string) {
    if (this.draft) this.update(setField(this.draft, field, value));
  }

  setStructured(patch: Partial<StructuredFields>) {
    if (this.draft) this.update(setStructured(this.draft, patch));
  }

  setName(name: string) {
    if (this.draft) this.update({ ...this.draft, name: name || null });
  }

  /** Another template: its default sections apply again. */
  setTemplate(template: string) {
    if (this.draft) this.update({ ...this.draft, template, sections: null });
  }

  /** A change made in Rust, after the ones already asked for; only the section and item
   * choices are taken from the answer (fields typed meanwhile stay). */
  #inRust(section: string, change: (d: Draft) => Promise<Draft>) {
    this.focusSection = section;
    this.#changes = this.#changes.then(async () => {
      if (!this.draft) return;
      const id = this.draft.id;
      try {
        const next = await change(this.draft);
        if (this.draft?.id === id)
          this.update({ ...this.draft, sections: next.sections, items_off: next.items_off, item_edits: next.item_edits });
      } catch (e) {
        this.error = toApiError(e);
      }
    });
    return this.#changes;
  }

  switchSection(section: string, on: boolean) {
    return this.#inRust(section, (d) => api.switchDraftSection(d, section, on));
  }

  moveSection(section: string, by: -1 | 1) {
    return this.#inRust(section, (d) => api.moveDraftSection(d, section, by));
  }

  switchItem(section: string, index: number, on: boolean) {
    return this.#inRust(section, (d) => api.switchDraftItem(d, section, index, on));
  }

  /** The item's text for this posting; null drops the edit (back to the library's text). */
  editItem(section: string, index: number, text: string | null) {
    return this.#inRust(section, (d) => api.editDraftItem(d, section, index, text));
  }

  /** A finding's quick fix, through the same calls as the outline's; the preview and the
   * findings follow as after any change. */
  applyFix(fix: QuickFix) {
    switch (fix.kind) {
      case 'section_off':
        return this.switchSection(fix.section, false);
      case 'item_off':
        return this.switchItem(fix.section, fix.index, false);
      case 'replace':
        return this.editItem(fix.section, fix.index, fix.text);
    }
  }

  async create(roleId: string, template: string) {
    try {
      const d = await api.createDraft(roleId, template);
      await this.refreshList();
      this.#onOpen(d.id);
    } catch (e) {
      this.error = toApiError(e);
    }
  }

  async duplicate() {
    if (!this.draft) return;
    await this.flush();
    try {
      const copy = await api.duplicateDraft(this.draft.id);
      await this.refreshList();
      this.#onOpen(copy.id);
    } catch (e) {
      this.error = toApiError(e);
    }
  }

  async remove() {
    if (!this.draft) return;
    clearTimeout(this.#saveTimer);
    try {
      await api.deleteDraft(this.draft.id);
      this.saveState = 'saved';
      await this.refreshList();
      this.#onOpen(null);
    } catch (e) {
      this.error = toApiError(e);
    }
  }

  /** Exports; first lists the fields the template uses that are still empty and says how many
   * errors the checks found, unless `anyway`. */
  async exportAs(format: ExportFormat, anyway = false) {
    if (!this.draft) return;
    await this.#changes;
    await this.flush();
    if (!this.draft) return;
    try {
      if (!anyway) {
        // Asked afresh: the preview and findings on screen may be a keystroke behind. The
        // checks advise; if they fail, the export is not held up by them.
        const [preview, report] = await Promise.all([
          api.previewDraft(this.draft),
          api.checkDraft(this.draft).catch(() => null),
        ]);
        const empty = preview.unset_fields;
        const errors = counts(report).error;
        if (empty.length > 0 || errors > 0) {
          this.confirming = { action: { kind: 'export', format }, fields: empty, errors };
          return;
        }
      }
      this.confirming = null;
      const path = await api.exportDraft(this.draft, format);
      this.notice = path ? `Saved to ${path}` : null;
    } catch (e) {
      this.error = toApiError(e);
    }
  }

  /** Copies to the clipboard; first says how many errors the findings on screen have, unless
   * `anyway`. */
  async copy(format: CopyFormat, anyway = false) {
    if (!this.draft) return;
    const errors = counts(this.report).error;
    if (!anyway && errors > 0) {
      this.confirming = { action: { kind: 'copy', format }, fields: [], errors };
      return;
    }
    this.confirming = null;
    try {
      await api.copyDraft(this.draft, format);
      this.notice = COPIED[format];
    } catch (e) {
      this.error = toApiError(e);
    }
  }

  /** Goes on with the action the confirm step held back. */
  proceed() {
    const held = this.confirming?.action;
    if (held?.kind === 'export') return this.exportAs(held.format, true);
    if (held?.kind === 'copy') return this.copy(held.format, true);
  }
}
