import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '../../../main/store/migrations';
import { SCHEMA_VERSION, shardSchema, stateSchema } from '../../../main/store/schema';
import { bulletin } from './storeFixtures';

describe('migrations', () => {
  it('has one migration per version step for every kind of file', () => {
    expect(MIGRATIONS.state).toHaveLength(SCHEMA_VERSION);
    expect(MIGRATIONS.shard).toHaveLength(SCHEMA_VERSION);
  });

  it('state 0 → 1: a state file from before schemaVersion keeps its marks', () => {
    const v0 = { bookmarks: { a: '2020-01-01T00:00:00.000Z' } };
    const result = migrate('state', v0);
    expect(result).toMatchObject({ outcome: 'migrated', from: 0 });
    const data = result.outcome === 'migrated' ? stateSchema.parse(result.data) : null;
    expect(data).toEqual({
      schemaVersion: 1,
      bookmarks: { a: '2020-01-01T00:00:00.000Z' },
      read: {},
      subscriptions: [],
      settings: {
        importCapMegabytes: 50,
        refreshMinutes: 30,
        allowedLocalHosts: [],
        language: 'system',
        theme: 'system',
      },
      collections: [],
      notes: {},
      deleted: {},
      savedSearches: [],
      journalGeneration: 0,
    });
  });

  it('shard 0 → 1: an unversioned shard, or a bare array of bulletins, keeps its bulletins', () => {
    for (const v0 of [{ bulletins: [bulletin('a', '2020-01-01')] }, [bulletin('a', '2020-01-01')]]) {
      const result = migrate('shard', v0);
      expect(result).toMatchObject({ outcome: 'migrated', from: 0 });
      const data = result.outcome === 'migrated' ? shardSchema.parse(result.data) : null;
      expect(data?.bulletins.map((entry) => entry.id)).toEqual(['a']);
    }
  });

  it('leaves a current file alone, refuses a newer one and anything that is not an object', () => {
    expect(migrate('state', { schemaVersion: 1 }).outcome).toBe('current');
    expect(migrate('state', { schemaVersion: SCHEMA_VERSION + 1 })).toEqual({
      outcome: 'newer',
      version: SCHEMA_VERSION + 1,
    });
    expect(migrate('state', null).outcome).toBe('unrecognised');
    expect(migrate('state', 'text').outcome).toBe('unrecognised');
    expect(migrate('state', { schemaVersion: '1' }).outcome).toBe('unrecognised');
  });
});
