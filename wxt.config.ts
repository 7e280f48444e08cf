import { defineConfig } from 'wxt';

// Demo consoles (localhost, 127.0.0.1) get the content script from install (entrypoints/content);
// every other console is enabled by the agent at runtime (optional host permission +
// scripting.registerContentScripts), so Huashu never asks for <all_urls> at install.

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  manifest: ({ command }) => ({
    name: '__MSG_extName__',
    // No network from extension pages or the service worker: buyers' chats stay on this machine. Only for
    // builds — `wxt` dev mode needs its reload server.
    ...(command === 'build'
      ? {
          content_security_policy: {
            extension_pages: "script-src 'self'; object-src 'self'; connect-src 'self'",
          },
        }
      : {}),
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'notifications', 'scripting', 'sidePanel'],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
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
