// Words for the findings panel: where a finding came from, and which element of the editor
// stands for it (a posting field, a draft item, a section), so a click can take the user there.
import type { Balance } from '../bindings/Balance';
import type { Finding } from '../bindings/Finding';
import type { FindingOrigin } from '../bindings/FindingOrigin';
import type { OutlineSection } from '../bindings/OutlineSection';
import { humanize } from '../format';

/** Labels of the structured fields the checks name (the text fields have theirs in the options). */
export const STRUCTURED_LABELS: Record<string, string> = {
  salary_min: 'Minimum salary',
  salary_max: 'Maximum salary',
  currency: 'Currency',
  salary_period: 'Pay period',
  locations: 'Locations',
  workplace: 'Workplace',
  applicant_regions: 'Applicant regions',
  employment: 'Employment type',
};

/** "Responsibilities, item 3 (ladder.txt:12)", "Field: Company", ... */
export function originLabel(
  origin: FindingOrigin,
  fieldLabels: Map<string, string>,
  outline: OutlineSection[],
): string {
  const title = (key: string) => outline.find((s) => s.key === key)?.title ?? humanize(key);
  switch (origin.kind) {
    case 'field':
      return `Field: ${fieldLabels.get(origin.field) ?? STRUCTURED_LABELS[origin.field] ?? origin.field}`;
    case 'item':
      return `${title(origin.section)}, item ${origin.index + 1} (${origin.file}:${origin.line})`;
    case 'section':
      return `Section: ${title(origin.section)}`;
    case 'fact':
      return `Role fact “${origin.key}”${origin.file ? ` (${origin.file}${origin.line !== null ? `:${origin.line}` : ''})` : ''}`;
    case 'template':
      return 'The template';
    case 'posting':
      return 'The posting as a whole';
  }
}

/** "Wording: strongly masculine-coded (masculine-coded 11 times: lead, leaders; feminine-coded
 * 3 times: kind, loyal, warm)": the verdict with the counts it weighs (every use), then each
 * word once. */
export function balanceLine(balance: Balance): string {
  const part = (kind: string, uses: number, words: string[]) =>
    uses === 0 ? `no ${kind}-coded words` : `${kind}-coded ${uses === 1 ? 'once' : `${uses} times`}: ${words.join(', ')}`;
  return `Wording: ${balance.verdict} (${part('masculine', balance.masculine_uses, balance.masculine)}; ${part('feminine', balance.feminine_uses, balance.feminine)})`;
}

/** The element of the editor a finding's origin points to, if there is one to go to. */
export function originTarget(origin: FindingOrigin, root: ParentNode = document): HTMLElement | null {
  const q = (sel: string) => root.querySelector<HTMLElement>(sel);
  switch (origin.kind) {
    case 'field':
      return q(`.posting [name="${CSS.escape(origin.field)}"]`);
    case 'item':
      return (
        q(`[data-section="${CSS.escape(origin.section)}"] [data-item="${origin.index}"] .item-text`) ??
        q(`[data-section="${CSS.escape(origin.section)}"] input[type="checkbox"]`)
      );
    case 'section':
      return q(`[data-section="${CSS.escape(origin.section)}"] input[type="checkbox"]`);
    default:
      return null;
  }
}

/** Whether the origin is something in the editor to go to: a posting field, or a section (or
 * one of its items) the outline holds. The role's SFIA skills, which an internal template
 * shows, are not a section of the draft: their findings name the source file instead. */
export function canReveal(origin: FindingOrigin, outline: OutlineSection[]): boolean {
  switch (origin.kind) {
    case 'field':
      return true;
    case 'item':
    case 'section':
      return outline.some((s) => s.key === origin.section);
    default:
      return false;
  }
}

/** A change a finding can make to the draft itself, on a click, where it is certain what the
 * change is: leave out a section or an item, or put a word in place of another in one item. */
export type QuickFix =
  | { kind: 'section_off'; section: string; label: string }
  | { kind: 'item_off'; section: string; index: number; label: string }
  | { kind: 'replace'; section: string; index: number; text: string; label: string };

/** The rules whose `text` is the matched words and whose `suggestion`, when there is one, is
 * words to put in their place (or advice: see `plainReplacement`). */
export const REPLACING_RULES: ReadonlySet<string> = new Set(['gender_coded', 'exclusionary', 'age_coded', 'spelling']);

/** Words at most in a suggestion taken as a replacement. */
export const REPLACEMENT_MAX_WORDS = 4;

/** The suggestion as a replacement, or null when it is advice. The rule: a replacement is one
 * to `REPLACEMENT_MAX_WORDS` words with no sentence or list punctuation (. , ; : ! ? double quotes,
 * brackets, a slash) and no "or" offering alternatives; "person who guides" is one,
 * "describe the experience itself, e.g. …" and "lead or guide" are not. Nor is the spelling
 * checker's "Remove error" (Harper's words for a `Remove` suggestion; its other non-replacing
 * suggestions carry quotes). */
export function plainReplacement(suggestion: string | null): string | null {
  const s = suggestion?.trim() ?? '';
  if (s === '' || s.toLowerCase() === 'remove error' || /[.,;:!?"“”()[\]{}/…]/.test(s)) return null;
  const words = s.split(/\s+/);
  if (words.length > REPLACEMENT_MAX_WORDS || words.some((w) => w.toLowerCase() === 'or')) return null;
  return s;
}

/** `by` in the case of `found`: "Leader" → "Person who guides", "LEADER" → "PERSON WHO GUIDES";
 * anything else (mixed case, a replacement with capitals of its own) as it is. */
export function matchCase(found: string, by: string): string {
  if (by !== by.toLowerCase()) return by;
  const letters = found.replace(/[^\p{L}]/gu, '');
  if (letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return by.toUpperCase();
  const first = letters.charAt(0);
  if (first !== '' && first === first.toUpperCase() && first !== first.toLowerCase()) return by.charAt(0).toUpperCase() + by.slice(1);
  return by;
}

/** `text` with the first whole-word occurrence of `find` (any case) replaced by `by` in its case;
 * null when `find` is not there. */
export function replaceFirst(text: string, find: string, by: string): string | null {
  if (find === '') return null;
  const escaped = find.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`(?<![\\p{L}\\p{N}_])${escaped}(?![\\p{L}\\p{N}_])`, 'iu').exec(text);
  if (!m) return null;
  return text.slice(0, m.index) + matchCase(m[0], by) + text.slice(m.index + m[0].length);
}

/** The quick fix for a finding, if there is a certain one: an internal section leaves the
 * posting, an item with internal text leaves it, a coded or misspelt word in an item gives way
 * to the suggested word(s). Only for what is in the posting as `outline` shows it. */
export function quickFix(f: Finding, outline: OutlineSection[]): QuickFix | null {
  const o = f.origin;
  if (o.kind === 'section') {
    const section = outline.find((s) => s.key === o.section);
    if ((f.rule === 'internal_section' || f.rule === 'internal_text') && section?.chosen)
      return { kind: 'section_off', section: o.section, label: 'Leave out this section' };
    return null;
  }
  if (o.kind !== 'item') return null;
  const section = outline.find((s) => s.key === o.section);
  const item = section?.chosen ? section.items.find((i) => i.index === o.index) : undefined;
  if (!item?.on) return null;
  if (f.rule === 'internal_text') return { kind: 'item_off', section: o.section, index: o.index, label: 'Leave out this item' };
  const by = REPLACING_RULES.has(f.rule) ? plainReplacement(f.suggestion) : null;
  if (!by || !f.text || by.toLowerCase() === f.text.toLowerCase()) return null;
  const text = replaceFirst(item.text, f.text, by);
  if (text === null) return null;
  return { kind: 'replace', section: o.section, index: o.index, text, label: `Replace “${f.text}” with “${by}”` };
}

/** Which occurrence of its text a finding is: findings with the same text, earlier in the
 * rendered text, come first (an estimate: the preview may hold the text where no check fired). */
export function occurrence(f: Finding, all: Finding[]): number {
  if (!f.span || !f.text) return 0;
  const start = f.span.start;
  return all.filter((g) => g.text === f.text && g.span && g.span.start < start).length;
}

/** Selects (and, inside one text node, marks) the `nth` occurrence of `text` in `doc`'s body,
 * across element boundaries, and scrolls it into view; false when the text is not there. */
export function selectText(doc: Document | null | undefined, text: string, nth = 0): boolean {
  const body = doc?.body;
  if (!doc || !body || !text) return false;
  unmark(doc);
  const walker = doc.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  const nodes: { node: Text; at: number }[] = [];
  let all = '';
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    nodes.push({ node: n as Text, at: all.length });
    all += (n as Text).data;
  }
  let from = -1;
  for (let i = 0, k = 0; ; k++) {
    const found = all.indexOf(text, i);
    if (found < 0) break;
    from = found;
    if (k >= nth) break;
    i = found + 1;
  }
  if (from < 0) return false;
  const to = from + text.length;
  const locate = (pos: number, end: boolean) => {
    for (let i = nodes.length - 1; i >= 0; i--) {
      const e = nodes[i]!;
      if (end ? e.at < pos : e.at <= pos) return { node: e.node, offset: pos - e.at };
    }
    return null;
  };
  const a = locate(from, false);
  const b = locate(to, true);
  if (!a || !b) return false;
  const range = doc.createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  // Marked (the browser's own <mark> colours, seen whether or not the frame has the focus)
  // when the text lies in one text node; selected in any case.
  if (a.node === b.node) {
    const mark = doc.createElement('mark');
    mark.setAttribute(MARK, '');
    range.surroundContents(mark);
    range.selectNodeContents(mark);
  }
  const selection = doc.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  const at = range.startContainer;
  (at.nodeType === Node.ELEMENT_NODE ? (at as Element) : at.parentElement)?.scrollIntoView?.({ block: 'center' });
  return true;
}

const MARK = 'data-finding';

/** Takes out the mark `selectText` put in, leaving the text as it was. */
export function unmark(doc: Document) {
  for (const m of doc.querySelectorAll(`mark[${MARK}]`)) {
    m.replaceWith(...m.childNodes);
  }
  doc.body?.normalize();
}
