import { describe, expect, it } from 'vitest';
import { groupByTrack, matches, NO_TRACK } from './library.svelte';
import { ROLES, role } from './testing';

describe('library search and grouping', () => {
  it('matches every word of the query against title, track and id', () => {
    const vp = ROLES[2]!;
    expect(matches(vp, 'vp of eng')).toBe(true);
    expect(matches(vp, 'manager')).toBe(true);
    expect(matches(vp, 'vp product')).toBe(false);
    expect(matches(vp, '  ')).toBe(true);
  });

  it('groups roles by track, alphabetically, with roles without a track last', () => {
    const groups = groupByTrack([...ROLES, role('x', 'Loose role', null)]);
    expect(groups.map((g) => g.track)).toEqual(['People Manager Path', 'Product', NO_TRACK]);
    expect(groups[0]!.roles.map((r) => r.id)).toEqual(['cto', 'director-of-engineering', 'vp-of-engineering']);
  });
});
