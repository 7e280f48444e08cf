/**
 * `npm run demo`: build Huashu, serve the demo seller console on 127.0.0.1 and open Chromium with Huashu
 * loaded on it. Without Chromium or a display it prints how to load the built extension and the URL, and
 * keeps serving. Options: --port <n> (default 5178), --pack <file.json> (install this pack first),
 * --no-build.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { installPack, packCount, readPackFile } from './browser/packs';
import { CHROMIUM, EXTENSION_DIR, launchWithExtension } from './browser/extension';
import { DEMO_DIR, serveStatic, type StaticServer } from './browser/server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.HUASHU_DEMO_PORT ?? '5178' },
    pack: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
  },
});

if (!values['no-build']) {
  console.log('Building Huashu, test build (wxt build --mode test)…');
  const build = spawnSync('npx', ['wxt', 'build', '--mode', 'test'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

let server: StaticServer;
try {
  server = await serveStatic({ '/demo/': DEMO_DIR }, Number(values.port));
} catch {
  server = await serveStatic({ '/demo/': DEMO_DIR }); // the port is taken: any free one
}
const url = server.url('/demo/');

function printManual(reason: string) {
  console.log(`
${reason}
Load Huashu by hand:
  1. Open chrome://extensions in Chrome or Chromium and switch on "Developer mode".
  2. "Load unpacked" → ${EXTENSION_DIR}
  3. Open the demo console: ${url}
The demo buyer (老陈) starts talking a moment after the page opens; reply with a suggestion from the card
and press 发送 (Send), or click "买家下一句" for his next message. Ctrl+C stops the server.`);
}

if (!existsSync(CHROMIUM) || (!process.env.DISPLAY && process.platform === 'linux')) {
  printManual(existsSync(CHROMIUM) ? 'No display to open a browser on.' : `No Chromium at ${CHROMIUM}.`);
} else {
  // Chromium offers to translate a Chinese page on an English system: the bubble would cover the demo.
  const launched = await launchWithExtension({ headless: false, args: ['--disable-features=Translate'] });
  const pack = values.pack
    ? readPackFile(resolve(values.pack))
    : (await packCount(launched.worker)) === 0
      ? readPackFile(resolve(import.meta.dirname, '../public/packs/default.json')) // the library is empty: the default pack
      : null;
  if (pack) await installPack(launched.worker, pack, { only: false });
  const page = await launched.context.newPage();
  await page.goto(url);
  for (const p of launched.context.pages())
    if (p !== page && p.url() === 'about:blank') await p.close().catch(() => {});
  console.log(`Huashu demo: ${url}  (extension ${launched.extensionId}). Close the browser or press Ctrl+C to stop.`);
  launched.context.on('close', async () => {
    await server.close();
    process.exit(0);
  });
}

process.on('SIGINT', async () => {
  await server.close();
  process.exit(0);
});
