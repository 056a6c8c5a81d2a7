import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  build: { asar: boolean; electronFuses: Record<string, boolean> };
};

// A packaged app is only as closed as its fuses: these turn Electron's own back doors off.
describe('packaged builds (electron-builder)', () => {
  it('flip the fuses that close Electron to code injection', () => {
    expect(manifest.build.asar).toBe(true);
    expect(manifest.build.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});
