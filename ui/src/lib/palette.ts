// What the command palette lists and how a query ranks it. The matcher is the one in find.ts.
import { findRanges, queryWords } from './find';

export interface Command {
  id: string;
  label: string;
  /** A second line: a role's track and level, or what an action does. */
  detail?: string;
  /** "Role" or "Action", shown beside each entry. */
  kind: 'Role' | 'Action';
  /** Other words it answers to (a role's id and track, an action's synonyms). */
  keywords?: string;
  run: () => void;
}

/** The commands whose label or keywords hold every word of `query` at a word start; labels
 * starting with the query first, then labels holding every word, then keyword-only matches
 * (each group in the order given). An empty query lists everything. */
export function rankCommands(commands: Command[], query: string): Command[] {
  const words = queryWords(query);
  if (words.length === 0) return commands;
  const q = query.trim().toLowerCase();
  const scored: { c: Command; score: number; i: number }[] = [];
  commands.forEach((c, i) => {
    const label = c.label;
    const all = `${label} ${c.keywords ?? ''}`;
    if (!words.every((w) => findRanges(all, w).length > 0)) return;
    const score = label.toLowerCase().startsWith(q) ? 0 : words.every((w) => findRanges(label, w).length > 0) ? 1 : 2;
    scored.push({ c, score, i });
  });
  return scored.sort((a, b) => a.score - b.score || a.i - b.i).map((s) => s.c);
}
