// @vitest-environment happy-dom
/**
 * The Scripts tab's subscriptions: the address rule before any prompt, the permission for that one site, the
 * status line in plain words, and a waiting update going through the same import preview and Apply as a file.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { offerOf, SubscriptionPanel, type SubscriptionPorts } from '@/components/library/SubscriptionPanel';
import { db } from '@/lib/db/db';
import { setLocale } from '@/lib/i18n';
import type { Subscription } from '@/lib/library/subscription/check';
import { savePendingFile, subscriptionsItem } from '@/lib/library/subscription/store';
import { ScriptsTab } from '@/entrypoints/sidepanel/tabs/ScriptsTab';

const teaText = readFileSync(resolve(process.cwd(), 'tests/fixtures/packs/tea-shop.json'), 'utf8');
const base: Subscription = {
  id: 's1',
  url: 'https://packs.example.com/team.json',
  pattern: 'https://packs.example.com/*',
  autoApply: false,
  addedAt: 1,
  known: {},
};

function fakePorts(granted = true) {
  const send = vi.fn(async (type: string) => (type === 'subscriptionAdd' ? { ok: true, id: 'x' } : undefined));
  const ports = { requestPermission: vi.fn(async () => granted), send } as unknown as SubscriptionPorts;
  return { ports, send, requestPermission: ports.requestPermission as ReturnType<typeof vi.fn> };
}

beforeEach(async () => {
  fakeBrowser.reset();
  setLocale('zh_CN');
  await Promise.all(db.tables.map((t) => t.clear()));
});
afterEach(cleanup);

describe('SubscriptionPanel', () => {
  it('refuses plain http for another host before asking for any permission', async () => {
    const { ports, requestPermission, send } = fakePorts();
    render(<SubscriptionPanel ports={ports} />);
    fireEvent.change(screen.getByTestId('subscription-url'), {
      target: { value: 'http://intranet.example.com/p.json' },
    });
    fireEvent.click(screen.getByTestId('subscription-add'));
    expect((await screen.findByTestId('subscription-error')).textContent).toContain('只接受 HTTPS 地址');
    expect(requestPermission).not.toHaveBeenCalled();
    expect(send).not.toHaveBeenCalled();
  });

  it('asks for the permission of that one site, then subscribes', async () => {
    const { ports, requestPermission, send } = fakePorts();
    render(<SubscriptionPanel ports={ports} />);
    fireEvent.change(screen.getByTestId('subscription-url'), {
      target: { value: 'https://packs.example.com/team.json' },
    });
    fireEvent.click(screen.getByTestId('subscription-auto-new'));
    fireEvent.click(screen.getByTestId('subscription-add'));
    await waitFor(() => expect(send).toHaveBeenCalled());
    expect(requestPermission).toHaveBeenCalledWith('https://packs.example.com/*');
    expect(send).toHaveBeenCalledWith('subscriptionAdd', {
      url: 'https://packs.example.com/team.json',
      autoApply: true,
    });
  });

  it('a denied permission subscribes nothing and says so', async () => {
    const { ports, send } = fakePorts(false);
    render(<SubscriptionPanel ports={ports} />);
    fireEvent.change(screen.getByTestId('subscription-url'), {
      target: { value: 'https://packs.example.com/team.json' },
    });
    fireEvent.click(screen.getByTestId('subscription-add'));
    expect((await screen.findByTestId('subscription-error')).textContent).toContain('没有获得访问该网站的权限');
    expect(send).not.toHaveBeenCalled();
  });

  it('shows the last check in plain words, and sends check now / auto / remove', async () => {
    await subscriptionsItem.setValue([{ ...base, last: { at: Date.now(), result: 'notFound', detail: '404' } }]);
    const { ports, send } = fakePorts();
    render(<SubscriptionPanel ports={ports} />);
    const status = await screen.findByTestId('subscription-status');
    expect(status.textContent).toMatch(/今天 \d\d:\d\d 检查：服务器上找不到这个文件（404），已保留已安装的版本 — 404/);
    expect(screen.getByTestId('subscription-row').dataset).toMatchObject({ result: 'notFound', failed: 'true' });
    fireEvent.click(screen.getByTestId('subscription-check'));
    fireEvent.click(screen.getByTestId('subscription-auto'));
    fireEvent.click(screen.getByTestId('subscription-remove'));
    await waitFor(() => expect(send).toHaveBeenCalledTimes(3));
    expect(send.mock.calls).toEqual([
      ['subscriptionCheck', { id: 's1' }],
      ['subscriptionSetAuto', { id: 's1', autoApply: true }],
      ['subscriptionRemove', { id: 's1' }],
    ]);
  });
});

describe('a waiting update in the Scripts tab', () => {
  it('the banner opens the import preview; Apply installs it like a picked file', async () => {
    const pending = {
      hash: 'h1',
      packId: 'tea-shop',
      packName: '茶叶小铺 test pack',
      fetchedAt: 1,
      counts: { added: 3, changed: 0, removed: 0 },
      conflicts: 0,
    };
    await savePendingFile('s1', teaText);
    await subscriptionsItem.setValue([{ ...base, pending, last: { at: 1, result: 'waiting' } }]);
    render(<ScriptsTab />);
    const banner = await screen.findByTestId('subscription-update');
    expect(banner.textContent).toContain('订阅的话术包「茶叶小铺 test pack」有更新：新增 3 条');
    fireEvent.click(screen.getByTestId('subscription-review'));
    const counts = await screen.findByTestId('preview-counts');
    expect(counts.dataset).toMatchObject({ added: '3', changed: '0', removed: '0' });
    expect(await db.packs.count()).toBe(0);
    fireEvent.click(screen.getByTestId('pack-import-confirm'));
    await screen.findByTestId('pack-import-done');
    expect((await db.packs.get('tea-shop'))?.pack.scripts).toHaveLength(3);
  });

  it('after Apply the background is told which file was applied', async () => {
    const send = vi.fn(async () => undefined);
    const offer = offerOf(
      {
        ...base,
        pending: {
          hash: 'h9',
          packId: 'p',
          packName: 'p',
          fetchedAt: 1,
          counts: { added: 1, changed: 0, removed: 0 },
          conflicts: 0,
        },
      },
      send as never,
    )!;
    offer.onApplied?.({ changed: true, packId: 'p' });
    expect(send).toHaveBeenCalledWith('subscriptionApplied', { id: 's1', hash: 'h9' });
  });
});
