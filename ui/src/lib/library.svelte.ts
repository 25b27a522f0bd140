// The library as the UI holds it: the roles, the search query, and what is shown.
import { api, toApiError, type ApiError, type Role } from './api';
import type { RoleOrigin } from './format';

export interface TrackGroup {
  track: string;
  roles: Role[];
}

export const NO_TRACK = 'Other roles';
export const NO_TRACK_GROUP_NOTE = 'Their documents name no career track.';

/** Every word of the query appears in the role's title, track or id (case-insensitive). */
export function matches(role: Role, query: string): boolean {
  const hay = `${role.title} ${role.track ?? ''} ${role.id}`.toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => hay.includes(word));
}

/** Roles grouped by track, tracks in alphabetical order (roles without one last), roles by
 * level then in library order. */
export function groupByTrack(roles: Role[]): TrackGroup[] {
  const groups = new Map<string, Role[]>();
  for (const role of roles) {
    const track = role.track ?? NO_TRACK;
    groups.set(track, [...(groups.get(track) ?? []), role]);
  }
  const byLevel = (a: Role, b: Role) => (a.level ?? 0) - (b.level ?? 0);
  return [...groups.entries()]
    .sort(([a], [b]) => (a === NO_TRACK ? 1 : b === NO_TRACK ? -1 : a.localeCompare(b)))
    .map(([track, list]) => ({ track, roles: [...list].sort(byLevel) }));
}

export class LibraryStore {
  roles: Role[] = $state([]);
  problem: string | null = $state(null);
  error: ApiError | null = $state(null);
  loaded = $state(false);
  query = $state('');

  filtered: Role[] = $derived(this.roles.filter((r) => matches(r, this.query)));
  groups: TrackGroup[] = $derived(groupByTrack(this.filtered));
  /** The filtered roles in the order the list shows them (for keyboard navigation). */
  ordered: Role[] = $derived(this.groups.flatMap((g) => g.roles));

  async load() {
    try {
      const view = await api.listRoles();
      this.roles = view.roles;
      this.problem = view.problem;
      this.error = null;
    } catch (e) {
      this.error = toApiError(e);
    } finally {
      this.loaded = true;
    }
  }

  /** Bundled with the app or the user's own. The core's `Role` and `LibraryView` carry no
   * origin yet, so this says null (and nothing is shown) rather than guess; once the bindings
   * have the field, read it here and the library list and role header show it. */
  originOf(role: Role): RoleOrigin | null {
    void role;
    return null;
  }

  byId(id: string): Role | undefined {
    return this.roles.find((r) => r.id === id);
  }
}
