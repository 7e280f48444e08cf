/**
 * Bundles the editor fixture consoles (tests/fixtures/editors/<kind>.ts[x], one real npm editor each) into
 * .tmp/editor-fixtures/<kind>.html + .js (+ .css), served under /editors/ by the fixture server. Run once
 * by the browser tests' global setup; esbuild (already installed for vite/wxt) takes a few seconds.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { EDITOR_FIXTURES_DIR } from './server';

export { EDITOR_FIXTURES_DIR };

export const EDITOR_SOURCES_DIR = resolve(import.meta.dirname, '../../tests/fixtures/editors');

/** The editor kinds with a fixture page: every source file but the shared chat pane. */
export function editorKinds(): string[] {
  return readdirSync(EDITOR_SOURCES_DIR)
    .filter((f) => /\.tsx?$/.test(f) && !f.startsWith('chat.'))
    .map((f) => f.replace(/\.tsx?$/, ''))
    .sort();
}

const STYLE = `body{margin:0;font:14px/1.5 system-ui,'Noto Sans CJK SC',sans-serif}
main{width:640px;min-height:100vh;display:grid;grid-template-rows:auto 1fr auto auto;border-right:1px solid #ddd}
.title{padding:10px 14px;border-bottom:1px solid #eee}
ul.messages{margin:0;padding:10px 14px;list-style:none;overflow-y:auto;min-height:200px}
ul.messages li{margin:6px 0;display:flex}
ul.messages li p{margin:0;padding:6px 10px;border-radius:8px;max-width:70%}
li.bubble--left p{background:#f0f0f0}
li.bubble--right{justify-content:flex-end}
li.bubble--right p{background:#ffe7c2}
.editor-mount{margin:8px 14px;border:1px solid #ccc;border-radius:6px}
.editor-mount [contenteditable]{min-height:60px;padding:6px 8px;outline:none}
.bar{display:flex;justify-content:flex-end;padding:0 14px 10px}`;

function page(kind: string, css: boolean): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Fixture console: ${kind}</title>
    <link rel="icon" href="data:," />
    <style>${STYLE}</style>${css ? `\n    <link rel="stylesheet" href="${kind}.css" />` : ''}
  </head>
  <body>
    <script src="${kind}.js"></script>
  </body>
</html>
`;
}

export async function buildEditorFixtures(outDir = EDITOR_FIXTURES_DIR): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const kinds = editorKinds();
  const entryPoints = kinds.map((k) => {
    const ts = resolve(EDITOR_SOURCES_DIR, `${k}.ts`);
    return { in: existsSync(ts) ? ts : resolve(EDITOR_SOURCES_DIR, `${k}.tsx`), out: k };
  });
  await build({
    entryPoints,
    outdir: outDir,
    bundle: true,
    format: 'iife',
    target: 'chrome120',
    jsx: 'automatic',
    minify: false,
    sourcemap: false,
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': '"development"', global: 'globalThis' },
  });
  for (const k of kinds) writeFileSync(resolve(outDir, `${k}.html`), page(k, existsSync(resolve(outDir, `${k}.css`))));
  return kinds;
}
