import MiniSearch from 'minisearch';
import type { Bulletin } from '../../preload/contract';
import { indexOptions, toIndexedDoc, type IndexedDoc } from './indexOptions';

const CHUNK = 2000;

/** A fresh index of `bulletins`, as minisearch JSON; reports progress (0..1) between chunks. */
export function buildIndexJson(
  bulletins: readonly Bulletin[],
  onProgress: (progress: number) => void,
): string {
  const index = new MiniSearch<IndexedDoc>(indexOptions);
  for (let at = 0; at < bulletins.length; at += CHUNK) {
    index.addAll(bulletins.slice(at, at + CHUNK).map(toIndexedDoc));
    onProgress(Math.min(1, (at + CHUNK) / bulletins.length));
  }
  return JSON.stringify(index);
}
