/**
 * A counter that moves whenever the packs or overrides change — in this page, in the library worker or in
 * another extension page (Dexie broadcasts every commit). Cheaper than a live query that would read
 * whole packs back on the main thread.
 */
import Dexie from 'dexie';
import { useEffect, useState } from 'react';
import { db } from '@/lib/db/db';
import { touchesLibrary } from '@/lib/library/engine-cache';

export function useLibraryVersion(): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const onMutated = (parts: Record<string, unknown>) => {
      if (touchesLibrary(db.name, parts)) setVersion((v) => v + 1);
    };
    Dexie.on('storagemutated', onMutated);
    return () => Dexie.on('storagemutated').unsubscribe(onMutated);
  }, []);
  return version;
}
