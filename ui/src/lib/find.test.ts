import { describe, expect, it } from 'vitest';
import { findRanges, splitMatches } from './find';

describe('findRanges', () => {
  it('finds words at word starts, case-insensitively', () => {
    const text = 'Capacity planning, resource allocation, and Budgeting.';
    expect(findRanges(text, 'budget')).toEqual([{ start: 44, end: 50 }]);
    expect(findRanges(text, 'plan')).toEqual([{ start: 9, end: 13 }]);
    expect(findRanges('Explain the plan', 'plan')).toEqual([{ start: 12, end: 16 }]);
    expect(findRanges(text, '')).toEqual([]);
    expect(findRanges(text, 'astronaut')).toEqual([]);
  });

  it('marks every word of the query, in text order, never overlapping', () => {
    const ranges = findRanges('Owns the budget and the budgeting process', 'the budget budgeting');
    expect(ranges.map((r) => 'Owns the budget and the budgeting process'.slice(r.start, r.end))).toEqual([
      'the',
      'budget',
      'the',
      'budgeting',
    ]);
  });

  it('cuts the text into plain and matched pieces', () => {
    const text = 'Sets the strategy.';
    expect(splitMatches(text, findRanges(text, 'strat'))).toEqual([
      { text: 'Sets the ', match: null },
      { text: 'strat', match: 0 },
      { text: 'egy.', match: null },
    ]);
    expect(splitMatches(text, [])).toEqual([{ text, match: null }]);
  });
});
