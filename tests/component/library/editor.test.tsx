// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FeaturedEditor } from '@/components/library/FeaturedEditor';
import { LearnList } from '@/components/library/LearnList';
import { ScriptBrowser, type SearchFn } from '@/components/library/ScriptBrowser';
import { StatsView } from '@/components/library/StatsView';
import { db } from '@/lib/db/db';
import { applyPackImport } from '@/lib/library/import';
import { loadActivePacks } from '@/lib/library/packs';
import { recordUsage } from '@/lib/library/usage';
import { pack, script } from '../../unit/library/fixtures';

const store = pack(
  [
    script('ship', '几天发货', '亲，48 小时内发货～', { category: '物流' }),
    script('fee', '运费谁出', '亲，包邮哦～', { category: '物流' }),
    script('size', '尺码怎么选', '亲，看尺码表～', { category: '售前' }),
  ],
  'store',
);

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
  await applyPackImport(db, store);
});
afterEach(cleanup);

const change = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });

describe('ScriptBrowser', () => {
  it('filters by category and puts engine hits first, then text matches', async () => {
    const search: SearchFn = async (q) => (q === '邮费' ? [{ packId: 'store', scriptId: 'fee' }] : []);
    render(<ScriptBrowser search={search} />);
    await screen.findByTestId('script-item-store/ship');
    change('script-filter-category', '售前');
    expect(screen.getByTestId('script-count').dataset.count).toBe('1');
    change('script-filter-category', '');
    change('script-search', '邮费');
    await waitFor(() => expect(screen.getByTestId('script-count').dataset.count).toBe('1'));
    expect(screen.getByTestId('script-item-store/fee')).toBeTruthy();
    change('script-search', '48 小时');
    await waitFor(() => expect(screen.getByTestId('script-count').dataset.count).toBe('1'));
    expect(screen.getByTestId('script-item-store/ship')).toBeTruthy();
  });

  it('edits a script into the override layer and marks it edited', async () => {
    render(<ScriptBrowser search={async () => []} />);
    fireEvent.click(await screen.findByTestId('script-edit-store/ship'));
    change('edit-questions', '几天发货\n什么时候发');
    fireEvent.click(screen.getByTestId('edit-add-followup'));
    change('edit-followup-0-text', '您急用吗？');
    change('edit-followup-0-options', '急用\n不急');
    fireEvent.click(screen.getByTestId('edit-add-comp'));
    change('edit-comp-0-text', '送运费险');
    change('edit-comp-0-cost', '1.5');
    fireEvent.click(screen.getByTestId('edit-refusal'));
    fireEvent.click(screen.getByTestId('edit-save'));
    await waitFor(async () => expect(await db.overrides.count()).toBe(1));
    const o = (await db.overrides.get(['store', 'ship']))!.script!;
    expect(o.questions).toEqual(['几天发货', '什么时候发']);
    expect(o.followUps).toEqual([{ text: '您急用吗？', options: ['急用', '不急'] }]);
    expect(o.compensations).toEqual([{ kind: 'gift', text: '送运费险', cost: 1.5 }]);
    expect(o.refusal).toBe(true);
    expect((await db.packs.get('store'))!.pack.scripts[0].questions).toEqual(['几天发货']);
    expect((await screen.findByTestId('script-item-store/ship')).dataset.layer).toBe('edited');
  });

  it('shows validation errors with their paths', async () => {
    render(<ScriptBrowser search={async () => []} />);
    fireEvent.click(await screen.findByTestId('script-new'));
    change('edit-id', 'new one');
    fireEvent.click(screen.getByTestId('edit-save'));
    const errors = await screen.findByTestId('edit-errors');
    expect(errors.textContent).toContain('id: letters, digits');
    expect(errors.textContent).toContain('questions: at least one question');
    expect(errors.textContent).toContain('answers[0].text: required');
  });

  it('duplicates and deletes (after confirming)', async () => {
    render(<ScriptBrowser search={async () => []} />);
    fireEvent.click(await screen.findByTestId('script-duplicate-store/size'));
    expect((await screen.findByTestId('script-item-store/size-copy')).dataset.layer).toBe('own');
    fireEvent.click(screen.getByTestId('script-delete-store/size'));
    fireEvent.click(screen.getByTestId('script-delete-confirm-store/size'));
    await waitFor(() => expect(screen.queryByTestId('script-item-store/size')).toBeNull());
    expect((await loadActivePacks(db))[0].scripts.map((s) => s.id)).toEqual(['ship', 'fee', 'size-copy']);
  });
});

describe('FeaturedEditor', () => {
  it('adds a featured product to the pack', async () => {
    render(<FeaturedEditor />);
    fireEvent.click(await screen.findByTestId('featured-add'));
    change('featured-0-id', 'x1');
    change('featured-0-name', 'X1 跑鞋');
    change('featured-0-pitch', '这周主推 X1～');
    change('featured-0-from', '2026-05-04');
    change('featured-0-until', '2026-05-10');
    change('featured-0-keywords', '跑鞋, 慢跑');
    fireEvent.click(screen.getByTestId('featured-save'));
    await screen.findByTestId('featured-saved');
    expect((await db.packs.get('store'))!.pack.featured).toEqual([
      {
        id: 'x1',
        name: 'X1 跑鞋',
        pitch: '这周主推 X1～',
        from: '2026-05-04',
        until: '2026-05-10',
        keywords: ['跑鞋', '慢跑'],
      },
    ]);
  });
});

describe('LearnList', () => {
  it('adds a missed wording as a question in one click', async () => {
    await recordUsage(
      db,
      {
        kind: 'insert',
        packId: 'store',
        scriptId: 'ship',
        rank: -1,
        message: '亲 订单号 123456789 啥时候能发出来呀',
      },
      2,
    );
    await recordUsage(db, { kind: 'insert', packId: 'store', scriptId: 'fee', rank: 2, message: '邮费是谁出' }, 1);
    render(<LearnList />);
    const item = await screen.findByTestId('learn-item-0');
    expect(item.textContent).toContain('订单号 123456789');
    expect((within(item).getByTestId('learn-wording-0') as HTMLInputElement).value).toBe('啥时候能发出来');
    fireEvent.click(within(item).getByTestId('learn-add-0'));
    // The agent may correct the wording before adding it.
    await waitFor(() => expect(screen.getByTestId('learn-item-0').textContent).toContain('邮费是谁出'));
    change('learn-wording-0', '邮费谁出');
    fireEvent.click(screen.getByTestId('learn-add-0'));
    await screen.findByTestId('learn-empty');
    const [ship, fee] = (await loadActivePacks(db))[0].scripts;
    expect(ship.questions).toEqual(['几天发货', '啥时候能发出来']);
    expect(fee.questions).toEqual(['运费谁出', '邮费谁出']);
  });
});

describe('StatsView', () => {
  it('shows most used, missed and never-used scripts, and merges stats files', async () => {
    await recordUsage(db, { kind: 'insert', packId: 'store', scriptId: 'ship', rank: 0, answer: 'A' });
    await recordUsage(db, { kind: 'insert', packId: 'store', scriptId: 'ship', rank: 1, answer: 'B' });
    await recordUsage(db, { kind: 'miss', message: '能开发票吗' });
    render(<StatsView />);
    const most = await screen.findByTestId('stats-most-used');
    expect(most.querySelector('li')?.dataset).toMatchObject({ script: 'ship', count: '2' });
    expect(screen.getByTestId('stats-missed').textContent).toContain('能开发票吗');
    expect(screen.getByTestId('stats-never-used').textContent).toContain('运费谁出');

    const other = {
      format: 'huashu.stats',
      version: 1,
      agents: ['wang'],
      events: 1,
      searches: 0,
      scripts: [{ packId: 'store', scriptId: 'fee', inserts: 5, fromSearch: 0, rankSum: 0, ranked: 5, variants: [] }],
      missed: [],
    };
    const file = new File([JSON.stringify(other)], 'wang.json');
    fireEvent.change(screen.getByTestId('stats-merge-input'), { target: { files: [file, file] } });
    expect((await screen.findByTestId('stats-merged')).dataset.agents).toBe('1');
    expect(screen.getByTestId('stats-most-used').querySelector('li')?.dataset).toMatchObject({
      script: 'fee',
      count: '10',
    });

    fireEvent.change(screen.getByTestId('stats-review-script'), { target: { value: 'store\nfee' } });
    expect(screen.getByTestId('stats-variants').textContent).toContain('包邮');
  });
});
