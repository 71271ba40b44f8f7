import { after, test } from 'node:test';
import { openStore } from '../../src/store/store.js';
import { createTestDatabase, dropTestDatabase, pgUnavailable } from '../helpers/postgres.js';
import { storeContract } from './contract.js';

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
