import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { badgeState, type BadgeState } from '../../../scripts/lib/chromium';

// Reading the badge and the page as a user (and a test) sees them. Contract: DESIGN.md "In-page and
// popup UI" — <smartpick-badge> (open shadow root; Playwright locators pierce it) with data-tier and
// data-state, a button "Add to list" that becomes "In your list · <Tier>".

export const badge = (page: Page): Locator => page.locator('smartpick-badge');

/** The collapsed pill: its accessible name starts with "SmartPick". */
export const pill = (page: Page): Locator => badge(page).getByRole('button', { name: /^SmartPick\b/ }).first();

/** Waits until the badge is mounted and shows `want` (e.g. { state: 'ready', tier: 'realistic' }). */
export async function waitForBadge(page: Page, want: Partial<BadgeState>, timeout = 15_000): Promise<BadgeState> {
  await expect.poll(() => badgeState(page), { timeout, interval: 100 }).toMatchObject(want);
  return (await badgeState(page))!;
}

/** The score the pill shows ("Realistic · 63" → 63), or null when it shows none. */
export async function pillScore(page: Page): Promise<number | null> {
  const text = (await pill(page).textContent()) ?? '';
  const m = text.match(/·\s*(\d{1,3})\b/);
  return m ? Number(m[1]) : null;
}

/**
 * Text highlighted on the page, whichever way the badge marks it: CSS Custom Highlight API ranges
 * (preferred, no DOM change), the selection, or <mark> elements.
 */
export async function highlightedText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts: string[] = [];
    const registry = (globalThis as { CSS?: { highlights?: Map<string, Iterable<AbstractRange>> } }).CSS?.highlights;
    for (const h of registry?.values() ?? []) {
      for (const r of h) if (r instanceof Range) parts.push(r.toString());
    }
    const sel = document.getSelection()?.toString();
    if (sel) parts.push(sel);
    for (const m of document.querySelectorAll('mark')) parts.push(m.textContent ?? '');
    return parts.join(' | ').replace(/\s+/g, ' ').trim();
  });
}

/**
 * Records, from the page's own start, a fingerprint of the DOM at DOMContentLoaded (before any
 * document_idle content script) and every mutation after it. Call before page.goto.
 */
export async function watchDom(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __dom?: { atLoad: string; mutations: number } };
    const fp = () => {
      const html = document.documentElement.outerHTML;
      let h = 0x811c9dc5;
      for (let i = 0; i < html.length; i++) h = Math.imul(h ^ html.charCodeAt(i), 0x01000193);
      return `${html.length}:${(h >>> 0).toString(16)}`;
    };
    document.addEventListener('DOMContentLoaded', () => {
      w.__dom = { atLoad: fp(), mutations: 0 };
      new MutationObserver((records) => {
        w.__dom!.mutations += records.length;
      }).observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    (window as unknown as { __domNow: () => string }).__domNow = fp;
  });
}

/** { atLoad, now, mutations } from watchDom(). */
export async function domChanges(page: Page): Promise<{ atLoad: string; now: string; mutations: number }> {
  return page.evaluate(() => {
    const w = window as unknown as { __dom: { atLoad: string; mutations: number }; __domNow: () => string };
    return { atLoad: w.__dom.atLoad, now: w.__domNow(), mutations: w.__dom.mutations };
  });
}

/**
 * The popup's saved programs by section: each list item's text under the nearest preceding heading,
 * whatever the markup between them.
 */
export async function listSections(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const out: Record<string, string[]> = {};
    let section = '';
    for (const el of document.querySelectorAll('h1, h2, h3, h4, h5, h6, [role="heading"], li')) {
      const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (el.tagName === 'LI') (out[section] ??= []).push(text);
      else section = text;
    }
    return out;
  });
}

/** Whether the first highlighted range is laid out on screen (not inside a collapsed, hidden answer). */
export async function highlightIsVisible(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const registry = (globalThis as { CSS?: { highlights?: Map<string, Iterable<AbstractRange>> } }).CSS?.highlights;
    const range = [...(registry?.values() ?? [])].flatMap((h) => [...h]).find((r): r is Range => r instanceof Range);
    const rect = range?.getBoundingClientRect();
    return !!rect && rect.width > 0 && rect.height > 0;
  });
}
