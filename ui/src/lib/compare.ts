// Pure helpers for the compare view: which rows differ, how counts read, how roles rank in the
// picker. The comparison itself is computed in Rust.
import type { Cell } from './bindings/Cell';
import type { Counts } from './bindings/Counts';
import type { GridRow } from './bindings/GridRow';
import type { RoleSummary } from './bindings/RoleSummary';
import type { Status } from './bindings/Status';
import { matches } from './library.svelte';

export const MIN_ROLES = 2;
export const MAX_ROLES = 6;
/** The ladder view needs at least three roles (with two, side by side says it all). */
export const LADDER_MIN_ROLES = 3;

/** True when some role differs from its left neighbour in this row. */
export function cellsDiffer(cells: (Cell | { status: Status | null } | null)[]): boolean {
  return cells.some((c, i) => i > 0 && (c === null ? false : c.status !== null && c.status !== 'same'));
}

export function rowDiffers(row: GridRow): boolean {
  return cellsDiffer(row.cells);
}

const STATUSES: Status[] = ['same', 'changed', 'removed', 'added'];

/** The non-zero counts, in a fixed order: `[['same', 3], ['changed', 2]]`. */
export function countParts(counts: Counts): [Status, number][] {
  return STATUSES.map((s): [Status, number] => [s, counts[s]]).filter(([, n]) => n > 0);
}

/** `3 same, 2 changed, 2 removed`. */
export function countSummary(counts: Counts): string {
  const parts = countParts(counts).map(([s, n]) => `${n} ${s}`);
  return parts.length > 0 ? parts.join(', ') : 'empty';
}

/** Roles not chosen yet that match the query, best first: title starts with the query, then a
 * title word starts with it, then any match in title, track or id. */
export function candidates(roles: RoleSummary[], chosen: string[], query: string): RoleSummary[] {
  const q = query.trim().toLowerCase();
  const open = roles.filter((r) => !chosen.includes(r.id));
  if (!q) return open;
  const score = (r: RoleSummary): number => {
    const title = r.title.toLowerCase();
    if (title.startsWith(q)) return 0;
    if (title.split(/\s+/).some((w) => w.startsWith(q))) return 1;
    return matches(r, q) ? 2 : 3;
  };
  return open
    .map((r, i) => ({ r, i, s: score(r) }))
    .filter((x) => x.s < 3)
    .sort((a, b) => a.s - b.s || a.i - b.i)
    .map((x) => x.r);
}
