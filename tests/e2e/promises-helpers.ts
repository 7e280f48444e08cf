/**
 * Helpers for the promise-log browser tests: a real key press through X (xdotool), and reading the
 * promise log straight from the extension's IndexedDB (from the service worker, without the app code).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { Worker } from 'playwright-core';
import type { FeedbackRow, PromiseRow } from '../../lib/db/schema';

export function hasXdotool(): boolean {
  try {
    execFileSync('xdotool', ['version'], { stdio: 'ignore' });
    return !!process.env.DISPLAY;
  } catch {
    return false;
  }
}

/**
 * Give the page's window the X focus and press a key chord for real (extension commands need it).
 * Playwright workers share one X display: the window is found by a unique title, and focus + press hold a
 * lock across worker processes so another worker cannot take the focus in between.
 */
export async function pressShortcut(page: Page, chord: string): Promise<void> {
  await page.bringToFront();
  const title = await page.title();
  const unique = `huashu-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  await page.evaluate((t) => (document.title = t), unique);
  try {
    await withXLock(async () => {
      // The title reaches the X window a moment after it changes: `--sync` waits for it (bounded).
      let ids: string[] = [];
      try {
        ids = execFileSync('xdotool', ['search', '--sync', '--onlyvisible', '--name', unique], {
          encoding: 'utf8',
          timeout: 5_000,
        })
          .trim()
          .split('\n')
          .filter(Boolean);
      } catch {
        // reported below
      }
      if (!ids.length) throw new Error(`no X window titled ${unique}`);
      // Without a window manager, windowfocus gives the keyboard focus.
      execFileSync('xdotool', ['windowfocus', '--sync', ids[ids.length - 1]]);
      execFileSync('xdotool', ['key', '--clearmodifiers', chord]);
    });
  } finally {
    await page.evaluate((t) => (document.title = t), title).catch(() => {});
  }
}

async function withXLock<T>(fn: () => Promise<T>): Promise<T> {
  const dir = join(tmpdir(), `huashu-xlock-${(process.env.DISPLAY ?? 'none').replace(/\W/g, '')}`);
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      mkdirSync(dir);
      break;
    } catch {
      if (Date.now() > deadline) break; // a crashed holder: go on rather than hang
      await new Promise((r) => setTimeout(r, 25));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function readStore<T>(background: Worker, store: 'promises' | 'feedback'): Promise<T[]> {
  return background.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('huashu');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const idb = open.result;
          if (!idb.objectStoreNames.contains(name)) {
            idb.close();
            resolve([]);
            return;
          }
          const req = idb.transaction(name).objectStore(name).getAll();
          req.onsuccess = () => {
            idb.close();
            resolve(req.result as T[]);
          };
          req.onerror = () => reject(req.error);
        };
      }),
    store,
  );
}

export const readPromises = (bg: Worker) => readStore<PromiseRow>(bg, 'promises');
export const readFeedback = (bg: Worker) => readStore<FeedbackRow>(bg, 'feedback');

/** Agent settings for a test (storage.local "settings", as lib/settings.ts keeps them). */
export async function setSettings(bg: Worker, settings: Record<string, unknown>): Promise<void> {
  await bg.evaluate((s) => chrome.storage.local.set({ settings: s }), settings);
}

/** Type a promise into the fixture's reply box and log it with the real shortcut; waits for the toast. */
export async function logWithShortcut(page: Page, text: string): Promise<void> {
  await page.locator('#reply').fill(text);
  await pressShortcut(page, 'alt+shift+y');
  const toast = page.getByTestId('huashu-toast');
  await toast.locator('[data-testid="toast-text"]', { hasText: text.slice(0, 40) }).waitFor();
}

/** Wall-clock parts of an instant in Shanghai (UTC+8 all year), computed without the app's code. */
export function shanghaiEpoch(daysFromToday: number, hour: number, minute = 0, now = Date.now()): number {
  const local = new Date(now + 8 * 3600_000);
  return Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + daysFromToday, hour - 8, minute);
}

export const SHANGHAI_SETTINGS = {
  defaultTone: 'friendly',
  uiLanguage: 'zh_CN',
  shift: { start: '09:00', end: '21:00' },
  timeZone: 'Asia/Shanghai',
  giftBudgetPerDay: 50,
  cardCollapsed: false,
};
