import { describe, expect, test } from 'vitest';
import { BADGE_CSS, BADGE_Z_INDEX, PALETTE } from '../../../components/badge/styles';

// WCAG relative luminance and contrast ratio (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio).
const luminance = (hex: string) => {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const v = parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

const TEXT = ['text', 'muted', 'safety', 'realistic', 'reach', 'ineligible', 'unknown'] as const;

describe.each(Object.entries(PALETTE))('%s scheme', (_, p) => {
  test.each(TEXT)('%s text reaches 4.5:1 on the badge background', (k) => {
    expect(contrast(p[k], p.bg)).toBeGreaterThanOrEqual(4.5);
  });
  test('primary button text reaches 4.5:1', () => {
    expect(contrast(p.primaryText, p.primaryBg)).toBeGreaterThanOrEqual(4.5);
  });
  test('focus ring and control borders reach 3:1 (non-text contrast)', () => {
    expect(contrast(p.focus, p.bg)).toBeGreaterThanOrEqual(3);
    expect(contrast(p.control, p.bg)).toBeGreaterThanOrEqual(3);
  });
});

describe('BADGE_CSS', () => {
  test('follows the colour scheme and reduced motion inside the shadow root', () => {
    expect(BADGE_CSS).toContain('@media (prefers-color-scheme:dark)');
    expect(BADGE_CSS).toContain('prefers-reduced-motion');
  });
  test('loads nothing from the network', () => {
    expect(BADGE_CSS).not.toMatch(/url\(|@import|@font-face|https?:/);
  });
  test('z-index high but below the 2^31 range chat widgets use', () => {
    expect(BADGE_CSS).toContain(`z-index:${BADGE_Z_INDEX}`);
    expect(BADGE_Z_INDEX).toBeLessThan(2_000_000_000);
  });
  test('every palette colour is a 6-digit hex (the contrast test reads them)', () => {
    for (const s of Object.values(PALETTE)) for (const v of Object.values(s)) expect(v).toMatch(/^#[0-9a-f]{6}$/);
  });
});
