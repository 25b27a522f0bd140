import { describe, expect, it } from 'vitest';
import { applyEdits } from './apply';
import { ROLES } from '../testing';

const VP = ROLES[2]!;
const texts = (r: typeof VP, s: number) => r.sections[s]!.items.map((i) => i.text);

describe('applyEdits (the editor shows edits before the shell saves them)', () => {
  it('moves an item so it ends up at the index given, as the core does', () => {
    const down = applyEdits(VP, [{ op: 'move_item', from: { section: 1, index: 0 }, to: { section: 1, index: 2 } }]);
    expect(texts(down, 1)).toEqual(['Owns the budget.', 'Hires directors.', 'Sets the strategy.']);
    const across = applyEdits(VP, [{ op: 'move_item', from: { section: 1, index: 2 }, to: { section: 0, index: 0 } }]);
    expect(texts(across, 0)).toEqual(['Hires directors.', 'Can drive all internal and external communication.']);
    expect(texts(across, 1)).toEqual(['Sets the strategy.', 'Owns the budget.']);
  });

  it('adds an item into the sub-heading of the one before it, marked as written here', () => {
    const r = applyEdits(VP, [{ op: 'add_item', section: 1, index: 1, text: 'New.' }]);
    expect(r.sections[1]!.items[1]).toMatchObject({ text: 'New.', group: 'Strategic responsibilities', origin: { kind: 'authored' } });
  });

  it('leaves the role it was given alone', () => {
    const before = JSON.stringify(VP);
    applyEdits(VP, [
      { op: 'set_title', title: 'Changed' },
      { op: 'remove_section', section: 0 },
      { op: 'set_fact', key: 'scope', value: 'World' },
    ]);
    expect(JSON.stringify(VP)).toBe(before);
  });

  it('moves sections, removes and restores facts', () => {
    const r = applyEdits(VP, [
      { op: 'move_section', from: 0, to: 1 },
      { op: 'remove_fact', key: 'scope' },
      { op: 'restore_fact', key: 'years_of_experience', value: '20+', source: null },
    ]);
    expect(r.sections.map((s) => s.key)).toEqual(['responsibilities', 'communication_and_leadership']);
    expect(r.facts).toEqual({ years_of_experience: '20+' });
  });
});
