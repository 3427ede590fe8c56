import { describe, expect, it } from 'vitest';
import { splitRequirements, type Requirement } from './requirements.ts';
import { readScreening } from '@rc/testing/screening';

const english = `Senior Backend Engineer — Payments

About us
We are a fast-growing fintech startup with offices in Berlin and Lisbon.

What you'll do
- Design and build payment APIs in Go and Python
- Own services end-to-end, from design to on-call

Requirements
- 5+ years of backend development experience
- Strong knowledge of Go or Python
- Experience with PostgreSQL, Redis, Kafka
- Hands-on experience with Kubernetes and Terraform; CI/CD pipelines
- Fluent English
- Experience with payment systems is a plus

Nice to have
- Experience with PCI DSS
- Familiarity with gRPC (mandatory for the platform team)

We offer
- Competitive salary €80,000–€100,000
- 30 days of vacation
Location: Berlin (hybrid)`;

const russian = `Python-разработчик (Middle+)

О компании
Мы — продуктовая команда финтех-сервиса, нашим приложением пользуются 2 млн клиентов.

Чем предстоит заниматься:
— разрабатывать микросервисы на FastAPI;
— проектировать схемы данных в PostgreSQL;

Требования:
• опыт коммерческой разработки на Python от 3 лет;
• уверенное знание SQL и PostgreSQL;
• опыт работы с Docker и Kubernetes;
• понимание принципов REST, асинхронности (asyncio);
• желательно знание Go.

Будет плюсом:
• опыт с Kafka или RabbitMQ;
• знание Go.

Мы предлагаем:
• ДМС со стоматологией;
• удалённую работу;
Зарплата: от 250 000 до 350 000 ₽ на руки
Город: Москва`;

function texts(reqs: Requirement[], importance?: 'must' | 'nice'): string[] {
  return reqs.filter((r) => !importance || r.importance === importance).map((r) => r.text);
}

function expectOffsets(source: string, reqs: Requirement[]): void {
  for (const r of reqs) expect(source.slice(r.start, r.end)).toBe(r.text);
}

describe('splitRequirements on an English vacancy', () => {
  const reqs = splitRequirements(english);

  it('takes the items under the requirement headings, split into skills', () => {
    expect(texts(reqs, 'must')).toEqual([
      '5+ years of backend development experience',
      'Strong knowledge of Go or Python',
      'Experience with PostgreSQL',
      'Redis',
      'Kafka',
      'Hands-on experience with Kubernetes and Terraform',
      'CI/CD pipelines',
      'Fluent English',
      'Familiarity with gRPC (mandatory for the platform team)',
    ]);
  });

  it('marks nice-to-have sections and "is a plus" items as nice', () => {
    expect(texts(reqs, 'nice')).toEqual(['Experience with payment systems is a plus', 'Experience with PCI DSS']);
  });

  it('skips the blurb, the benefits, the salary and the location', () => {
    const all = texts(reqs).join('\n');
    expect(all).not.toMatch(/fintech|salary|vacation|Berlin|Design and build/);
  });

  it('keeps offsets into the vacancy text', () => expectOffsets(english, reqs));
});

describe('splitRequirements on a Russian vacancy', () => {
  const reqs = splitRequirements(russian);

  it('reads Требования and Будет плюсом, and dedupes the repeated item', () => {
    expect(reqs.map((r) => [r.importance, r.text])).toEqual([
      ['must', 'опыт коммерческой разработки на Python от 3 лет'],
      ['must', 'уверенное знание SQL и PostgreSQL'],
      ['must', 'опыт работы с Docker и Kubernetes'],
      ['must', 'понимание принципов REST, асинхронности (asyncio)'],
      ['nice', 'желательно знание Go'],
      ['nice', 'опыт с Kafka или RabbitMQ'],
    ]);
  });

  it('keeps offsets into the vacancy text', () => expectOffsets(russian, reqs));
});

describe('splitRequirements with headings without colons', () => {
  it('reads Мы ожидаем / Желательно / Условия', () => {
    const text = [
      'Frontend-разработчик',
      'Мы ожидаем',
      '- опыт с React от 2 лет',
      '- знание TypeScript',
      'Желательно',
      '- опыт с Next.js',
      'Условия',
      '- гибкий график',
    ].join('\n');
    expect(splitRequirements(text).map((r) => [r.importance, r.text])).toEqual([
      ['must', 'опыт с React от 2 лет'],
      ['must', 'знание TypeScript'],
      ['nice', 'опыт с Next.js'],
    ]);
  });

  it('reads Must have / Will be a plus / Qualifications and keeps "(mandatory)" items must', () => {
    const text = [
      'Qualifications',
      '* BSc in Computer Science',
      'Must have',
      '* Swift and SwiftUI',
      'Will be a plus',
      '* Objective-C',
      '* Unit testing (mandatory for seniors)',
      'What we offer',
      '* Stock options',
    ].join('\n');
    expect(splitRequirements(text).map((r) => [r.importance, r.text])).toEqual([
      ['must', 'BSc in Computer Science'],
      ['must', 'Swift and SwiftUI'],
      ['nice', 'Objective-C'],
      ['must', 'Unit testing (mandatory for seniors)'],
    ]);
  });
});

describe('splitRequirements without structure', () => {
  it('falls back to the sentences of the vacancy', () => {
    const text = 'We need a React developer who has built large single-page apps. You know TypeScript well and write tests.';
    expect(texts(splitRequirements(text))).toEqual([
      'We need a React developer who has built large single-page apps',
      'You know TypeScript well and write tests',
    ]);
  });

  it('returns nothing for an empty vacancy and caps long ones', () => {
    expect(splitRequirements('   ')).toEqual([]);
    const many = ['Requirements:', ...Array.from({ length: 60 }, (_, i) => `- skill${i} tool${i}`)].join('\n');
    expect(splitRequirements(many)).toHaveLength(40);
    expect(splitRequirements(many, { max: 10 })).toHaveLength(10);
  });

  it('reads inline headings and comma-separated skill lists', () => {
    const text = 'Требования: Python, Django, PostgreSQL, Docker\nБудет плюсом: Kubernetes';
    expect(splitRequirements(text).map((r) => [r.importance, r.text])).toEqual([
      ['must', 'Python'],
      ['must', 'Django'],
      ['must', 'PostgreSQL'],
      ['must', 'Docker'],
      ['nice', 'Kubernetes'],
    ]);
  });
});

describe('splitRequirements on the screening job descriptions (jd1.csv)', () => {
  const rows = readScreening('jd1');
  const byIndex = (i: number) => rows[i]![1]!;

  it('reads the colon-separated "Experience: / Java: 1 year (Preferred)" format', () => {
    const text = byIndex(24);
    const reqs = splitRequirements(text);
    expect(reqs.map((r) => [r.importance, r.text])).toEqual(
      expect.arrayContaining([
        ['nice', '.net: 1 year (Preferred)'],
        ['nice', 'Java: 1 year (Preferred)'],
        ['nice', 'Angular / Node JS: 1 year (Preferred)'],
      ]),
    );
    const all = texts(reqs).join('\n');
    expect(all).not.toMatch(/Salary|Health insurance|Day shift|total work|Full-time|Software Development/);
    expectOffsets(text, reqs);
  });

  it('splits numbered lines without a space and comma lists ("1.Experience in Routing ,Switching ,Firewall")', () => {
    const reqs = splitRequirements(byIndex(25));
    expect(texts(reqs, 'must')).toEqual(['Experience in Routing', 'Switching', 'Firewall', 'Experience into Networking admin']);
    expect(texts(reqs).join('\n')).not.toMatch(/Hyderabad|immediate joiners/);
  });

  it('uses the uppercase requirement heading and not the company blurb', () => {
    const reqs = splitRequirements(byIndex(2));
    expect(texts(reqs)).toContain('Hibernate/JPA');
    expect(texts(reqs).join('\n')).not.toMatch(/Nagarrians|8,400/);
  });

  it('holds its invariants on every job description', () => {
    for (const [, text] of rows) {
      const reqs = splitRequirements(text!);
      expect(reqs.length).toBeLessThanOrEqual(40);
      expectOffsets(text!, reqs);
      for (const r of reqs) {
        expect(r.text).not.toMatch(/^(Salary|Job Type|Location|Schedule)\s*:/i);
        expect(r.text.trim()).toBe(r.text);
      }
    }
  });
});
