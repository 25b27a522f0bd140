import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import FindingsPanel from './FindingsPanel.svelte';
import { DraftEditor } from './editor.svelte';
import { balanceLine, canReveal, matchCase, occurrence, originLabel, plainReplacement, quickFix, replaceFirst, selectText } from './findings';
import type { Finding } from '../bindings/Finding';
import type { FindingOrigin } from '../bindings/FindingOrigin';
import { OUTLINE } from '../testing';

const finding = (over: Partial<Finding>): Finding => ({
  rule: 'gender_coded',
  severity: 'warning',
  message: 'Masculine-coded word',
  explanation: 'Why.',
  source: null,
  span: null,
  text: null,
  suggestion: null,
  origin: { kind: 'posting' },
  ...over,
});

describe('the wording balance', () => {
  it('gives the uses the verdict weighs, then each word once', () => {
    // Fewer distinct masculine words, but more uses: the counts must agree with the verdict.
    const line = balanceLine({
      masculine: ['lead', 'leaders'],
      feminine: ['kind', 'supportive', 'loyal'],
      masculine_uses: 11,
      feminine_uses: 3,
      verdict: 'strongly masculine-coded',
    });
    expect(line).toBe(
      'Wording: strongly masculine-coded (masculine-coded 11 times: lead, leaders; feminine-coded 3 times: kind, supportive, loyal)',
    );
  });
});

describe('where a finding came from', () => {
  const labels = new Map([['company', 'Company']]);
  it('names the field, the item with its source line, the section and the fact', () => {
    expect(originLabel({ kind: 'field', field: 'company' }, labels, OUTLINE)).toBe('Field: Company');
    expect(originLabel({ kind: 'field', field: 'salary_min' }, labels, OUTLINE)).toBe('Field: Minimum salary');
    expect(originLabel({ kind: 'item', section: 'responsibilities', index: 2, file: 'ladder.txt', line: 14 }, labels, OUTLINE)).toBe(
      'Responsibilities, item 3 (ladder.txt:14)',
    );
    expect(originLabel({ kind: 'section', section: 'checkpoints' }, labels, OUTLINE)).toBe('Section: Checkpoints');
    expect(originLabel({ kind: 'fact', key: 'years_of_experience', file: 'ladder.txt', line: 4 }, labels, OUTLINE)).toBe(
      'Role fact “years_of_experience” (ladder.txt:4)',
    );
    expect(originLabel({ kind: 'fact', key: 'scope', file: null, line: null }, labels, OUTLINE)).toBe('Role fact “scope”');
    expect(originLabel({ kind: 'template' }, labels, OUTLINE)).toBe('The template');
  });

  it('offers to go only where the editor has something to show', () => {
    const skill = { kind: 'item', section: 'skills', index: 1, file: 'sfia.md', line: 12 } as const;
    // The role's SFIA skills are no section of the draft: named, with their source, not a link.
    expect(originLabel(skill, labels, OUTLINE)).toBe('Skills, item 2 (sfia.md:12)');
    expect(canReveal(skill, OUTLINE)).toBe(false);
    expect(canReveal({ kind: 'section', section: 'skills' }, OUTLINE)).toBe(false);
    expect(canReveal({ ...skill, section: 'responsibilities' }, OUTLINE)).toBe(true);
    expect(canReveal({ kind: 'section', section: 'checkpoints' }, OUTLINE)).toBe(true);
    expect(canReveal({ kind: 'field', field: 'company' }, OUTLINE)).toBe(true);
    expect(canReveal({ kind: 'template' }, OUTLINE)).toBe(false);
  });
});

describe('showing a finding in the preview', () => {
  it('selects the nth occurrence of the text, across element boundaries', () => {
    // The document of a browsing context, as the preview frame's is (a bare one has no selection).
    const doc = document;
    doc.body.innerHTML = '<p>A <em>lea</em>der and a leader.</p><p>Another leader.</p>';
    expect(selectText(doc, 'leader', 2)).toBe(true);
    expect(doc.getSelection()!.toString()).toBe('leader');
    let marks = doc.querySelectorAll('mark[data-finding]');
    expect(marks).toHaveLength(1);
    expect(marks[0]!.parentElement?.textContent).toBe('Another leader.');
    expect(selectText(doc, 'leader', 1)).toBe(true);
    marks = doc.querySelectorAll('mark[data-finding]');
    expect(marks).toHaveLength(1);
    expect(marks[0]!.parentElement?.textContent).toBe('A leader and a leader.');
    expect(doc.body.innerHTML).toBe('<p>A <em>lea</em>der and a <mark data-finding="">leader</mark>.</p><p>Another leader.</p>');
    // Across elements: selected, not marked; the earlier mark is gone.
    expect(selectText(doc, 'leader', 0)).toBe(true);
    expect(doc.getSelection()!.toString()).toBe('leader');
    expect(doc.getSelection()!.getRangeAt(0).startContainer.parentElement?.tagName).toBe('EM');
    expect(doc.querySelector('mark')).toBeNull();
    expect(doc.body.innerHTML).toBe('<p>A <em>lea</em>der and a leader.</p><p>Another leader.</p>');
    expect(selectText(doc, 'ninja', 0)).toBe(false);
    doc.body.innerHTML = '';
  });

  it('counts which occurrence a finding is from the findings before it with the same text', () => {
    const a = finding({ text: 'leader', span: { start: 10, end: 16, line: 1 } });
    const b = finding({ text: 'leader', span: { start: 40, end: 46, line: 2 } });
    const c = finding({ text: 'rockstar', span: { start: 20, end: 28, line: 1 } });
    expect(occurrence(b, [a, c, b])).toBe(1);
    expect(occurrence(a, [a, c, b])).toBe(0);
    expect(occurrence(c, [a, c, b])).toBe(0);
  });
});

describe('FindingsPanel', () => {
  it('shows what the checks say as text, never as markup', async () => {
    const editor = new DraftEditor(() => {});
    editor.report = {
      findings: [
        finding({
          severity: 'error',
          message: '<img src=x onerror=alert(1)> is not a word',
          explanation: '<b>bold</b>',
          suggestion: '<script>x</script>',
          span: { start: 0, end: 5, line: 1 },
          text: '<img',
        }),
      ],
      words: 1,
      reading_ease: 80,
      balance: { masculine: [], feminine: [], masculine_uses: 0, feminine_uses: 0, verdict: 'neutral' },
    };
    const shown: Finding[] = [];
    const { container } = render(FindingsPanel, { editor, onReveal: () => {}, onShow: (f: Finding) => (shown.push(f), true) });
    expect(container.querySelector('img, b, script')).toBeNull();
    expect(screen.getByRole('button', { name: '<img src=x onerror=alert(1)> is not a word' })).toBeInTheDocument();
    expect(screen.getByText('Suggestion: <script>x</script>')).toBeInTheDocument();
    expect(screen.getByTestId('count-error')).toHaveTextContent('1 error');
    expect(screen.getByTestId('findings-metrics')).toHaveTextContent('1 word · reading ease 80');
    await userEvent.setup().click(screen.getByRole('button', { name: /is not a word/ }));
    expect(shown).toHaveLength(1);
  });

  it('goes to where a finding came from only when the editor has it to show', async () => {
    const editor = new DraftEditor(() => {});
    const skill = { kind: 'item' as const, section: 'skills', index: 1, file: 'sfia.md', line: 12 };
    editor.report = {
      findings: [
        finding({ message: 'From a skill', span: { start: 0, end: 5, line: 1 }, text: 'ninja', origin: skill }),
        finding({ message: 'From a field', span: { start: 6, end: 9, line: 1 }, text: 'guy', origin: { kind: 'field', field: 'company' } }),
      ],
      words: 2,
      reading_ease: 80,
      balance: { masculine: [], feminine: [], masculine_uses: 0, feminine_uses: 0, verdict: 'neutral' },
    };
    const revealed: FindingOrigin[] = [];
    render(FindingsPanel, { editor, onReveal: (o: FindingOrigin) => revealed.push(o), onShow: () => false });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'From a skill' }));
    expect(revealed).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'From a field' }));
    expect(revealed).toEqual([{ kind: 'field', field: 'company' }]);
  });

  it('folds the list away and back, from the bar', async () => {
    const editor = new DraftEditor(() => {});
    const { container } = render(FindingsPanel, { editor, onReveal: () => {}, onShow: () => false });
    const toggle = screen.getByRole('button', { name: /Findings/ });
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await userEvent.setup().click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(container.querySelector('#findings-list')).not.toBeVisible();
  });
});

describe('quick fixes', () => {
  const item = (section: string, index: number) => ({ kind: 'item' as const, section, index, file: 'ladder.txt', line: 3 });

  it('takes a short plain suggestion as a replacement, and advice as advice', () => {
    expect(plainReplacement('person who guides')).toBe('person who guides');
    expect(plainReplacement(' color ')).toBe('color');
    expect(plainReplacement("don't stop")).toBe("don't stop");
    expect(plainReplacement('describe the experience itself, e.g. "experience leading teams"')).toBeNull();
    expect(plainReplacement('use a plain word.')).toBeNull();
    expect(plainReplacement('lead or guide')).toBeNull();
    expect(plainReplacement('one two three four five')).toBeNull();
    expect(plainReplacement('collaborative/supportive')).toBeNull();
    expect(plainReplacement('')).toBeNull();
    // The spelling checker's own non-replacements.
    expect(plainReplacement('Remove error')).toBeNull();
    expect(plainReplacement('Insert “s”')).toBeNull();
    expect(plainReplacement('Replace with: “colour”')).toBeNull();
    expect(plainReplacement(null)).toBeNull();
  });

  it('replaces the first whole word, keeping a capital or capitals', () => {
    expect(replaceFirst('A leader among leaders, a leader.', 'leader', 'guide')).toBe('A guide among leaders, a leader.');
    expect(replaceFirst('Leader of teams.', 'leader', 'person who guides')).toBe('Person who guides of teams.');
    expect(replaceFirst('A NINJA.', 'ninja', 'expert')).toBe('A EXPERT.');
    expect(replaceFirst('Misleader.', 'leader', 'guide')).toBeNull();
    expect(replaceFirst('Costs (approx.) rise.', '(approx.)', 'about')).toBe('Costs about rise.');
    expect(matchCase('Leader', 'JavaScript')).toBe('JavaScript');
    expect(matchCase('iPhone', 'phone')).toBe('phone');
  });

  it('leaves out an internal section or an item with internal text, only while it is in the posting', () => {
    const outline = OUTLINE.map((s) => (s.key === 'checkpoints' ? { ...s, chosen: true } : s));
    const section = finding({ rule: 'internal_section', origin: { kind: 'section', section: 'checkpoints' } });
    expect(quickFix(section, outline)).toEqual({ kind: 'section_off', section: 'checkpoints', label: 'Leave out this section' });
    expect(quickFix(section, OUTLINE)).toBeNull();
    expect(quickFix({ ...section, rule: 'required_section' }, outline)).toBeNull();
    const text = finding({ rule: 'internal_text', text: 'TODO', origin: item('responsibilities', 1) });
    expect(quickFix(text, OUTLINE)).toEqual({ kind: 'item_off', section: 'responsibilities', index: 1, label: 'Leave out this item' });
    const off = OUTLINE.map((s) => ({ ...s, items: s.items.map((i) => ({ ...i, on: false })) }));
    expect(quickFix(text, off)).toBeNull();
    expect(quickFix({ ...text, origin: { kind: 'posting' } }, OUTLINE)).toBeNull();
  });

  it('replaces a coded or misspelt word in the item as the posting has it, never on advice', () => {
    const coded = finding({ text: 'leader', suggestion: 'person who guides', origin: item('summary', 0) });
    expect(quickFix(coded, OUTLINE)).toEqual({
      kind: 'replace',
      section: 'summary',
      index: 0,
      text: 'An executive person who guides.',
      label: 'Replace “leader” with “person who guides”',
    });
    expect(quickFix({ ...coded, suggestion: 'describe the role, e.g. "guides the team"' }, OUTLINE)).toBeNull();
    expect(quickFix({ ...coded, rule: 'jargon' }, OUTLINE)).toBeNull();
    expect(quickFix({ ...coded, text: 'boss' }, OUTLINE)).toBeNull();
    expect(quickFix({ ...coded, suggestion: 'Leader' }, OUTLINE)).toBeNull();
    const edited = OUTLINE.map((s) => (s.key === 'summary' ? { ...s, items: [{ ...s.items[0]!, text: 'Leader of leaders.' }] } : s));
    expect(quickFix({ ...coded, rule: 'spelling' }, edited)).toMatchObject({ text: 'Person who guides of leaders.' });
  });
});
