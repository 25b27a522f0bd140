import { describe, expect, it } from 'vitest';
import { editItem, moveSection, setField, switchItem, switchSection } from './draft';
import { DRAFT, OUTLINE } from './testing';

describe('draft edits', () => {
  it('switches items off and on again', () => {
    const off = switchItem(DRAFT, 'responsibilities', 1, false);
    expect(off.items_off).toEqual([{ section: 'responsibilities', index: 1 }]);
    expect(switchItem(off, 'responsibilities', 1, true).items_off).toEqual([]);
    expect(DRAFT.items_off).toEqual([]);
  });

  it('keeps an edited text and drops the edit when it goes back to the library text', () => {
    const edited = editItem(DRAFT, 'responsibilities', 0, 'Sets the whole strategy.', 'Sets the strategy.');
    expect(edited.item_edits).toEqual([{ section: 'responsibilities', index: 0, text: 'Sets the whole strategy.' }]);
    expect(editItem(edited, 'responsibilities', 0, 'Sets the strategy.', 'Sets the strategy.').item_edits).toEqual([]);
    expect(editItem(edited, 'responsibilities', 0, '  ', 'Sets the strategy.').item_edits).toEqual([]);
  });

  it('chooses and orders sections from the outline', () => {
    expect(switchSection(DRAFT, OUTLINE, 'summary', false).sections).toEqual(['responsibilities']);
    expect(switchSection(DRAFT, OUTLINE, 'checkpoints', true).sections).toEqual(['summary', 'responsibilities', 'checkpoints']);
    expect(moveSection(DRAFT, OUTLINE, 'responsibilities', -1).sections).toEqual(['responsibilities', 'summary']);
    expect(moveSection(DRAFT, OUTLINE, 'summary', -1)).toBe(DRAFT);
  });

  it('stores an emptied field as null', () => {
    expect(setField(DRAFT, 'company', 'Acme').posting.company).toBe('Acme');
    expect(setField(DRAFT, 'company', '').posting.company).toBeNull();
  });
});
