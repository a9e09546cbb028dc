import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  it('has defaults that serve ./data on port 3000 with SQLite', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.dataDir).toBe(path.resolve('data'));
    expect(config.databaseUrl).toBe(`sqlite:${path.resolve('data', 'chancery.db')}`);
    expect(config.baseUrl).toBe('http://localhost:3000');
  });

  it('lets flags override environment variables', () => {
    const config = loadConfig(
      { PORT: '4000', CHANCERY_DATA_DIR: '/srv/a' },
      { port: '5000', dataDir: '/srv/b' },
    );
    expect(config.port).toBe(5000);
    expect(config.dataDir).toBe('/srv/b');
    expect(config.databaseUrl).toBe('sqlite:/srv/b/chancery.db');
  });

  it('drops a trailing slash from the base URL so links never double it', () => {
    expect(loadConfig({ CHANCERY_BASE_URL: 'https://archive.example.org/' }).baseUrl).toBe(
      'https://archive.example.org',
    );
  });

  it('reports every problem at once', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', CHANCERY_BASE_URL: 'ftp://archive' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toMatch(/PORT.*eighty/);
    expect(problems.join('\n')).toMatch(/DATABASE_URL.*sqlite:<path> or postgres/);
    expect(problems.join('\n')).toMatch(/CHANCERY_BASE_URL.*absolute http/);
  });

  it('caps workspace uploads at 200 MB unless CHANCERY_UPLOAD_LIMIT_MB says otherwise', () => {
    expect(loadConfig({}).uploadLimitMb).toBe(200);
    expect(loadConfig({ CHANCERY_UPLOAD_LIMIT_MB: '2048' }).uploadLimitMb).toBe(2048);
    expect(() => loadConfig({ CHANCERY_UPLOAD_LIMIT_MB: 'lots' })).toThrow(/CHANCERY_UPLOAD_LIMIT_MB/);
    expect(() => loadConfig({ CHANCERY_UPLOAD_LIMIT_MB: '0' })).toThrow(ConfigError);
  });

  it('rejects ports out of range', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: '-1' })).toThrow(ConfigError);
  });
});
