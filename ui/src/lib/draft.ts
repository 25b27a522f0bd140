// Changes to a draft's choices, as the editor makes them. The posting is rendered in Rust; these
// only edit the draft's selections (the same rules as the core's `Draft::switch_item` and
// `Draft::edit_item`).
import type { Draft } from './bindings/Draft';
import type { OutlineSection } from './bindings/OutlineSection';

export function switchItem(draft: Draft, section: string, index: number, on: boolean): Draft {
  const rest = draft.items_off.filter((r) => !(r.section === section && r.index === index));
  return { ...draft, items_off: on ? rest : [...rest, { section, index }] };
}

/** Sets an item's text for this posting; the library's own text (or nothing) drops the edit. */
export function editItem(draft: Draft, section: string, index: number, text: string, original: string): Draft {
  const rest = draft.item_edits.filter((e) => !(e.section === section && e.index === index));
  const keep = text.trim() !== '' && text !== original;
  return { ...draft, item_edits: keep ? [...rest, { section, index, text }] : rest };
}

function chosenKeys(outline: OutlineSection[]): string[] {
  return outline.filter((s) => s.chosen).map((s) => s.key);
}

export function switchSection(draft: Draft, outline: OutlineSection[], key: string, on: boolean): Draft {
  const keys = chosenKeys(outline).filter((k) => k !== key);
  return { ...draft, sections: on ? [...keys, key] : keys };
}

/** Moves a chosen section up (-1) or down (+1) among the chosen ones. */
export function moveSection(draft: Draft, outline: OutlineSection[], key: string, by: -1 | 1): Draft {
  const keys = chosenKeys(outline);
  const i = keys.indexOf(key);
  const j = i + by;
  if (i < 0 || j < 0 || j >= keys.length) return draft;
  [keys[i], keys[j]] = [keys[j]!, keys[i]!];
  return { ...draft, sections: keys };
}

export function setField(draft: Draft, field: keyof Draft['posting'], value: string): Draft {
  return { ...draft, posting: { ...draft.posting, [field]: value === '' ? null : value } };
}
