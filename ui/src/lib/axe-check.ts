// Test helper: runs axe-core on what a component test rendered and lists the serious and
// critical violations, one line each, so a failing test says what and where.
import axe from 'axe-core';

export interface AxeProblem {
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

export async function axeProblems(root: Element = document.body): Promise<AxeProblem[]> {
  // jsdom has no canvas; axe then treats no text as an icon ligature (without a logged error).
  HTMLCanvasElement.prototype.getContext = (() => null) as typeof HTMLCanvasElement.prototype.getContext;
  const results = await axe.run(root, {
    resultTypes: ['violations'],
    // The draft preview's frame holds the rendered posting (no scripts, jsdom cannot message
    // into it); the frame element itself (its title) is still checked.
    iframes: false,
    rules: {
      // jsdom does not compute colours or layout, so axe cannot judge contrast here (it would
      // report every text as unknown or pass it blindly). Contrast is checked in the end-to-end
      // run in the real webview (tests/e2e: axe_finds_no_serious_problems).
      'color-contrast': { enabled: false },
    },
  });
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      rule: v.id,
      impact: v.impact ?? '',
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
}
