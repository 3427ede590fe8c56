/** An embedded product for tests: PGlite in memory, in-process queue, the real scorer, advisor and gateway. */
import { loadConfig, type Config } from '@rc/config';
import { createDatabase, type DatabaseHandle } from '@rc/db';
import { InProcessQueue, LocalProgressBus } from '@rc/queue';
import { LexicalEngine, startScorer, type ScoringEngine } from '@rc/scorer';
import { startAdvisor, createWriterFromConfig } from '@rc/advisor';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';

export interface Harness {
  app: FastifyInstance;
  config: Config;
  database: DatabaseHandle;
  queue: InProcessQueue;
  close(): Promise<void>;
}

export async function startHarness(env: Record<string, string> = {}, engine: ScoringEngine = new LexicalEngine()): Promise<Harness> {
  const config = loadConfig({ LOG_LEVEL: 'silent', MODEL_DIR: 'none', ...env });
  const database = await createDatabase({ dataDir: 'memory://' });
  const queue = new InProcessQueue({ backoffMs: 20 });
  const bus = new LocalProgressBus();
  const db = database.db;
  await startScorer({ db, queue, bus, engine, concurrency: 2 });
  await startAdvisor({ db, queue, bus, writer: createWriterFromConfig(config), concurrency: 2 });
  const app = await buildApp({ config, db, queue, bus, pingDb: database.ping });
  return {
    app,
    config,
    database,
    queue,
    close: async () => {
      await app.close();
      await queue.close();
      await bus.close();
      await database.close();
    },
  };
}

export const VACANCY_EN = {
  title: 'Backend Developer (Python)',
  description: `We are looking for a backend developer.

Requirements:
- 3+ years of commercial experience with Python
- Experience with Django or FastAPI
- PostgreSQL: schema design and query optimisation
- Docker and CI/CD pipelines

Nice to have:
- Kubernetes
- Experience with Kafka

We offer: remote work, flexible hours.`,
};

export const RESUME_EN = `John Smith
Backend developer

Summary: 5 years of commercial experience building web services with Python.

Experience:
- Built REST APIs with Django and FastAPI for a fintech product serving 2M users
- Designed PostgreSQL schemas and optimised slow queries, cutting p95 latency by 40%
- Set up Docker images and GitLab CI/CD pipelines

Skills: Python, Django, FastAPI, PostgreSQL, Docker, Redis`;

export const VACANCY_RU = {
  title: 'Python-разработчик',
  description: `Требования:
- Опыт коммерческой разработки на Python от 3 лет
- Знание Django
- Опыт работы с PostgreSQL
Будет плюсом:
- Опыт с Kubernetes`,
};

export const RESUME_RU = `Иван Петров
Python-разработчик

Опыт работы:
- 4 года коммерческой разработки на Python и Django
- Проектировал схемы PostgreSQL и оптимизировал запросы
- Настроил CI/CD и Docker для команды`;
