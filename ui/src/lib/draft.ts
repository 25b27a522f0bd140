// Changes to a draft's section choices and posting fields, as the editor makes them. Items are
// switched and edited in Rust (`api.switchDraftItem`, `api.editDraftItem`); the posting is
// rendered there too.
import type { Draft } from './bindings/Draft';
import type { OutlineSection } from './bindings/OutlineSection';

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
