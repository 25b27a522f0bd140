// The one text matcher the UI highlights with: every word of the query found at the start of a
// word, case-insensitively ("budget" finds "Budgeting", "plan" does not find "explain"). Used by
// the role page's find box; search results from the core can be highlighted with the same ranges.

export interface Range {
  start: number;
  end: number;
}

/** The query's words, lower-cased, longest first (so "budget budgeting" marks the longer one). */
export function queryWords(query: string): string[] {
  return [...new Set(query.toLowerCase().split(/\s+/).filter(Boolean))].sort((a, b) => b.length - a.length);
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}

/** Where the query's words occur in `text` at word starts: sorted, never overlapping. */
export function findRanges(text: string, query: string): Range[] {
  const words = queryWords(query);
  if (words.length === 0) return [];
  const hay = text.toLowerCase();
  // toLowerCase keeps the length for the scripts roles are written in; if not, give up rather
  // than mark the wrong letters.
  if (hay.length !== text.length) return [];
  const found: Range[] = [];
  for (const word of words) {
    let at = hay.indexOf(word);
    while (at >= 0) {
      const wordStart = !isWordChar(hay[at - 1]) || !isWordChar(word[0]);
      if (wordStart && !found.some((r) => at < r.end && at + word.length > r.start)) {
        found.push({ start: at, end: at + word.length });
      }
      at = hay.indexOf(word, at + 1);
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

export interface Piece {
  text: string;
  /** Index of the match among all matches of the text, or null for plain text. */
  match: number | null;
}

/** `text` cut into plain and matched pieces, in order. */
export function splitMatches(text: string, ranges: Range[]): Piece[] {
  const out: Piece[] = [];
  let at = 0;
  ranges.forEach((r, i) => {
    if (r.start > at) out.push({ text: text.slice(at, r.start), match: null });
    out.push({ text: text.slice(r.start, r.end), match: i });
    at = r.end;
  });
  if (at < text.length || out.length === 0) out.push({ text: text.slice(at), match: null });
  return out;
}
