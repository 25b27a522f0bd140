import { describe, expect, it } from 'vitest';
import { moveSection, setField, switchSection } from './draft';
import { DRAFT, OUTLINE } from './testing';

describe('draft edits', () => {
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
