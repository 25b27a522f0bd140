import { describe, expect, it, vi } from 'vitest';
import { isTyping, registerKey } from './keys';

function press(key: string, init: KeyboardEventInit = {}, target: EventTarget = document.body) {
  const e = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
  target.dispatchEvent(e);
  return e;
}

describe('keys', () => {
  it('runs the newest handler of an action and stops after unregistering', () => {
    const older = vi.fn();
    const newer = vi.fn();
    const stopOlder = registerKey('save', older);
    const stopNewer = registerKey('save', newer);
    expect(press('s', { ctrlKey: true }).defaultPrevented).toBe(true);
    expect(newer).toHaveBeenCalledTimes(1);
    expect(older).not.toHaveBeenCalled();
    stopNewer();
    press('s', { ctrlKey: true });
    expect(older).toHaveBeenCalledTimes(1);
    stopOlder();
    expect(press('s', { ctrlKey: true }).defaultPrevented).toBe(false);
  });

  it('keeps "?" for the text being typed, but not Ctrl shortcuts', () => {
    const shortcuts = vi.fn();
    const palette = vi.fn();
    const stops = [registerKey('shortcuts', shortcuts), registerKey('palette', palette)];
    const input = document.createElement('input');
    document.body.append(input);
    press('?', {}, input);
    expect(shortcuts).not.toHaveBeenCalled();
    press('k', { ctrlKey: true }, input);
    expect(palette).toHaveBeenCalledTimes(1);
    press('?');
    expect(shortcuts).toHaveBeenCalledTimes(1);
    const box = Object.assign(document.createElement('input'), { type: 'checkbox' });
    expect(isTyping(box)).toBe(false);
    expect(isTyping(input)).toBe(true);
    input.remove();
    stops.forEach((s) => s());
  });
});
