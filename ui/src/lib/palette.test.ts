import { describe, expect, it } from 'vitest';
import { rankCommands, type Command } from './palette';

const cmd = (label: string, kind: Command['kind'], keywords = ''): Command => ({ id: label, label, kind, keywords, run: () => {} });
const COMMANDS = [
  cmd('Compare roles', 'Action', 'diff side by side'),
  cmd('Theme: Dark', 'Action', 'colour night'),
  cmd('CTO', 'Role', 'cto people manager path'),
  cmd('VP of Engineering', 'Role', 'vp-of-engineering people manager path'),
  cmd('VP of Product', 'Role', 'vp-of-product product'),
  cmd('Director of Engineering', 'Role', 'director-of-engineering people manager path'),
];

describe('rankCommands', () => {
  it('lists everything for an empty query', () => {
    expect(rankCommands(COMMANDS, '  ')).toEqual(COMMANDS);
  });

  it('puts labels starting with the query first, in the order given', () => {
    expect(rankCommands(COMMANDS, 'vp').map((c) => c.label)).toEqual(['VP of Engineering', 'VP of Product']);
    expect(rankCommands(COMMANDS, 'eng').map((c) => c.label)).toEqual(['VP of Engineering', 'Director of Engineering']);
  });

  it('matches word starts in labels, then keywords', () => {
    expect(rankCommands(COMMANDS, 'dark').map((c) => c.label)).toEqual(['Theme: Dark']);
    expect(rankCommands(COMMANDS, 'path eng').map((c) => c.label)).toEqual(['VP of Engineering', 'Director of Engineering']);
    expect(rankCommands(COMMANDS, 'diff').map((c) => c.label)).toEqual(['Compare roles']);
    expect(rankCommands(COMMANDS, 'ngineering')).toEqual([]);
  });
});
