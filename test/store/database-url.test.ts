import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeTarget, parseDatabaseUrl, redactPassword } from '../../src/store/database-url.js';

const DEFAULT = '/srv/paperbot/default.sqlite';

describe('parseDatabaseUrl', () => {
  it('takes unset or blank as the default SQLite file', () => {
    expect(parseDatabaseUrl(undefined, DEFAULT)).toEqual({ engine: 'sqlite', path: DEFAULT });
    expect(parseDatabaseUrl('', DEFAULT)).toEqual({ engine: 'sqlite', path: DEFAULT });
    expect(parseDatabaseUrl('   ', DEFAULT)).toEqual({ engine: 'sqlite', path: DEFAULT });
  });

  it.each([
    ['postgres://paperbot@db.internal:5432/paperbot'],
    ['postgresql://paperbot:s3cret@10.0.0.5/paperbot?sslmode=require'],
    ['POSTGRES://paperbot@db/paperbot'],
  ])('takes %s as Postgres, the URL as given', (url) => {
    expect(parseDatabaseUrl(url, DEFAULT)).toEqual({ engine: 'postgres', url });
  });

  it.each([
    ['sqlite:/var/lib/paperbot/p.sqlite', '/var/lib/paperbot/p.sqlite'],
    ['sqlite:///var/lib/paperbot/p.sqlite', '/var/lib/paperbot/p.sqlite'],
    ['sqlite:./data/p.sqlite', resolve('data/p.sqlite')],
    ['sqlite:p.sqlite', resolve('p.sqlite')],
    ['sqlite::memory:', ':memory:'],
    ['  sqlite:/tmp/x.sqlite  ', '/tmp/x.sqlite'],
  ])('takes %s as the SQLite file %s', (value, path) => {
    expect(parseDatabaseUrl(value, DEFAULT)).toEqual({ engine: 'sqlite', path });
  });

  it.each([
    ['mysql://root@localhost/paperbot', 'the scheme "mysql:" is not supported'],
    ['/var/lib/paperbot.sqlite', 'it has no scheme'],
    ['paperbot.sqlite', 'it has no scheme'],
    ['sqlite:', 'the SQLite path is empty'],
    ['sqlite://relative/p.sqlite', 'sqlite:// must be followed by an absolute path'],
    ['postgres://', 'it names no host'],
    ['postgres://db.internal:5432', 'it names no database'],
    ['postgres:///paperbot', 'it names no host'],
    ['postgres://db.internal:notaport/paperbot', 'it is not a valid URL'],
  ])('refuses %s, naming DATABASE_URL and the accepted forms', (value, why) => {
    expect(() => parseDatabaseUrl(value, DEFAULT)).toThrow(/^DATABASE_URL is invalid: /);
    expect(() => parseDatabaseUrl(value, DEFAULT)).toThrow(why);
    expect(() => parseDatabaseUrl(value, DEFAULT)).toThrow(/Accepted: postgres:\/\/.*sqlite:PATH.*unset/);
  });

  it('never echoes a password', () => {
    const value = 'postgres://paperbot:hunter2@db.internal:5432';
    expect(() => parseDatabaseUrl(value, DEFAULT)).toThrow('postgres://paperbot:***@db.internal:5432');
    expect(() => parseDatabaseUrl(value, DEFAULT)).not.toThrow(/hunter2/);
  });
});

describe('redactPassword / describeTarget', () => {
  it('hides the password and only the password', () => {
    expect(redactPassword('postgres://u:p%40ss@h:5432/d')).toBe('postgres://u:***@h:5432/d');
    expect(redactPassword('postgres://u@h:5432/d')).toBe('postgres://u@h:5432/d');
    expect(redactPassword('postgres://h:5432/d')).toBe('postgres://h:5432/d');
  });

  it('says which engine and where', () => {
    expect(describeTarget({ engine: 'sqlite', path: '/x/p.sqlite' })).toBe('sqlite /x/p.sqlite');
    expect(describeTarget({ engine: 'postgres', url: 'postgres://u:p@h/d' })).toBe('postgres postgres://u:***@h/d');
  });
});
