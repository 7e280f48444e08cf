// @vitest-environment happy-dom
/**
 * The import preview's conflict choices are keyed by script id (pack data): an id such as `toString`,
 * `__proto__` or `constructor` starts on "keep mine" and takes the agent's choice like any other.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { PreviewView } from '@/components/library/PreviewView';
import { previewImport, summarisePreview, type Resolution, type ScriptOverride } from '@/lib/pack/merge';
import { pack, script } from '../../unit/library/fixtures';

afterEach(cleanup);

function Harness({ id }: { id: string }) {
  const overrides: ScriptOverride[] = [{ scriptId: id, script: script(id, id, 'my answer') }];
  const preview = summarisePreview(previewImport(pack([script(id)]), pack([script(id, id, 'lead answer')]), overrides));
  const [resolutions, setResolutions] = useState<Record<string, Resolution>>({});
  return (
    <PreviewView
      preview={preview}
      resolutions={resolutions}
      onResolve={(sid, r) => setResolutions((x) => ({ ...x, [sid]: r }))}
    />
  );
}

describe('PreviewView with hostile script ids', () => {
  it.each(['toString', '__proto__', 'constructor', 'valueOf'])('conflict %s: mine first, then theirs', (id) => {
    render(<Harness id={id} />);
    const mine = screen.getByTestId<HTMLInputElement>(`conflict-${id}-mine`);
    const theirs = screen.getByTestId<HTMLInputElement>(`conflict-${id}-theirs`);
    expect([mine.checked, theirs.checked]).toEqual([true, false]);
    fireEvent.click(theirs);
    expect([mine.checked, theirs.checked]).toEqual([false, true]);
  });
});
