import { describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import { mockWindows } from '@tauri-apps/api/mocks';
import { emit } from '@tauri-apps/api/event';
import App from '../../App.svelte';
import { mockImport } from './fixtures';

describe('drag and drop', () => {
  it('files dropped on the window open the Import tab and plan them', async () => {
    mockWindows('main');
    const { calls } = mockImport({ events: true });
    const { container } = render(App);
    const position = { x: 10, y: 10 };

    // Hovering shows the drop overlay; leaving hides it (the leave listener is registered last).
    await waitFor(async () => {
      await emit('tauri://drag-enter', { paths: ['/docs/ladder.txt'], position });
      expect(container.querySelector('.drop-overlay')).not.toBeNull();
    });
    await waitFor(async () => {
      await emit('tauri://drag-leave', null);
      expect(container.querySelector('.drop-overlay')).toBeNull();
    });

    await emit('tauri://drag-drop', { paths: ['/docs/ladder.txt', '/docs/cto.txt'], position });
    expect(await screen.findByTestId('import-summary')).toHaveTextContent('2 roles found');
    expect(window.location.hash).toBe('#/import');
    expect(calls.find((c) => c.cmd === 'plan_import')?.args.paths).toEqual(['/docs/ladder.txt', '/docs/cto.txt']);
    expect(container.querySelector('.drop-overlay')).toBeNull();
  });
});
