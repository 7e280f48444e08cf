/**
 * One Xvfb display per Playwright worker. Real key presses (xdotool) go to the focused window of a display;
 * with one display shared by parallel workers, another worker's new window can take the focus between our
 * focus and our key press. Each worker process sets its own DISPLAY, which Chromium and xdotool inherit.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface Display {
  name: string;
  stop(): void;
}

const XVFB = '/usr/bin/Xvfb';

export function canStartXvfb(): boolean {
  return existsSync(XVFB);
}

/** Start Xvfb on a free display number (chosen by Xvfb itself: -displayfd). */
export async function startXvfb(): Promise<Display> {
  // Key autorepeat delayed to 60 s: on a busy machine a key press must not repeat.
  const args = ['-displayfd', '3', '-screen', '0', '1400x900x24', '-ardelay', '60000', '-nolisten', 'tcp'];
  const proc: ChildProcess = spawn(XVFB, args, { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
  const name = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`Xvfb did not start: ${err}`)), 10_000);
    proc.stderr?.on('data', (d) => (err += d));
    proc.stdio[3]?.on('data', (d) => {
      out += d;
      if (out.includes('\n')) {
        clearTimeout(timer);
        resolve(`:${out.trim()}`);
      }
    });
    proc.on('exit', (code) => reject(new Error(`Xvfb exited (${code}): ${err}`)));
  });
  return { name, stop: () => proc.kill() };
}
