import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * PostgreSQL for tests: the server named by DOSSIER_TEST_PG (default the project machines'
 * service, postgres@127.0.0.1:5432, database test). Each test database is created with a unique
 * name and dropped by the caller. Where no server answers (a user's clone), tests skip.
 */
export const PG_ADMIN_URL = process.env['DOSSIER_TEST_PG'] ?? 'postgres://postgres@127.0.0.1:5432/test';

/** null when the server answers, else why the PostgreSQL tests skip */
export async function pgUnavailable(): Promise<string | null> {
  const c = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.query('SELECT 1');
    return null;
  } catch (e) {
    return `no PostgreSQL server at ${PG_ADMIN_URL} (${(e as Error).message}); set DOSSIER_TEST_PG to run these tests`;
  } finally {
    await c.end().catch(() => {});
  }
}

async function admin<T>(work: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: PG_ADMIN_URL });
  await c.connect();
  try { return await work(c); } finally { await c.end(); }
}

/** A new empty database; returns its URL. */
export async function createTestDatabase(): Promise<string> {
  const name = `dossier_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return url.href;
}

export async function dropTestDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  if (!/^dossier_test_\w+$/.test(name)) throw new Error(`not a test database: ${name}`);
  await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}
