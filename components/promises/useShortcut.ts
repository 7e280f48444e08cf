/** The shortcut Chromium actually assigned to a command (the agent may have changed it), or "—". */
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';

export function useShortcut(command: 'log-promise' | 'log-feedback'): string {
  const [shortcut, setShortcut] = useState('');
  useEffect(() => {
    // (Wrapped: some browsers and the test fake throw instead of rejecting.)
    void Promise.resolve()
      .then(() => browser.commands.getAll())
      .then((all) => setShortcut(all.find((c) => c.name === command)?.shortcut || '—'))
      .catch(() => setShortcut('—'));
  }, [command]);
  return shortcut;
}
