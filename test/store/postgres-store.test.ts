import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { PG_SCHEMA_VERSION } from '../../src/store/postgres/migrations.js';
import { SCHEMA_VERSION } from '../../src/store/sqlite/migrations.js';
import { openStore } from '../../src/store/store.js';
import { createTestDatabase, dropTestDatabase, pgUnavailable } from '../helpers/postgres.js';
import { storeContract } from './contract.js';

test('the PostgreSQL schema has every migration the SQLite one has (add the next number to postgres/migrations.ts too)', () => {
  assert.equal(PG_SCHEMA_VERSION, SCHEMA_VERSION);
});

const unavailable = await pgUnavailable();
if (unavailable) {
  test('postgres store contract', { skip: unavailable }, () => {});
} else {
  // the contract names a file per store; each file gets its own database, created before the tests run
  const databases = new Map<string, string>();
  const pool: string[] = [];
  for (let i = 0; i < 12; i++) pool.push(await createTestDatabase());
  after(async () => { for (const url of pool) await dropTestDatabase(url); });
  storeContract('postgres', (file, options) => {
    let url = databases.get(file);
    if (!url) {
      url = pool[databases.size];
      if (!url) throw new Error('more stores than test databases');
      databases.set(file, url);
    }
    return openStore(url, options);
  });
}
