import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePack } from '@/lib/pack/parse';

const sample = readFileSync(new URL('../../../../shared/eval/public/pack.json', import.meta.url), 'utf8');

const minimal = (scripts: unknown[]) => ({
  format: 'huashu.pack',
  version: 1,
  pack: { id: 'acme', name: 'ACME' },
  scripts,
});

describe('parsePack', () => {
  it('loads the public sample pack', () => {
    const r = parsePack(sample);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.pack.scripts.length).toBe(30);
  });

  it('reports every problem with its place', () => {
    const r = parsePack(
      minimal([
        { id: 'a', questions: ['q'], answers: [{ text: 'x' }] },
        { id: 'b', questions: [], answers: [{}] },
      ]),
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors).toContain('scripts[1].questions: at least one question');
      expect(r.errors).toContain('scripts[1].answers[0].text: required');
    }
  });

  it.each([
    ['not JSON', '{"format":', /not JSON/],
    ['empty', '   ', /empty/],
    ['an array', '[]', /expected a JSON object/],
    ['wrong format', JSON.stringify({ ...minimal([]), format: 'other' }), /format: must be "huashu.pack"/],
    ['wrong version', JSON.stringify({ ...minimal([]), version: 2 }), /version: unsupported version/],
    [
      '__proto__ key',
      '{"format":"huashu.pack","version":1,"pack":{"id":"a","name":"a"},"scripts":[],"__proto__":{"x":1}}',
      /__proto__: key not allowed/,
    ],
  ])('rejects %s with a clear message', (_name, text, message) => {
    const r = parsePack(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join('\n')).toMatch(message);
  });

  it('rejects duplicate script ids', () => {
    const s = { id: 'a', questions: ['q'], answers: [{ text: 'x' }] };
    const r = parsePack(minimal([s, s]));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toBe('scripts[1].id: duplicate id "a" (also scripts[0])');
  });

  it('keeps HTML in answers as text', () => {
    const html = '<img src=x onerror=alert(1)><script>alert(1)</script>';
    const r = parsePack(minimal([{ id: 'a', questions: ['q'], answers: [{ text: html }] }]));
    expect(r.ok && r.pack.scripts[0].answers[0].text).toBe(html);
  });

  it('warns about unknown fields instead of dropping them silently', () => {
    const r = parsePack(minimal([{ id: 'a', questions: ['q'], answers: [{ text: 'x' }], colour: 'red' }]));
    expect(r.ok).toBe(true);
    expect(r.warnings).toEqual(['scripts[0].colour: unknown field, ignored']);
  });

  it('10 MB of text: a clear message', () => {
    const noise = '话术'.repeat(5 * 1024 * 1024);
    const r = parsePack(noise);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatch(/^\(root\): not JSON/);
  });

  it('10 MB inside one answer: refused with its place, not stored', () => {
    const r = parsePack(minimal([{ id: 'a', questions: ['q'], answers: [{ text: 'x'.repeat(10 * 1024 * 1024) }] }]));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toEqual(['scripts[0].answers[0].text: at most 5000 characters']);
  });

  it('empty answers: each one named', () => {
    const r = parsePack(
      minimal([
        { id: 'a', questions: ['q'], answers: [] },
        { id: 'b', questions: ['q'], answers: [{ text: '  ' }] },
      ]),
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors).toContain('scripts[0].answers: at least one answer');
      expect(r.errors).toContain('scripts[1].answers[0].text: required');
    }
  });
});
