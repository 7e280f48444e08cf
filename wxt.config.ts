import { defineConfig } from 'wxt';

// Demo consoles (localhost, 127.0.0.1) get the content script from install (entrypoints/content);
// every other console is enabled by the agent at runtime (optional host permission +
// scripting.registerContentScripts), so Huashu never asks for <all_urls> at install.

/** Firefox add-on id (tools/browser/firefox.ts maps it to a fixed moz-extension:// host in tests). */
export const GECKO_ID = 'huashu@huashu.local';

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  manifest: ({ command, browser }) => ({
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
    // The demo consoles' origins (same as the content script's matches, so no new warning): lets the side
    // panel find the console tab of a promise by its URL ("open the conversation").
    host_permissions: ['http://localhost/*', 'http://127.0.0.1/*'],
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
