/// <reference types="vite/client" />
import type { BulletinsApi } from '../preload/api';

declare global {
  interface Window {
    /**
     * The bridge the preload exposes: the renderer's only way to main. Its type
     * is inferred from the preload's implementation, so the two cannot drift.
     */
    bulletins: BulletinsApi;
  }
}
