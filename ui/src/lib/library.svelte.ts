// The library as the UI holds it: the roles' summaries, the search query, and what is shown.
// A role's body is not kept here: views ask `api.getRole` for the one they show (see RoleBody).
import { api, importApi, toApiError, type ApiError, type Role, type RoleSummary } from './api';
import type { SearchMatch } from './bindings/SearchMatch';
import type { RoleOrigin } from './format';

export interface TrackGroup {
  track: string;
  roles: RoleSummary[];
}

export const NO_TRACK = 'Other roles';
export const NO_TRACK_GROUP_NOTE = 'Their documents name no career track.';

/** Every word of the query appears in the role's title, track or id (case-insensitive). */
export function matches(role: RoleSummary, query: string): boolean {
  const hay = `${role.title} ${role.track ?? ''} ${role.id}`.toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => hay.includes(word));
}

/** Roles grouped by track, tracks in alphabetical order (roles without one last), roles by
 * level then in library order. */
export function groupByTrack(roles: RoleSummary[]): TrackGroup[] {
  const groups = new Map<string, RoleSummary[]>();
  for (const role of roles) {
    const track = role.track ?? NO_TRACK;
    const group = groups.get(track);
    if (group) group.push(role);
    else groups.set(track, [role]);
  }
  const byLevel = (a: RoleSummary, b: RoleSummary) => (a.level ?? 0) - (b.level ?? 0);
  return [...groups.entries()]
    .sort(([a], [b]) => (a === NO_TRACK ? 1 : b === NO_TRACK ? -1 : a.localeCompare(b)))
    .map(([track, list]) => ({ track, roles: [...list].sort(byLevel) }));
}

/** The file a library problem names (`/…/roles/cto.json:3:8: not a role file: …` → `cto.json`),
 * when it is a role file that can be set aside. */
export function brokenFile(problem: string | null): string | null {
  const m = problem?.match(/^(.*?\.json):\d+:\d+: /);
  return m?.[1]?.split(/[\\/]/).pop() ?? null;
}

/** How long typing may pause before the full-text search asks the shell. */
export const SEARCH_DELAY_MS = 80;

export class LibraryStore {
  roles: RoleSummary[] = $state.raw([]);
  problem: string | null = $state(null);
  error: ApiError | null = $state(null);
  loaded = $state(false);
  /** Counts the successful loads: views holding a role's body (or anything computed from the
   * roles in the shell) ask again when it changes. */
  generation = $state(0);
  query = $state('');
  origins: Record<string, RoleOrigin> = $state({});
  /** What the full-text search found for `searched` (role id → its matching items). */
  found: Map<string, SearchMatch[]> = $state(new Map());
  searched = $state('');
  /** Set while a broken file is being set aside, and the message after. */
  settingAside = $state(false);
  setAsideNote: string | null = $state(null);
  #searchTimer: ReturnType<typeof setTimeout> | undefined;
  #searchRun = 0;

  #byId: Map<string, RoleSummary> = $derived(new Map(this.roles.map((r) => [r.id, r])));
  /** Titles, tracks and ids match at once, as typed. */
  filtered: RoleSummary[] = $derived(this.roles.filter((r) => matches(r, this.query)));
  groups: TrackGroup[] = $derived(groupByTrack(this.filtered));
  /** Roles whose item text (not title) matches, once the shell's search answers for the
   * query shown, in its ranking; listed after the title matches. */
  textHits: RoleSummary[] = $derived(
    this.searched && this.searched === this.query.trim()
      ? [...this.found.keys()]
          .map((id) => this.#byId.get(id))
          .filter((r): r is RoleSummary => !!r && !matches(r, this.query))
      : [],
  );
  /** The roles in the order the list shows them (for keyboard navigation and Enter). */
  ordered: RoleSummary[] = $derived([...this.groups.flatMap((g) => g.roles), ...this.textHits]);

  async load() {
    try {
      const view = await api.listRoles();
      this.roles = view.roles;
      this.problem = view.problem;
      this.origins = view.origins;
      this.error = null;
      this.generation++;
    } catch (e) {
      this.error = toApiError(e);
    } finally {
      this.loaded = true;
    }
  }

  /** Bundled with the app or the user's own. */
  originOf(role: { id: string }): RoleOrigin | null {
    return this.origins[role.id] ?? null;
  }

  /** The query changed: search item text too, once typing pauses; a late answer to an older
   * query is dropped. */
  search(query: string) {
    this.query = query;
    clearTimeout(this.#searchTimer);
    const q = query.trim();
    if (!q) {
      this.found = new Map();
      this.searched = '';
      return;
    }
    const run = ++this.#searchRun;
    this.#searchTimer = setTimeout(async () => {
      try {
        const answer = await api.searchRoles(q, 200);
        if (run !== this.#searchRun) return;
        this.found = new Map(answer.results.map((h) => [h.id, h.matches]));
        this.searched = q;
      } catch {
        // The title search still answers; item text just does not join in.
      }
    }, SEARCH_DELAY_MS);
  }

  /** The first item that matched the full-text search, when the title did not. */
  snippetOf(role: RoleSummary): SearchMatch | null {
    if (this.searched !== this.query.trim() || matches(role, this.query)) return null;
    return this.found.get(role.id)?.[0] ?? null;
  }

  /** Moves the broken role file aside (inside the library) and reloads. */
  async setAsideBroken() {
    const name = brokenFile(this.problem);
    if (!name) return;
    this.settingAside = true;
    try {
      const moved = await importApi.setAside(name);
      this.setAsideNote = `Moved ${name} to ${moved}. Fix it there and import it again, or delete it.`;
      await this.load();
    } catch (e) {
      this.setAsideNote = `Could not set ${name} aside: ${toApiError(e).message}`;
    } finally {
      this.settingAside = false;
    }
  }

  /** Shows the broken file in the system's file manager (where the user can open or fix it). */
  async revealBroken() {
    const name = brokenFile(this.problem);
    if (!name) return;
    try {
      await importApi.revealLibraryFile(name);
    } catch (e) {
      this.setAsideNote = toApiError(e).message;
    }
  }

  byId(id: string): RoleSummary | undefined {
    return this.#byId.get(id);
  }
}

/**
 * One role's body for a view, fetched with `api.getRole`. Call `load` again when the id or the
 * library's generation changes; an answer to an older call is dropped. The last role stays
 * until the next answer replaces it, so a refetch never blanks the page.
 */
export class RoleBody {
  role: Role | null = $state.raw(null);
  /** Why the last id asked for could not be had (`not_found`: no such role). */
  error: ApiError | null = $state(null);
  #request = 0;
  #asked: string | null = null;

  load(id: string | null) {
    const mine = ++this.#request;
    // An error about the role asked before is not about this one (while the role shown
    // before stays up until the answer comes).
    if (id !== this.#asked) this.error = null;
    this.#asked = id;
    if (!id) {
      this.role = null;
      return;
    }
    api.getRole(id).then(
      (role) => {
        if (mine === this.#request) [this.role, this.error] = [role, null];
      },
      (e: unknown) => {
        if (mine === this.#request) [this.role, this.error] = [null, toApiError(e)];
      },
    );
  }
}
