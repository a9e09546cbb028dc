import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config/config.ts';

describe('worker configuration', () => {
  it('runs the in-process worker unless CHANCERY_WORKER=off, with a one-minute lease by default', () => {
    expect(loadConfig({})).toMatchObject({ worker: true, jobLeaseSeconds: 60 });
    expect(loadConfig({ CHANCERY_WORKER: 'off', CHANCERY_JOB_LEASE_SECONDS: '5' })).toMatchObject({
      worker: false,
      jobLeaseSeconds: 5,
    });
  });

  it('reports a misspelt switch and an impossible lease together, instead of guessing', () => {
    let problems: string[] = [];
    try {
      loadConfig({ CHANCERY_WORKER: 'of', CHANCERY_JOB_LEASE_SECONDS: '0.5' });
    } catch (error) {
      if (error instanceof ConfigError) problems = error.problems;
    }
    expect(problems.some((p) => p.startsWith('CHANCERY_WORKER'))).toBe(true);
    expect(problems.some((p) => p.startsWith('CHANCERY_JOB_LEASE_SECONDS'))).toBe(true);
  });

  it('takes extra Tesseract data directories from CHANCERY_TESSDATA_DIRS', () => {
    expect(loadConfig({ CHANCERY_TESSDATA_DIRS: '/opt/tessdata::/srv/ocr' }).ocrDataDirs).toEqual([
      '/opt/tessdata',
      '/srv/ocr',
    ]);
  });
});
