/** Demo consoles served on the agent's own machine get the content script from install. */
export const DEMO_MATCHES = ['http://localhost/*', 'http://127.0.0.1/*'];
