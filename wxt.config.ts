import { defineConfig } from 'wxt';

// In the test build (`wxt build --mode test`), demo consoles (localhost, 127.0.0.1) get the content script from
// install (entrypoints/content); every other console (all of them in production) is enabled by the agent at
// runtime (optional host permission + scripting.registerContentScripts), so Huashu never asks for <all_urls>.

/** Firefox add-on id (tools/browser/firefox.ts maps it to a fixed moz-extension:// host in tests). */
export const GECKO_ID = 'huashu@huashu.local';

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // The test build (`--mode test`) bundles React's production build too: tests and benchmarks measure
  // what users run. (Vite would pick React's development build for any mode but "production".)
  // WXT sets NODE_ENV from the mode (and defines it in each entrypoint's bundle): the test build
  // (`--mode test`) would get React's development build. Every build gets React's production build, so tests
  // and benchmarks measure what users run; a plugin's config hook is merged last. Vitest (serve) keeps "test".
  vite: ({ command }) => {
    if (command !== 'build') return {};
    process.env.NODE_ENV = 'production';
    const define = { 'process.env.NODE_ENV': '"production"' };
    return { plugins: [{ name: 'huashu-production-react', config: () => ({ define }) }] };
  },
  manifest: ({ command, browser, mode }) => ({
    name: '__MSG_extName__',
    // No network from extension pages or the service worker: buyers' chats stay on this machine. Only for
    // builds — `wxt` dev mode needs its reload server.
    ...(command === 'build'
      ? {
          content_security_policy: {
            // connect-src: the extension itself, plus what pack subscriptions need (README "Pack subscriptions"):
            // any https: address a lead publishes a pack at, http: only on this machine's loopback. The fetch
            // also needs the host permission of that one site, asked for when the agent subscribes.
            extension_pages:
              "script-src 'self'; object-src 'self'; connect-src 'self' https: http://127.0.0.1:* http://localhost:*",
          },
        }
      : {}),
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    // Firefox has no sidePanel (WXT turns the side panel into a sidebar_action) and, in its MV2 build, asks for
    // optional hosts as optional_permissions.
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'notifications', 'scripting'].concat(
      browser === 'firefox' ? [] : ['sidePanel'],
    ),
    ...(browser === 'firefox'
      ? {
          optional_permissions: ['https://*/*', 'http://*/*'],
          // A fixed id: storage and IndexedDB stay with the add-on across updates and temporary installs.
          // Huashu sends nothing anywhere (buyers' chats stay on this machine): Firefox's data consent says so.
          browser_specific_settings: {
            gecko: { id: GECKO_ID, strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
          },
        }
      : { optional_host_permissions: ['https://*/*', 'http://*/*'] }),
    // Test build only (`--mode test`, lib/build-mode.ts): the demo consoles' origins (same as the content
    // script's matches there), so the side panel finds a promise's console tab by its URL. Production: none.
    ...(mode === 'test' ? { host_permissions: ['http://localhost/*', 'http://127.0.0.1/*'] } : {}),
    action: { default_title: '__MSG_extName__' },
    commands: {
      'log-promise': {
        suggested_key: { default: 'Alt+Shift+Y' },
        description: '__MSG_cmdLogPromise__',
      },
      'log-feedback': {
        suggested_key: { default: 'Alt+Shift+L' },
        description: '__MSG_cmdLogFeedback__',
      },
    },
  }),
});
