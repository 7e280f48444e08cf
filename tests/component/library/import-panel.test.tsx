// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/universal';
import { ImportPanel } from '@/components/library/ImportPanel';
import { PackList } from '@/components/library/PackList';
import { db } from '@/lib/db/db';
import { applyPackImport } from '@/lib/library/import';
import { loadActivePacks } from '@/lib/library/packs';
import { parsePack } from '@/lib/pack/parse';
import type { Pack } from '@/lib/pack/schema';

const fixture = (name: string) => new Uint8Array(readFileSync(resolve(process.cwd(), 'tests/fixtures/packs', name)));
const tea = (parsePack(new TextDecoder().decode(fixture('tea-shop.json'))) as { pack: Pack }).pack;

function choose(bytes: Uint8Array<ArrayBuffer> | string, name: string) {
  const file = new File([bytes], name);
  fireEvent.change(screen.getByTestId('pack-import-input'), { target: { files: [file] } });
}
const dump = async () => ({ packs: await db.packs.toArray(), overrides: await db.overrides.toArray() });

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
});
afterEach(cleanup);

describe('ImportPanel', () => {
  it('JSON: preview lists what is added, Apply installs it', async () => {
    render(<ImportPanel />);
    choose(fixture('tea-shop.json'), 'tea-shop.json');
    const counts = await screen.findByTestId('preview-counts');
    expect(counts.dataset).toMatchObject({ added: '3', changed: '0', removed: '0' });
    expect(await db.packs.count()).toBe(0);
    fireEvent.click(screen.getByTestId('pack-import-confirm'));
    await screen.findByTestId('pack-import-done');
    expect((await db.packs.get('tea-shop'))?.pack).toEqual(tea);
  });

  it('HTML in a pack is rendered as text, never as markup', async () => {
    const pack = structuredClone(tea);
    pack.scripts[0].title = '<img src=x data-evil="1">';
    render(<ImportPanel />);
    choose(JSON.stringify(pack), 'p.json');
    const preview = await screen.findByTestId('pack-import-preview');
    expect(preview.querySelector('[data-evil]')).toBeNull();
    expect(preview.textContent).toContain('<img src=x data-evil="1">');
  });

  it('a broken file shows every error and writes nothing', async () => {
    await applyPackImport(db, tea);
    const before = await dump();
    const broken = structuredClone(tea) as unknown as { scripts: { answers: unknown[]; questions?: unknown }[] };
    broken.scripts[0].answers = [{}];
    delete broken.scripts[1].questions;
    render(<ImportPanel />);
    choose(JSON.stringify(broken), 'broken.json');
    const errors = await screen.findByTestId('pack-import-errors');
    expect(errors.textContent).toContain('scripts[0].answers[0].text: required');
    expect(errors.textContent).toContain('scripts[1].questions');
    expect(screen.queryByTestId('pack-import-confirm')).toBeNull();
    expect(await dump()).toEqual(before);
  });

  it('xlsx: the sheet picker shows another sheet with its own mapping; disabled sheets say why', async () => {
    const bytes = new Uint8Array(
      await (
        await writeXlsxFile([
          { sheet: '空', data: [] },
          {
            sheet: '订单',
            data: [
              ['订单号', '金额'],
              ['A1001', '99'],
            ],
          },
          {
            sheet: '短语',
            data: [
              ['分类', '问题', '相似问题', '回复内容'],
              ['物流', '几天发货', '多久发|何时发', '48 小时内'],
            ],
          },
        ]).toBlob()
      ).arrayBuffer(),
    );
    render(<ImportPanel />);
    choose(bytes, '短语.xlsx');
    await screen.findByTestId('csv-mapping');
    const picker = screen.getByTestId('xlsx-sheet') as HTMLSelectElement;
    expect(picker.value).toBe('1');
    expect(picker.options[0].disabled).toBe(true);
    expect(picker.options[0].dataset.problem).toBe('no text (an empty sheet)');
    expect(screen.getByTestId('csv-mapping').textContent).toContain('A1001');
    fireEvent.change(picker, { target: { value: '2' } });
    await waitFor(() => expect((screen.getByTestId('xlsx-sheet') as HTMLSelectElement).value).toBe('2'));
    expect((screen.getByTestId('csv-map-similar') as HTMLSelectElement).value).toBe('2');
    expect((screen.getByTestId('csv-map-answer') as HTMLSelectElement).value).toBe('3');
    fireEvent.click(screen.getByTestId('csv-mapping-confirm'));
    expect((await screen.findByTestId('preview-counts')).dataset.added).toBe('1');
    fireEvent.click(screen.getByTestId('pack-import-confirm'));
    await screen.findByTestId('pack-import-done');
    expect((await db.packs.get('短语'))!.pack.scripts[0].questions).toEqual(['几天发货', '多久发', '何时发']);
  });

  it('GBK CSV: the detected mapping can be changed before building', async () => {
    render(<ImportPanel />);
    choose(fixture('quick-phrases-gbk.csv'), '快捷短语.csv');
    await screen.findByTestId('csv-mapping');
    expect(screen.getByTestId('csv-encoding').dataset.encoding).toBe('gbk');
    expect((screen.getByTestId('csv-pack-id') as HTMLInputElement).value).toBe('快捷短语');
    // Without the code column, ids come from the questions.
    fireEvent.change(screen.getByTestId('csv-map-code'), { target: { value: '-1' } });
    fireEvent.click(screen.getByTestId('csv-mapping-confirm'));
    expect((await screen.findByTestId('preview-counts')).dataset.added).toBe('4');
    fireEvent.click(screen.getByTestId('pack-import-confirm'));
    await screen.findByTestId('pack-import-done');
    const ids = (await db.packs.get('快捷短语'))!.pack.scripts.map((s) => s.id);
    expect(ids.every((id) => id.startsWith('q-'))).toBe(true);
  });

  it('conflicts: the agent keeps theirs or takes the lead version, per script', async () => {
    await applyPackImport(db, tea);
    const [a, b] = tea.scripts;
    await db.overrides.bulkPut([
      { packId: 'tea-shop', scriptId: a.id, script: { ...a, keywords: ['mine'] }, updatedAt: 1 },
      { packId: 'tea-shop', scriptId: b.id, script: { ...b, keywords: ['mine'] }, updatedAt: 1 },
    ]);
    const next = structuredClone(tea);
    next.scripts[0].keywords = ['lead'];
    next.scripts[1].keywords = ['lead'];
    render(<ImportPanel />);
    choose(JSON.stringify(next), 'next.json');
    await screen.findByTestId('preview-conflicts');
    expect(screen.getByTestId(`conflict-${a.id}`).textContent).toContain(a.questions[0]);
    fireEvent.click(screen.getByTestId(`conflict-${b.id}-theirs`));
    fireEvent.click(screen.getByTestId('pack-import-confirm'));
    await screen.findByTestId('pack-import-done');
    const scripts = (await loadActivePacks(db))[0].scripts;
    expect(scripts.slice(0, 2).map((s) => s.keywords)).toEqual([['mine'], ['lead']]);
  });
});

describe('PackList', () => {
  it('rolls back the last import and deletes after a second click', async () => {
    await applyPackImport(db, tea);
    await applyPackImport(db, { ...tea, scripts: tea.scripts.slice(0, 1) });
    render(<PackList />);
    const row = await screen.findByTestId('pack-tea-shop');
    expect(row.dataset.scripts).toBe('1');
    fireEvent.click(screen.getByTestId('pack-rollback-tea-shop'));
    await waitFor(() => expect(screen.getByTestId('pack-tea-shop').dataset.scripts).toBe('3'));
    fireEvent.click(screen.getByTestId('pack-delete-tea-shop'));
    expect(await db.packs.count()).toBe(1);
    fireEvent.click(screen.getByTestId('pack-delete-confirm-tea-shop'));
    await waitFor(async () => expect(await db.packs.count()).toBe(0));
  });
});
