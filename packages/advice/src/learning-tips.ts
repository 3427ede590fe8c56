/**
 * One concrete next step per common skill, in both languages, for learning recommendations. Tool names in the
 * Russian tips are in «» like every other inserted name, so the Russian text carries no bare Latin words.
 */
import { terms } from '@rc/text';

type Tip = { en: string; ru: string };

const TIPS: Record<string, Tip> = {
  docker: {
    en: 'containerise one of your projects with a Dockerfile and docker-compose, and publish the image',
    ru: 'упакуйте один из своих проектов в контейнер: «Dockerfile», «docker-compose», опубликуйте образ',
  },
  kubernetes: {
    en: 'deploy a small app to a local cluster (kind or minikube) with a Deployment, a Service and an Ingress',
    ru: 'разверните небольшое приложение в локальном кластере («kind» или «minikube»): «Deployment», «Service», «Ingress»',
  },
  python: {
    en: 'write a small typed service or CLI in Python with tests (pytest) and put it on GitHub',
    ru: 'напишите небольшой сервис или утилиту на «Python» с тестами («pytest») и выложите на «GitHub»',
  },
  javascript: {
    en: 'build a small interactive page without a framework, then the same with one',
    ru: 'сделайте небольшую интерактивную страницу сначала без фреймворка, затем с ним',
  },
  typescript: {
    en: 'convert a JavaScript project of yours to TypeScript with strict mode on',
    ru: 'переведите свой проект на «TypeScript» со строгим режимом («strict»)',
  },
  react: {
    en: 'build a small app with React hooks, routing and data fetching, and deploy it',
    ru: 'соберите небольшое приложение на «React» с хуками, маршрутизацией и загрузкой данных и опубликуйте его',
  },
  postgresql: {
    en: 'model a schema in PostgreSQL, write joins and window functions, and read EXPLAIN plans',
    ru: 'спроектируйте схему в «PostgreSQL», потренируйте соединения и оконные функции, разберитесь с «EXPLAIN»',
  },
  sql: {
    en: 'practise joins, grouping and window functions on a real data set, then read query plans',
    ru: 'потренируйте соединения, группировки и оконные функции на реальных данных, разберитесь с планами запросов',
  },
  git: {
    en: 'use branches, rebase and pull requests in a shared repository',
    ru: 'освойте ветки, «rebase» и пулл-реквесты в общем репозитории',
  },
  cicd: {
    en: 'set up a pipeline that runs tests and deploys on every push (GitHub Actions or GitLab CI)',
    ru: 'настройте конвейер, который запускает тесты и деплой при каждом пуше («GitHub Actions» или «GitLab CI»)',
  },
  aws: {
    en: 'deploy a small service on AWS (EC2 or Lambda, S3, IAM) and consider the Cloud Practitioner certificate',
    ru: 'разверните небольшой сервис в «AWS» («EC2» или «Lambda», «S3», «IAM»); можно получить сертификат «Cloud Practitioner»',
  },
  terraform: {
    en: 'describe a small cloud setup as code with Terraform modules and remote state',
    ru: 'опишите небольшую облачную инфраструктуру кодом: модули «Terraform» и удалённое состояние',
  },
  kafka: {
    en: 'run Kafka locally and write a producer and a consumer group that processes events idempotently',
    ru: 'поднимите «Kafka» локально, напишите продюсер и группу консьюмеров с идемпотентной обработкой',
  },
  go: {
    en: 'write a small HTTP service in Go with tests and goroutines',
    ru: 'напишите небольшой веб-сервис на «Go» с тестами и горутинами',
  },
  java: {
    en: 'build a REST service in Java with Spring Boot and tests',
    ru: 'соберите веб-сервис на «Java» и «Spring Boot» с тестами',
  },
  linux: {
    en: 'work in a Linux shell daily: processes, permissions, systemd, networking tools',
    ru: 'работайте в консоли «Linux» каждый день: процессы, права, «systemd», сетевые утилиты',
  },
  ml: {
    en: 'train and evaluate a model on a public data set end to end (scikit-learn), and write up the results',
    ru: 'обучите и оцените модель на открытом датасете от начала до конца («scikit-learn») и опишите результаты',
  },
  english: {
    en: 'practise speaking about your projects in English and take a recognised test (IELTS, TOEFL)',
    ru: 'тренируйтесь рассказывать о своих проектах по-английски и сдайте признанный экзамен («IELTS», «TOEFL»)',
  },
  django: {
    en: 'build a small Django app with models, the admin, REST endpoints and tests',
    ru: 'сделайте небольшое приложение на «Django»: модели, админка, эндпоинты «REST» и тесты',
  },
  fastapi: {
    en: 'write an async FastAPI service with validation, a database and tests',
    ru: 'напишите асинхронный сервис на «FastAPI» с валидацией, базой данных и тестами',
  },
  redis: {
    en: 'add Redis caching and a simple queue to one of your services',
    ru: 'добавьте в один из своих сервисов кэш и простую очередь на «Redis»',
  },
  rabbitmq: {
    en: 'run RabbitMQ locally and build a worker with retries and a dead-letter queue',
    ru: 'поднимите «RabbitMQ» локально и сделайте обработчик с повторами и очередью недоставленных сообщений',
  },
};

const BY_TERM = new Map<string, Tip>();
for (const [name, tip] of Object.entries(TIPS)) {
  const [term] = terms(name);
  if (term) BY_TERM.set(term, tip);
}

/** Skills that have a tip, as terms. */
export const TIP_TERMS: ReadonlySet<string> = new Set(BY_TERM.keys());

export function learningTip(term: string, language: 'ru' | 'en'): string | null {
  return BY_TERM.get(term)?.[language] ?? null;
}
