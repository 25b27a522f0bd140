// The edits the editor sends, applied to the role it shows while they are on their way (the
// shell's answer replaces the result). Mirrors the core's `authoring::edit::apply` for the ops
// the editor makes; the shell stays the judge (trimming, provenance times, validation).
import type { Item } from '../bindings/Item';
import type { Role } from '../bindings/Role';
import type { RoleEdit } from '../bindings/RoleEdit';

const NO_SOURCE = { file: '', line: 0 };

/** `role` with `edits` applied in order (a copy; `role` is unchanged). Edits that do not fit
 * are skipped: the shell will refuse them and say why. */
export function applyEdits(role: Role, edits: RoleEdit[]): Role {
  // Svelte state proxies cannot be structured-cloned; JSON round-trips plain role data exactly.
  const out = JSON.parse(JSON.stringify(role)) as Role;
  for (const edit of edits) applyOne(out, edit);
  return out;
}

function applyOne(role: Role, edit: RoleEdit) {
  const sections = role.sections;
  const items = (s: number): Item[] | undefined => sections[s]?.items;
  switch (edit.op) {
    case 'set_title':
      role.title = edit.title;
      break;
    case 'set_track':
      role.track = edit.track?.trim() ? edit.track : null;
      break;
    case 'set_level':
      role.level = edit.level;
      break;
    case 'set_fact':
      role.facts[edit.key] = edit.value;
      if (role.fact_sources) delete role.fact_sources[edit.key];
      break;
    case 'remove_fact':
    case 'restore_fact': {
      const value = edit.op === 'restore_fact' ? edit.value : null;
      if (value === null) delete role.facts[edit.key];
      else role.facts[edit.key] = value;
      break;
    }
    case 'add_section':
      sections.splice(edit.index, 0, { key: `new_${edit.index}_${sections.length}`, title: edit.title, items: [] });
      break;
    case 'rename_section':
      if (sections[edit.section]) sections[edit.section]!.title = edit.title;
      break;
    case 'move_section': {
      const [moved] = sections.splice(edit.from, 1);
      if (moved) sections.splice(edit.to, 0, moved);
      break;
    }
    case 'remove_section':
      sections.splice(edit.section, 1);
      break;
    case 'insert_section':
      sections.splice(edit.index, 0, edit.section);
      break;
    case 'add_item': {
      const list = items(edit.section);
      const group = list?.[edit.index - 1]?.group ?? list?.[edit.index]?.group ?? null;
      list?.splice(edit.index, 0, { text: edit.text, group, source: NO_SOURCE, origin: { kind: 'authored', at: '' } });
      break;
    }
    case 'edit_item': {
      const it = items(edit.section)?.[edit.index];
      if (it) it.text = edit.text;
      break;
    }
    case 'remove_item':
      items(edit.section)?.splice(edit.index, 1);
      break;
    case 'move_item': {
      const from = items(edit.from.section);
      const to = items(edit.to.section);
      if (!from || !to || !from[edit.from.index]) break;
      const [moved] = from.splice(edit.from.index, 1);
      if (moved) to.splice(edit.to.index, 0, moved);
      break;
    }
    case 'restore_item': {
      const list = items(edit.section);
      list?.splice(edit.index, edit.replace ? 1 : 0, edit.item);
      break;
    }
  }
}
