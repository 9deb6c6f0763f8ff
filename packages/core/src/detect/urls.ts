/**
 * Connection URLs in settings: the scheme names the backend (`CELERY_BROKER_URL = "sqs://…"`,
 * `DATABASE_URL=postgres://…`, `"Redis": "redis://…"`, `jdbc:h2:mem:`). Read from example env
 * files, framework settings and Compose environments; evidence names the setting and the scheme,
 * never the URL (it may carry a password).
 */
import { SERVICE_KINDS, lookup } from './match.js';
import { base, dirOf, type Detector, type Signal } from './scope.js';
import type { Library } from '../library/index.js';

/** Scheme (without "+driver") -> the name facets know it by. */
const SCHEMES: Readonly<Record<string, string>> = {
  postgres: 'postgres', postgresql: 'postgres', pgsql: 'postgres',
  mysql: 'mysql', mariadb: 'mariadb',
  mongodb: 'mongodb',
  redis: 'redis', rediss: 'redis', valkey: 'redis',
  amqp: 'amqp', amqps: 'amqp',
  sqs: 'sqs',
  kafka: 'kafka',
  nats: 'nats',
  sqlite: 'sqlite',
  mssql: 'sqlserver', sqlserver: 'sqlserver',
  memcached: 'memcached',
  mqtt: 'mqtt', mqtts: 'mqtt',
  pulsar: 'pulsar',
  sb: 'servicebus',
  cassandra: 'cassandra',
  clickhouse: 'clickhouse',
  neo4j: 'neo4j', bolt: 'neo4j',
};
const JDBC: Readonly<Record<string, string>> = { postgresql: 'postgres', mysql: 'mysql', mariadb: 'mariadb', h2: 'com.h2database:h2', sqlserver: 'sqlserver', sqlite: 'sqlite', oracle: 'oracledb' };

const URL = /\b([a-z][a-z0-9]*)(?:\+[a-z0-9]+)?:\/\//gi;
const JDBC_URL = /\bjdbc:([a-z0-9]+):/gi;
/** The setting a value belongs to: `KEY=`, `KEY: `, `"Key": `, `KEY = "`. */
const KEY = /["']?([A-Za-z_][\w.-]*)["']?\s*[:=]\s*(?:\w+\(\s*)?["']?[^"'\s]*$/;

const isEnvExample = (name: string) => /^\.env\.(example|sample|template|dist|defaults|test|ci|dev|development|docker)$/.test(name) || /\.env\.example$/.test(name) || name === 'example.env';
const isSettings = (path: string) => {
  const name = base(path);
  return (
    isEnvExample(name) ||
    /^(settings|config|celeryconfig|.*_settings|settings_.*)\.py$/.test(name) ||
    (base(dirOf(path)) === 'settings' && name.endsWith('.py')) ||
    /^(application|bootstrap)([-.][\w-]+)?\.(properties|ya?ml)$/.test(name) ||
    /^appsettings(\.[\w-]+)?\.json$/.test(name) ||
    /^config(\.[\w-]+)?\.(json|ya?ml|toml)$/.test(name) ||
    name === 'alembic.ini'
  );
};
/** Settings for tests say what the tests run against. */
const isTestSettings = (path: string) => /(^|[._/-])tests?([._/-]|$)/.test(path);

/** Signals for every connection URL in the lines, each line read once. */
export function urlSignals(lib: Library, file: string, lines: Iterable<string>, weak = false): Signal[] {
  const out: Signal[] = [];
  const seen = new Set<string>();
  for (const line of lines) {
    if (!line.includes(':')) continue;
    const found: Array<[index: number, scheme: string, key: string]> = [];
    for (const m of line.matchAll(URL)) {
      const scheme = m[1]!.toLowerCase();
      if (line.slice(Math.max(0, m.index - 5), m.index).toLowerCase() === 'jdbc:') continue;
      if (SCHEMES[scheme]) found.push([m.index, `${scheme}://`, SCHEMES[scheme]]);
    }
    for (const m of line.matchAll(JDBC_URL)) {
      const driver = m[1]!.toLowerCase();
      if (JDBC[driver]) found.push([m.index, `jdbc:${driver}:`, JDBC[driver]]);
    }
    for (const [index, scheme, key] of found) {
      const setting = KEY.exec(line.slice(0, index))?.[1];
      const detail = setting ? `${setting}: ${scheme} URL` : `${scheme} URL`;
      if (seen.has(detail)) continue;
      seen.add(detail);
      const signals = lookup(lib, [key], SERVICE_KINDS, { file, detail }, { weak });
      // "sb://…servicebus.windows.net" and friends: the cloud runs it.
      if (key === 'servicebus') signals.push(...lookup(lib, ['azure'], ['cloud'], { file, detail }, { weak }));
      out.push(...signals);
    }
  }
  return out;
}

export const detectUrls: Detector = (scope, lib) =>
  scope.files.filter(isSettings).flatMap((file) => {
    const text = scope.read(file);
    if (text === undefined) return [];
    const lines = text.split('\n').filter((l) => !/^\s*(#|\/\/|--)/.test(l));
    return urlSignals(lib, file, lines, isTestSettings(file));
  });
