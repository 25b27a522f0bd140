import '@testing-library/jest-dom/vitest';
import { afterEach } from 'vitest';
import { clearMocks } from '@tauri-apps/api/mocks';

// What index.html sets, so axe judges the same document the app shows.
document.documentElement.lang = 'en';
document.title = 'Rolecraft';

afterEach(() => {
  clearMocks();
  window.location.hash = '';
});
