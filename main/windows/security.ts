import { app, session } from 'electron';
import { isAppUrl } from './appProtocol';

/**
 * Electron's checklist items that apply to every web contents: no navigation
 * away from the app, no new windows, no <webview>, no permissions, and no
 * request leaves the app (bulletin HTML may reference remote images and
 * trackers; links open only through main after the user confirms).
 */
export function applySecurityPolicy(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (navigation, url) => {
      if (!isAppUrl(url)) navigation.preventDefault();
    });
    contents.on('will-attach-webview', (attach) => attach.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });

  const defaultSession = session.defaultSession;
  defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  defaultSession.setPermissionCheckHandler(() => false);
  // Only what pages ask for is held to the app: main's own requests (subscriptions, over
  // net.fetch on this session) carry no web contents and go out as the user asked.
  defaultSession.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: details.webContentsId !== undefined && !isLocalRequest(details.url) });
  });
}

function isLocalRequest(url: string): boolean {
  return isAppUrl(url) || url.startsWith('data:') || url.startsWith('devtools:');
}
