/**
 * The SharedWorker that holds the browser's one live connection to the panel: every tab of the
 * origin connects a port to it (see hub-client.ts). The worker is not throttled like background
 * tabs, and lives until the last tab of the origin closes.
 */
import { StreamHub } from './hub';
import { browserHubDeps, hubPort } from './hub-deps';

const hub = new StreamHub(browserHubDeps(true));

// A SharedWorker's `connect` event is a MessageEvent carrying the new tab's port.
globalThis.addEventListener('connect', (e) => {
  const port = e instanceof MessageEvent ? e.ports[0] : undefined;
  if (!port) return;
  hub.addPort(hubPort(port));
  port.start();
});
