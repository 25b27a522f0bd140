// What some sections are (`api.sectionNotes()`, from the core): a sentence to show under their
// heading, and whether they are internal (for the hiring team, never published). Loaded once;
// until then, or when the shell cannot answer, sections simply show no note.
import { api, type SectionNote } from './api';

class SectionNotes {
  #notes = $state<ReadonlyMap<string, SectionNote>>(new Map());
  #loading: Promise<void> | null = null;

  /** Asks the shell once; a failed request is asked again next time. */
  load(): Promise<void> {
    this.#loading ??= api
      .sectionNotes()
      .then((list) => {
        this.#notes = new Map(list.map((n) => [n.key, n]));
      })
      .catch(() => {
        this.#loading = null;
      });
    return this.#loading;
  }

  /** True once the notes have come. */
  get loaded(): boolean {
    return this.#notes.size > 0;
  }

  get(key: string): SectionNote | null {
    return this.#notes.get(key) ?? null;
  }
}

export const sectionNotes = new SectionNotes();
