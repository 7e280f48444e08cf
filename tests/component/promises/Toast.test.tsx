// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { agentClick } from '../agent-input';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Toast, type ToastProps } from '@/components/promises/Toast';
import type { PromiseRow } from '@/lib/db/schema';
import { setLocale } from '@/lib/i18n';

const TZ = 'Asia/Shanghai';
const NOW = Date.UTC(2026, 10, 25, 2, 30); // Wed 10:30 Shanghai
const promise: PromiseRow = {
  id: 1,
  uid: 'u1',
  text: '明天上午给您补发',
  buyer: '小雨',
  orderId: 'A100',
  createdAt: NOW,
  updatedAt: NOW,
  due: Date.UTC(2026, 10, 26, 4, 0), // tomorrow 12:00 Shanghai
  dueExplicit: true,
  status: 'open',
  notes: [],
};

function setup(state: ToastProps['state']) {
  setLocale('zh_CN');
  const handlers = {
    onUndo: vi.fn(),
    onEditPromise: vi.fn(),
    onChangeDepartment: vi.fn(),
    onLogOffer: vi.fn(),
    onClose: vi.fn(),
  };
  render(<Toast state={state} lang="zh_CN" timeZone={TZ} now={NOW} {...handlers} />);
  return handlers;
}

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('Toast', () => {
  it('confirms a logged promise with its due time, buyer and order; Undo calls back', () => {
    const h = setup({ kind: 'promise', promise });
    expect(screen.getByTestId('huashu-toast').dataset.kind).toBe('promise');
    expect(screen.getByTestId('toast-due').textContent).toBe('截止 明天 12:00');
    expect(screen.getByTestId('toast-meta').textContent).toContain('小雨');
    expect(screen.getByTestId('toast-meta').textContent).toContain('A100');
    agentClick(screen.getByTestId('toast-undo'));
    expect(h.onUndo).toHaveBeenCalledOnce();
  });

  it('ignores Undo and Edit clicks a page script makes (no isTrusted)', () => {
    const h = setup({ kind: 'promise', promise });
    fireEvent.click(screen.getByTestId('toast-undo'));
    fireEvent.click(screen.getByTestId('toast-edit'));
    expect(h.onUndo).not.toHaveBeenCalled();
    expect(screen.queryByTestId('toast-edit-text')).toBeNull();
  });

  it('Edit saves the text and a due time read on the agent’s clock', () => {
    const h = setup({ kind: 'promise', promise });
    agentClick(screen.getByTestId('toast-edit'));
    fireEvent.change(screen.getByTestId('toast-edit-text'), { target: { value: '后天补发' } });
    fireEvent.change(screen.getByTestId('toast-edit-due'), { target: { value: '2026-11-27T15:30' } });
    agentClick(screen.getByTestId('toast-save'));
    expect(h.onEditPromise).toHaveBeenCalledWith({ text: '后天补发', due: Date.UTC(2026, 10, 27, 7, 30) });
  });

  it('says when the text was cut and when no time was given', () => {
    setup({ kind: 'promise', promise: { ...promise, truncatedFrom: 20_000, dueExplicit: false } });
    expect(screen.getByTestId('toast-truncated').textContent).toContain('20000');
    expect(screen.getByTestId('toast-meta').textContent).toContain('未写时间');
  });

  it('explains why nothing was logged', () => {
    setup({ kind: 'error', error: 'noConversation', what: 'promise' });
    expect(screen.getByTestId('toast-error').textContent).toContain('没有打开的会话');
    cleanup();
    setup({ kind: 'error', error: 'empty', what: 'feedback' });
    expect(screen.getByTestId('toast-error').textContent).toContain('买家的消息');
    cleanup();
    setup({ kind: 'error', error: 'quota', what: 'promise' });
    expect(screen.getByRole('alert').textContent).toContain('之前记录的都还在');
  });

  it('offers to log a promise in one click, and closes by itself after a while', () => {
    vi.useFakeTimers();
    const h = setup({ kind: 'offer', text: '周五前给您补寄', due: NOW + 3600_000, dueExplicit: true });
    agentClick(screen.getByTestId('toast-offer-log'));
    expect(h.onLogOffer).toHaveBeenCalledOnce();
    vi.advanceTimersByTime(21_000);
    expect(h.onClose).toHaveBeenCalled();
  });

  it('feedback: the department is editable', () => {
    const h = setup({
      kind: 'feedback',
      feedback: {
        uid: 'f',
        text: '快递不送上楼',
        department: 'logistics',
        topic: 'doorstep',
        createdAt: NOW,
        updatedAt: NOW,
      },
    });
    expect((screen.getByTestId('toast-department') as HTMLSelectElement).value).toBe('logistics');
    expect(screen.getByTestId('toast-topic').textContent).toBe('送货上门/上楼');
    fireEvent.change(screen.getByTestId('toast-department'), { target: { value: 'warehouse' } });
    expect(h.onChangeDepartment).toHaveBeenCalledWith('warehouse');
  });
});
