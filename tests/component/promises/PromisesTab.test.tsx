// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PromisesTab } from '@/components/promises/PromisesTab';
import { db } from '@/lib/db/db';
import { setLocale } from '@/lib/i18n';
import { addPromise, markDone } from '@/lib/promises/store';
import { reviewRequest } from '@/lib/promises/review-flag';

const H = 3600_000;

beforeEach(async () => {
  fakeBrowser.reset();
  setLocale('zh_CN');
  await fakeBrowser.storage.local.set({
    settings: { uiLanguage: 'zh_CN', timeZone: 'Asia/Shanghai', shift: { start: '09:00', end: '21:00' } },
  });
  await db.promises.clear();
  location.hash = '';
});
afterEach(() => cleanup());

function log(text: string, dueIn: number, buyer = '小雨') {
  return addPromise(db, { text, buyer, orderId: 'A1', due: Date.now() + dueIn, dueExplicit: true, now: Date.now() });
}

describe('PromisesTab', () => {
  it('shows a promise logged elsewhere without reload, and Done moves it', async () => {
    render(<PromisesTab />);
    await screen.findByTestId('promises-empty');
    await act(() => log('明天给您补发', 30 * H));
    const row = await screen.findByTestId('promise-row');
    expect(within(row).getByTestId('promise-text').textContent).toBe('明天给您补发');
    expect(within(row).getByTestId('promise-buyer').textContent).toBe('小雨');
    expect(screen.getByTestId('group-later')).toBeTruthy();
    fireEvent.click(within(row).getByTestId('promise-done'));
    await waitFor(() => expect(within(screen.getByTestId('group-done')).getAllByTestId('promise-row')).toHaveLength(1));
    expect(screen.queryByTestId('group-later')).toBeNull();
  });

  it('buckets overdue / later / done with counts', async () => {
    const a = await log('a', -H);
    await log('c', 72 * H);
    await markDone(db, a.uid, Date.now());
    await log('d', -2 * H);
    render(<PromisesTab />);
    await screen.findAllByTestId('promise-row');
    const count = (b: string) => within(screen.getByTestId(`group-${b}`)).getByTestId('group-count').textContent;
    expect(count('overdue')).toBe('1');
    expect(count('later')).toBe('1');
    expect(count('done')).toBe('1');
    expect(screen.getByTestId('promises-counts').textContent).toBe('未完成 2 · 超时 1');
  });

  it('review mode (requested by the background) lists exactly the open promises', async () => {
    const done = await log('done one', H);
    await markDone(db, done.uid, Date.now());
    await log('open one', H);
    await log('open two', -H);
    await reviewRequest.setValue(Date.now());
    render(<PromisesTab />);
    const review = await screen.findByTestId('review');
    await waitFor(() => expect(within(review).getAllByTestId('promise-row')).toHaveLength(2));
    expect(
      within(review)
        .getAllByTestId('promise-text')
        .map((e) => e.textContent),
    ).toEqual(['open two', 'open one']);
    fireEvent.click(screen.getByTestId('review-finish'));
    await waitFor(() => expect(screen.getByTestId('promises-tab').dataset.review).toBe('0'));
    expect(await reviewRequest.getValue()).toBe(0);
  });

  it('search filters by buyer, order or text', async () => {
    await log('补发一件', H, '小雨');
    await log('退运费', H, 'Tom');
    render(<PromisesTab />);
    await waitFor(() => expect(screen.getAllByTestId('promise-row')).toHaveLength(2));
    fireEvent.change(screen.getByTestId('promises-search'), { target: { value: 'tom' } });
    await waitFor(() => expect(screen.getAllByTestId('promise-row')).toHaveLength(1));
    expect(screen.getByTestId('promise-text').textContent).toBe('退运费');
  });

  it('pages long buckets: 50 rows, then more on demand', async () => {
    await db.promises.bulkAdd(
      Array.from({ length: 120 }, (_, i) => ({
        uid: `bulk-${i}`,
        text: `p${i}`,
        createdAt: Date.now(),
        updatedAt: Date.now(),
        due: Date.now() + 48 * H + i * 1000,
        status: 'open' as const,
        notes: [],
      })),
    );
    render(<PromisesTab />);
    await waitFor(() => expect(screen.getAllByTestId('promise-row')).toHaveLength(50));
    fireEvent.click(screen.getByTestId('group-more'));
    await waitFor(() => expect(screen.getAllByTestId('promise-row')).toHaveLength(120));
  });

  it('Snooze moves the due time; Edit changes text, due, buyer and order', async () => {
    const p = await log('补发', H);
    render(<PromisesTab />);
    const row = await screen.findByTestId('promise-row');
    fireEvent.change(within(row).getByTestId('promise-snooze'), { target: { value: 'tomorrowEnd' } });
    await waitFor(async () => {
      const stored = await db.promises.get(p.id!);
      const wall = new Date(stored!.due + 8 * H);
      expect(wall.getUTCHours()).toBe(21);
    });

    fireEvent.click(within(screen.getByTestId('promise-row')).getByTestId('promise-edit'));
    const form = screen.getByTestId('promise-edit-form');
    fireEvent.change(within(form).getByTestId('edit-text'), { target: { value: '补发两件' } });
    fireEvent.change(within(form).getByTestId('edit-due'), { target: { value: '2030-01-02T10:15' } });
    fireEvent.change(within(form).getByTestId('edit-buyer'), { target: { value: 'Tom' } });
    fireEvent.change(within(form).getByTestId('edit-order'), { target: { value: 'B2' } });
    fireEvent.click(within(form).getByTestId('edit-save'));
    await waitFor(async () =>
      expect(await db.promises.get(p.id!)).toMatchObject({
        text: '补发两件',
        due: Date.UTC(2030, 0, 2, 2, 15),
        buyer: 'Tom',
        orderId: 'B2',
      }),
    );
    await waitFor(() => expect(screen.getByTestId('promise-text').textContent).toBe('补发两件'));
  });
});
