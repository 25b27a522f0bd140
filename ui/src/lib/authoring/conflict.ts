// What differs between the user's version of a role and the one on disk, for the chooser.
import type { Role } from '../bindings/Role';

export interface ConflictLines {
  /** Lines only the user's version has. */
  mine: string[];
  /** Lines only the version on disk has. */
  theirs: string[];
}

function lines(role: Role): string[] {
  const out = [`Title: ${role.title}`, `Track: ${role.track ?? '—'}`, `Level: ${role.level ?? '—'}`];
  for (const [key, value] of Object.entries(role.facts)) out.push(`Fact ${key}: ${value}`);
  role.sections.forEach((s, i) => {
    out.push(`Section ${i + 1}: ${s.title}`);
    for (const item of s.items) out.push(`${s.title} · ${item.text}`);
  });
  return out;
}

/** The lines (title, track, level, facts, section titles and order, items) each side has and
 * the other has not. */
export function conflictLines(mine: Role, theirs: Role | null): ConflictLines {
  const a = lines(mine);
  const b = theirs ? lines(theirs) : [];
  const inA = new Set(a);
  const inB = new Set(b);
  return { mine: a.filter((l) => !inB.has(l)), theirs: b.filter((l) => !inA.has(l)) };
}
