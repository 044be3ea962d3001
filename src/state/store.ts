/** The app's one open database, opened on first use. */
import { openSpineStore, type SpineStore } from '../sessions/storage/spine-store.ts';

let opening: Promise<SpineStore> | null = null;

/** The shared store (opened lazily; a failed open is retried on the next call). */
export function spineStore(): Promise<SpineStore> {
  opening ??= openSpineStore().catch((e: unknown) => {
    opening = null;
    throw e;
  });
  return opening;
}
