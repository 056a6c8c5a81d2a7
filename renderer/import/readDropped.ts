import type { DroppedFile } from '../../preload/contract';

/**
 * A dropped file as name + base64 bytes for main. The bytes travel, never the path:
 * the renderer has no paths to give, and main then reads nothing the user did not hand over.
 */
export function readDropped(file: File): Promise<DroppedFile> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve({ name: file.name, size: file.size, base64: url.slice(url.indexOf(',') + 1) });
    };
    reader.onerror = () => reject(reader.error ?? new Error(file.name));
    reader.readAsDataURL(file);
  });
}
