import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startProcess, waitForHttp, type Proc } from '@rc/testing';
import { fullFlow } from './flow.ts';

// Starts the product exactly as the README's quick start does (`npm start`), with a fresh data folder and the shipped model.
describe('embedded mode, started with npm start', () => {
  let proc: Proc;
  let base: string;
  const dataDir = mkdtempSync(join(tmpdir(), 'rc-e2e-'));

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    proc = startProcess('npm', ['start', '--silent'], { PORT: String(port), DATA_DIR: dataDir, DATABASE_URL: '', REDIS_URL: '', LOG_LEVEL: 'warn', LLM_PROVIDER: 'rules' });
    await waitForHttp(`${base}/readyz`, proc);
  });
  afterAll(async () => {
    await proc?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('scores and advises an English pair and answers the original relevancy route', async () => {
    const { analysis, relevancy } = await fullFlow(
      base,
      { title: 'Data Engineer', description: 'Requirements:\n- Python and SQL\n- Apache Airflow\n- Spark\nNice to have:\n- dbt' },
      'Maria Garcia. Data engineer with 4 years of Python and SQL. Built Airflow DAGs and Spark jobs processing 2 TB per day.',
    );
    expect(analysis.language).toBe('en');
    expect((relevancy.strengths as string[]).length).toBeGreaterThan(0);
  });

  it('works end to end in Russian', async () => {
    const { analysis } = await fullFlow(
      base,
      { title: 'Аналитик данных', description: 'Требования:\n- SQL\n- Python (pandas)\n- Построение дашбордов в Tableau' },
      'Ольга Смирнова. Аналитик данных, 3 года опыта: SQL, Python и pandas, дашборды в Tableau для отдела продаж.',
    );
    expect(analysis.language).toBe('ru');
    expect((analysis.strengths as string[]).join(' ')).toMatch(/[а-яё]/i);
  });

  it('keeps the data across a restart', async () => {
    const before = (await (await fetch(`${base}/api/vacancies/`)).json()) as unknown[];
    await proc.stop();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    proc = startProcess('npm', ['start', '--silent'], { PORT: String(port), DATA_DIR: dataDir, DATABASE_URL: '', REDIS_URL: '', LOG_LEVEL: 'warn', LLM_PROVIDER: 'rules' });
    await waitForHttp(`${base}/readyz`, proc);
    const after = (await (await fetch(`${base}/api/vacancies/`)).json()) as unknown[];
    expect(after).toHaveLength(before.length);
  });
});
