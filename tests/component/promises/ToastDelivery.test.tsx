// @vitest-environment happy-dom
/**
 * The toast's side of "no promise lost when the worker stops": a confirmed promise carries its uid
 * (data-uid), an unconfirmed logging offers Retry (real clicks only), and the wording tells "reload, nothing
 * logged" from "reload, it may have been logged" from "not confirmed, retry".
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Toast, type ToastProps } from '@/components/promises/Toast';
import type { PromiseRow } from '@/lib/db/schema';
import { setLocale } from '@/lib/i18n';
import { agentClick } from '../agent-input';

const NOW = Date.UTC(2026, 10, 25, 2, 30);
const promise: PromiseRow = {
  uid: 'uid-burst-1',
  text: '明天上午给您补发',
  createdAt: NOW,
  updatedAt: NOW,
  due: NOW + 86_400_000,
  status: 'open',
  notes: [],
};
const capture = { text: '明天上午给您补发', source: 'card' as const, url: 'https://desk.example.com/', uid: 'u-1' };

function setup(state: ToastProps['state']) {
  setLocale('en');
  const onRetry = vi.fn();
  render(
    <Toast
      state={state}
      lang="en"
      timeZone="Asia/Shanghai"
      now={NOW}
      onUndo={vi.fn()}
      onEditPromise={vi.fn()}
      onChangeDepartment={vi.fn()}
      onLogOffer={vi.fn()}
      onRetry={onRetry}
      onClose={vi.fn()}
    />,
  );
  return onRetry;
}

afterEach(() => cleanup());

describe('Toast delivery states', () => {
  it('a confirmed promise names its uid', () => {
    setup({ kind: 'promise', promise });
    expect(screen.getByTestId('huashu-toast').dataset.uid).toBe('uid-burst-1');
  });

  it('an unconfirmed logging offers Retry, to the agent’s click only', () => {
    const onRetry = setup({ kind: 'error', error: 'unconfirmed', what: 'promise', retry: capture });
    expect(screen.getByTestId('toast-error').dataset.error).toBe('unconfirmed');
    expect(screen.getByTestId('toast-error').textContent).toContain('Retry');
    expect(screen.getByTestId('huashu-toast').dataset.uid).toBeUndefined();
    fireEvent.click(screen.getByTestId('toast-retry'));
    expect(onRetry).not.toHaveBeenCalled();
    agentClick(screen.getByTestId('toast-retry'));
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it.each([
    ['disconnected', /reload this page.*Nothing was logged/],
    ['disconnectedUnsure', /reload this page.*may have been logged/],
    ['refused', /another page/],
  ] as const)('%s: %s, no Retry', (error, text) => {
    setup({ kind: 'error', error, what: 'promise' });
    expect(screen.getByTestId('toast-error').textContent).toMatch(text);
    expect(screen.queryByTestId('toast-retry')).toBeNull();
  });
});
