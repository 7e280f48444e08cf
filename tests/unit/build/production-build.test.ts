/** The production-build check (tests/build/production-build.ts) on small built-like folders: it passes and fails. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { productionBuildProblems } from '../../build/production-build';

function build(manifest: object, background: string, content: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'huashu-build-'));
  mkdirSync(join(dir, 'content-scripts'));
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(dir, 'background.js'), background);
  writeFileSync(join(dir, 'content-scripts/content.js'), content);
  return dir;
}

const CLOSED = 'function It(e,t=document){return{name:Ft(e,t)?`div`:e,mode:`closed`}}';

describe('productionBuildProblems', () => {
  it('passes a clean build', () => {
    const dir = build({ optional_host_permissions: ['https://*/*'] }, 'function a(){}', CLOSED);
    expect(productionBuildProblems(dir)).toEqual([]);
  });

  it('names demo origins, test hooks and open shadow roots', () => {
    const dir = build(
      {
        host_permissions: ['http://localhost/*'],
        permissions: ['storage', 'http://127.0.0.1/*'],
        content_scripts: [{ matches: ['http://127.0.0.1/*', 'https://desk.example.com/*'] }],
      },
      'function Gb(){globalThis.huashu={db:A}}',
      'function It(e,t=document){return{name:Ft(e,t)?`div`:e,mode:Lt?`open`:`closed`}}',
    );
    expect(productionBuildProblems(dir)).toEqual([
      'manifest host_permissions has the demo origin http://localhost/*',
      'manifest permissions has the demo origin http://127.0.0.1/*',
      'manifest content_scripts[0].matches has the demo origin http://127.0.0.1/*',
      'background.js sets the test hooks (globalThis.huashu)',
      'content-scripts/content.js: the page UI host is not built with closed shadow roots',
    ]);
  });
});
