import { describe, expect, it } from 'vitest';
import { candidates, countSummary, rowDiffers } from './compare';
import { COMPARISON, SUMMARIES } from './testing';

describe('compare helpers', () => {
  it('finds the rows where some role differs from its left neighbour', () => {
    const rows = COMPARISON.sections[0]!.rows;
    expect(rows.map(rowDiffers)).toEqual([true, false, true]);
  });

  it('summarises counts like the CLI', () => {
    expect(countSummary({ same: 3, changed: 2, removed: 2, added: 0 })).toBe('3 same, 2 changed, 2 removed');
    expect(countSummary({ same: 0, changed: 0, removed: 0, added: 0 })).toBe('empty');
  });

  it('ranks roles whose title starts with the query first and leaves out chosen ones', () => {
    expect(candidates(SUMMARIES, [], 'cto').map((r) => r.id)).toEqual(['cto', 'director-of-engineering']);
    expect(candidates(SUMMARIES, ['cto'], 'vp').map((r) => r.id)).toEqual(['vp-of-engineering', 'vp-of-product']);
    expect(candidates(SUMMARIES, ['cto', 'vp-of-product'], '').map((r) => r.id)).toEqual([
      'director-of-engineering',
      'vp-of-engineering',
    ]);
  });
});
