import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CrossEncoder } from '@rc/model-runtime';
import { CrossEncoderEngine } from './cross-encoder-engine.ts';

const modelDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../../models/resume-fit');

// The shipped model itself, not only the lexical features the calibrated score also reads, must tell a fitting
// resume from an unfitting one: these texts share every skill word or none, so the lexical part alone would
// separate them; the model's own probability (Platt on its logit) is checked as well.
const JAVA_EN = 'Java Developer\nWe are looking for a Java developer to build backend services.\nRequirements:\n- 3+ years of Java\n- Spring Boot, Hibernate\n- PostgreSQL, SQL\n- REST APIs, microservices\n- Git, Maven\nNice to have: Kafka, Docker, Kubernetes.';
const JAVA_RU = 'Java-разработчик\nИщем Java-разработчика для backend-сервисов.\nТребования:\n- опыт работы с Java от 3 лет\n- Spring Boot, Hibernate\n- PostgreSQL, SQL\n- REST API, микросервисы\n- Git, Maven\nБудет плюсом: Kafka, Docker, Kubernetes.';
const FIT_EN = 'Ivan Petrov. Java developer, 5 years. Built backend microservices with Java 17, Spring Boot and Hibernate; designed REST APIs; PostgreSQL and SQL tuning; Maven, Git, Docker; Kafka event streams at a fintech company.';
const FIT_RU = 'Иван Петров. Java-разработчик, 5 лет опыта. Разрабатывал микросервисы на Java 17, Spring Boot и Hibernate; проектировал REST API; PostgreSQL и оптимизация SQL; Maven, Git, Docker; Kafka в финтех-компании.';
const CHEF_EN = 'Anna Lee. Pastry chef with 8 years in French bakeries: croissants, wedding cakes, sourdough, kitchen team management, food safety certificate, menu costing.';
const CHEF_RU = 'Анна Ли. Кондитер, 8 лет во французских пекарнях: круассаны, свадебные торты, закваска, управление командой кухни, санитарная книжка, калькуляция меню.';

describe('the shipped model tells fit from unfit', () => {
  let engine: CrossEncoderEngine;
  beforeAll(async () => {
    engine = new CrossEncoderEngine(await CrossEncoder.load(modelDir));
  });
  afterAll(async () => {
    await engine?.close();
  });

  it.each([
    ['English', JAVA_EN, FIT_EN, CHEF_EN],
    ['Russian', JAVA_RU, FIT_RU, CHEF_RU],
    ['a Russian posting, English CVs', JAVA_RU, FIT_EN, CHEF_EN],
  ])('%s', async (_name, vacancyText, fit, unfit) => {
    const good = await engine.analyse({ vacancyText, resumeText: fit });
    const bad = await engine.analyse({ vacancyText, resumeText: unfit });
    // the model alone: a fitting pair reads as more likely than not (logit ≈ 2.4-2.6 with the shipped model),
    // an unfitting one as almost surely not (≈ -4.5), in either language and across the two
    expect(good.components.pair_logit, 'model logit, fitting').toBeGreaterThan(0);
    expect(bad.components.pair_logit, 'model logit, unfitting').toBeLessThan(-2);
    expect(good.components.pair_logit! - bad.components.pair_logit!).toBeGreaterThan(5);
    expect(bad.components.pair_probability).toBeLessThanOrEqual(0.05);
    // and the product's calibrated score, which adds the lexical features
    expect(good.score).toBeGreaterThanOrEqual(0.8);
    expect(bad.score).toBeLessThanOrEqual(0.2);
    expect(good.verdict).toBe('strong');
    expect(bad.verdict).toBe('weak');
  });
});
