import { expect, test } from 'vitest';
import { POPUP_CSS } from '../../../components/popup/styles';
import { PALETTE } from '../../../components/badge/styles';

// Colours come from the badge palette, whose contrast (4.5:1 text, 3:1 controls) the badge's
// styles test checks in both schemes.

test('follows the colour scheme with the badge palette', () => {
  expect(POPUP_CSS).toContain('@media (prefers-color-scheme:dark)');
  expect(POPUP_CSS).toContain(`--sp-reach:${PALETTE.light.reach}`);
  expect(POPUP_CSS).toContain(`--sp-reach:${PALETTE.dark.reach}`);
});

test('loads nothing from the network', () => {
  expect(POPUP_CSS).not.toMatch(/url\(|@import|@font-face|https?:/);
});

test('focus stays visible', () => {
  expect(POPUP_CSS).toMatch(/:focus-visible\{outline:2px solid var\(--sp-focus\)/);
  // Only the programmatically focused heading (tabindex -1) drops the ring.
  expect(POPUP_CSS.match(/outline:none/g)).toHaveLength(1);
  expect(POPUP_CSS).toContain('h1:focus{outline:none}');
});

test('the toolbar popup is 360–400 px wide', () => {
  const w = Number(/data-mode="popup"\] body\{width:(\d+)px/.exec(POPUP_CSS)?.[1]);
  expect(w).toBeGreaterThanOrEqual(360);
  expect(w).toBeLessThanOrEqual(400);
});
