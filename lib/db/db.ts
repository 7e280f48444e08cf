/**
 * The one Dexie database of Huashu. Opened only in the extension's own origin (background, side panel,
 * options); content scripts reach it through lib/messaging.ts.
 *
 * Keep every old `version(n)` declaration; add a new version with an `.upgrade()` for each change, its code
 * frozen in lib/db/migrations/v<n>.ts (no imports of live domain code), and a fixture test in tests/unit/db/
 * (see README › Contributing › Adding a migration).
 */
import Dexie, { type EntityTable, type Table } from 'dexie';
import { upgradeToV2 } from './migrations/v2';
import { V3_STORES } from './migrations/v3';
import { V4_FEEDBACK_STORES, upgradeFeedbackToV4 } from './migrations/v4-feedback';
import type { FeedbackRow, OverrideRow, PackRow, PromiseRow, SiteRow, UsageRow } from './schema';

export const DB_NAME = 'huashu';

export class HuashuDB extends Dexie {
  packs!: Table<PackRow, string>;
  overrides!: Table<OverrideRow, [string, string]>;
  promises!: EntityTable<PromiseRow, 'id'>;
  feedback!: EntityTable<FeedbackRow, 'id'>;
  usage!: EntityTable<UsageRow, 'id'>;
  sites!: Table<SiteRow, string>;

  constructor(name = DB_NAME) {
    super(name);
    // v1: the first schema (skeleton).
    this.version(1).stores({
      packs: 'id, priority',
      overrides: '[packId+scriptId], packId',
      promises: '++id, &uid, status, due, createdAt',
      feedback: '++id, &uid, department, createdAt',
      usage: '++id, at, kind, scriptId',
      sites: 'pattern',
    });
    // v2 (promise log and feedback): see lib/db/migrations/v2.ts. Tables not named here keep their v1 declaration.
    this.version(2)
      .stores({
        promises: '++id, &uid, status, due, createdAt, doneAt, updatedAt, [status+due]',
        feedback: '++id, &uid, department, topic, createdAt, updatedAt, [department+topic]',
      })
      .upgrade(upgradeToV2);
    // v3 (soft-deleted promises, restorable from the Promises tab): see lib/db/migrations/v3.ts. Index only.
    this.version(3).stores(V3_STORES);
    // v4 (feedback status and answer deadline): see lib/db/migrations/v4-feedback.ts.
    this.version(4).stores(V4_FEEDBACK_STORES).upgrade(upgradeFeedbackToV4);
  }
}

/** The shared instance for extension pages and the background. Tests create their own with a unique name. */
export const db = new HuashuDB();
