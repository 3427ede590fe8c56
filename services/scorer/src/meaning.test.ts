import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '@rc/config';
import { analyseText, scoreLexical } from '@rc/lexical';
import { SentenceEmbedder } from '@rc/model-runtime';
import { canBeEvidence, meaningScore, WITHOUT_SKILL_MOST, refineByMeaning, resumeSentences, titleByMeaning, TITLE_COSINE, type Embed, type MeaningThresholds } from './meaning.ts';

// The shipped embedder with the cosines the shipped fit score was fitted with.
const calibration = JSON.parse(readFileSync(join(repoRoot, 'models/resume-fit/calibration.json'), 'utf8')) as { meaning: MeaningThresholds };
const thresholds = calibration.meaning;
let embedder: SentenceEmbedder;
let embed: Embed;
beforeAll(async () => {
  embedder = await SentenceEmbedder.load(join(repoRoot, 'models/sentence-embed'));
  embed = (texts, kind) => embedder.embed(texts, kind);
}, 60_000);
afterAll(() => embedder?.close());

const resume = `Maria Lopez — Engineering Manager
Led a team of four backend engineers through a migration to event-driven services.
Hired and mentored two junior developers; ran weekly one-to-ones.`;

const row = (s: Awaited<ReturnType<typeof refineByMeaning>>, has: string) => s.requirements.find((r) => r.text.includes(has))!;

describe('requirements matched by meaning (shipped sentence embedder)', () => {
  const ruResume = `Ольга Смирнова — главный бухгалтер
Руководил командой из 5 человек.
Вёл расчёт зарплаты на 800 человек в ЗУП.`;

  it('raises a row the words miss and points at the sentence that shows it', async () => {
    const vacancy = 'Требования:\n- управление командой\n- знание МСФО';
    const words = scoreLexical({ vacancyText: vacancy, resumeText: ruResume });
    expect(row(words, 'управление командой').status).not.toBe('met');
    const s = await refineByMeaning(words, ruResume, embed, thresholds);
    const lead = row(s, 'управление командой');
    expect(['partial', 'met']).toContain(lead.status);
    expect(lead.score).toBeGreaterThan(row(words, 'управление командой').score);
    expect(lead.evidence!.text).toBe('Руководил командой из 5 человек.');
    expect(ruResume.slice(lead.evidence!.start, lead.evidence!.end)).toBe(lead.evidence!.text);
    // nothing in the resume speaks of IFRS: the row stays missing
    expect(row(s, 'МСФО').status).toBe('missing');
    expect(s.components.rows_by_meaning).toBe(1);
    expect(s.components.must_coverage).toBeGreaterThan(words.components.must_coverage!);
  });

  it('raises a row no further than partly met on a pet project\'s line', async () => {
    const vacancy = 'Requirements:\n- Experience building mobile apps in React Native for iOS and Android';
    const pet = 'Dana Kim\nQA engineer.\nSide project: built a mobile app in React Native for iOS and Android that tracks my running.';
    const words = scoreLexical({ vacancyText: vacancy, resumeText: pet });
    const s = await refineByMeaning(words, pet, embed, thresholds);
    expect(row(s, 'React Native').score).toBeLessThanOrEqual(0.45);
    expect(row(s, 'React Native').evidence?.text).toMatch(/^Side project/);
  });

  it('does not take an unrelated sentence for evidence', async () => {
    const vacancy = 'Requirements:\n- Experience leading a team of engineers\n- Kubernetes operators';
    const chef = 'Chef de partie at a hotel kitchen.\nPrepared sauces and fish for 200 covers a night.';
    const words = scoreLexical({ vacancyText: vacancy, resumeText: chef });
    const s = await refineByMeaning(words, chef, embed, thresholds);
    expect(s.requirements.map((r) => r.status)).toEqual(['missing', 'missing']);
  });

  it('takes no job title and no line of a few words for evidence of an ask it names no skill of', async () => {
    const vacancy = 'Менеджер по продажам\nБудет плюсом:\n- опыт работы с тендерами';
    const seller = 'Кузнецов Артём\nМенеджер по продажам B2B\nОпыт работы\nМай 2022 — по настоящее время\nООО «ПроФуд»\nМенеджер по продажам B2B\nПродажа пароконвектоматов ресторанам и столовым Урала.';
    const words = scoreLexical({ vacancyText: vacancy, resumeText: seller });
    const titles = { vacancy: 'Менеджер по продажам', resume: ['Менеджер по продажам B2B'] };
    const s = await refineByMeaning(words, seller, embed, thresholds, titles);
    const tenders = row(s, 'тендерами');
    expect(tenders.evidence?.text ?? null).not.toBe('Менеджер по продажам B2B');
    expect(tenders.status).toBe('missing');
  });

  it('never lowers a row and leaves years, education and language rows to the facts', async () => {
    const vacancy = 'Requirements:\n- 5+ years of experience leading teams\n- Backend engineers migration\n- English C1';
    const words = scoreLexical({ vacancyText: vacancy, resumeText: resume });
    const s = await refineByMeaning(words, resume, embed, thresholds);
    s.requirements.forEach((r, i) => {
      expect(r.score).toBeGreaterThanOrEqual(words.requirements[i]!.score);
      if (r.years || r.kind === 'language' || r.kind === 'education') expect(r).toEqual(words.requirements[i]);
    });
  });

  it('maps cosines onto the row scale monotonically: partial threshold → partly met, met threshold → met', () => {
    const t = { partial: 0.86, met: 0.88 };
    expect(meaningScore(0.85, t)).toBe(0);
    expect(meaningScore(0.86, t)).toBeCloseTo(0.3, 6);
    expect(meaningScore(0.88, t)).toBeCloseTo(0.6, 6);
    expect(meaningScore(0.99, t)).toBe(1);
    expect(meaningScore(0.87, t)).toBeGreaterThan(meaningScore(0.865, t));
  });

  it("reads a resume in the other language by its titles' meaning: a barista for a barista, not a cook for an analyst", async () => {
    // (a role the skill vocabulary does not name in both languages: its words cannot meet across them)
    const barista = 'Anna Lee\nBarista\n\nExperience\nBarista — Nordwave Coffee, 2019 – present\nPulled 300 shots a day, latte art, opened the shop alone.';
    const vacancy = 'Бариста\nТребования:\n- опыт работы от 1 года\n- умение готовить эспрессо\n- английский язык';
    const pair = analyseText({ vacancyText: vacancy, resumeText: barista });
    expect(pair.lexical.components.cross_language).toBe(1);
    expect(pair.titles.vacancy).toBe('Бариста');
    const s = await refineByMeaning(pair.lexical, barista, embed, thresholds, pair.titles);
    expect(s.components.title_fit).toBeGreaterThan(pair.lexical.components.title_fit!);
    expect(s.components.title_by_meaning).toBe(s.components.title_fit);

    const cook = 'Ivan Orlov\nPrep Cook / Line Cook\n\nExperience\nLine Cook — Harbour Grill, 2020 – present\nPrepared sauces and fish for 200 covers a night.';
    const analyst = analyseText({ vacancyText: 'Аналитик данных\nТребования:\n- SQL\n- Python\n- A/B-тесты', resumeText: cook });
    const unrelated = await refineByMeaning(analyst.lexical, cook, embed, thresholds, analyst.titles);
    expect(unrelated.components.title_fit).toBe(analyst.lexical.components.title_fit);
    expect(unrelated.components.title_by_meaning).toBeUndefined();

    // a role the vocabulary names in both languages meets by its words already: «IT-рекрутер» in "Technical Recruiter"
    const recruiter = 'Anna Lee\nTechnical Recruiter\n\nExperience\nTechnical Recruiter — Nordwave, 2019 – present\nHired 40 engineers a year.';
    const hiring = analyseText({ vacancyText: 'IT-рекрутер\nТребования:\n- опыт подбора от 2 лет\n- английский язык', resumeText: recruiter });
    expect(hiring.lexical.components.title_fit).toBeGreaterThanOrEqual(0.7);
  });

  it('reads the titles by meaning only across languages: in one language the words name the title', async () => {
    const resumeEn = 'Anna Lee\nTalent Acquisition Partner\nHired 40 engineers a year.';
    const pair = analyseText({ vacancyText: 'Technical Recruiter\nRequirements:\n- sourcing\n- interviewing\n- ATS', resumeText: resumeEn });
    expect(pair.lexical.components.cross_language).toBe(0);
    const s = await refineByMeaning(pair.lexical, resumeEn, embed, thresholds, pair.titles);
    expect(s.components.title_fit).toBe(pair.lexical.components.title_fit);
  });

  it('maps a title cosine onto 0..1 between its fitted ends', () => {
    expect(titleByMeaning(TITLE_COSINE.zero - 0.01)).toBe(0);
    expect(titleByMeaning((TITLE_COSINE.zero + TITLE_COSINE.one) / 2)).toBeCloseTo(0.5, 6);
    expect(titleByMeaning(TITLE_COSINE.one + 0.05)).toBe(1);
  });
});

describe('matching by meaning across languages (controlled embeddings)', () => {
  // Unit vectors at a chosen cosine to the requirement's: the row's fate depends only on the thresholds.
  const at = (cos: number) => Float32Array.from([cos, Math.sqrt(1 - cos * cos)]);
  const fakeEmbed =
    (cos: number): Embed =>
    async (texts, kind) =>
      texts.map(() => (kind === 'query' ? at(1) : at(cos)));
  const t: MeaningThresholds = { partial: 0.86, met: 0.88, cross_language_offset: 0.03 };

  it('lowers the cosines by the offset only where the resume is in the other language', async () => {
    const vacancy = 'Требования:\n- понимание принципов многопоточности\n- Java\n- SQL';
    const enResume = 'Java developer.\nBuilt multithreaded batch imports of card statements.\nWrote SQL for Oracle.';
    const ruResume = 'Java-разработчик.\nДелал пакетную загрузку выписок в несколько потоков.\nПисал SQL для Oracle.';
    const cross = scoreLexical({ vacancyText: vacancy, resumeText: enResume });
    const same = scoreLexical({ vacancyText: vacancy, resumeText: ruResume });
    expect([cross.components.cross_language, same.components.cross_language]).toEqual([1, 0]);
    const multithreading = (s: Awaited<ReturnType<typeof refineByMeaning>>) => row(s, 'многопоточности');
    // 0.835: under the partial cosine (0.86), over it less the offset (0.83), under the met one less it (0.85)
    expect(multithreading(await refineByMeaning(cross, enResume, fakeEmbed(0.835), t)).status).toBe('partial');
    expect(multithreading(await refineByMeaning(same, ruResume, fakeEmbed(0.835), t)).status).toBe('missing');
    // without an offset the two languages are read alike
    expect(multithreading(await refineByMeaning(cross, enResume, fakeEmbed(0.835), { partial: 0.86, met: 0.88 })).status).toBe('missing');
  });
});

describe('a skill ask is shown in full only by a sentence that names the skill (controlled embeddings)', () => {
  // the embedding finds the Kubernetes line closest (both speak of "problems"); only the Hibernate line names the skill
  const at = (cos: number) => Float32Array.from([cos, Math.sqrt(1 - cos * cos)]);
  const byLine: Embed = async (texts, kind) =>
    texts.map((text) => (kind === 'query' ? at(1) : text.includes('Kubernetes') ? at(0.95) : text.includes('Hibernate') ? at(0.885) : at(0.5)));
  const t: MeaningThresholds = { partial: 0.86, met: 0.88 };
  const vacancy = 'Требования:\n- опыт работы с Hibernate / JPA и понимание типичных проблем (N+1, ленивая загрузка)\n- умение разбираться в чужих проблемах\n- SQL';
  const helm = 'Работаю с Kubernetes и Helm на уровне разбора проблем с подами.';

  it('takes the sentence that names the skill over a closer one that does not', async () => {
    const resume = `${helm}\nФреймворки: Spring Boot, Spring Data, Hibernate/JPA, Quarkus.`;
    const words = scoreLexical({ vacancyText: vacancy, resumeText: resume });
    const s = await refineByMeaning(words, resume, byLine, t);
    const hibernate = row(s, 'Hibernate');
    expect(hibernate.status).toBe('met');
    expect(hibernate.evidence!.text).toContain('Hibernate/JPA');
    // a row that names no skill is raised by the closest sentence in full
    const problems = row(s, 'чужих проблемах');
    expect(problems.status).toBe('met');
    expect(problems.evidence!.text).toBe(helm);
  });

  it('reads a sentence that names none of the asked skills as partly showing it at most', async () => {
    const resume = `${helm}\nПисала отчёты на SQL.`;
    const words = scoreLexical({ vacancyText: vacancy, resumeText: resume });
    const s = await refineByMeaning(words, resume, byLine, t);
    const hibernate = row(s, 'Hibernate');
    expect(hibernate.status).toBe('partial');
    expect(hibernate.score).toBe(WITHOUT_SKILL_MOST);
    expect(hibernate.evidence!.text).toBe(helm);
  });

  it("keeps the words' evidence that names the skill of a partly shown row against a sentence that names none", async () => {
    const ask = 'Требования:\n- опыт работы с реляционными базами данных, транзакциями и уровнями изоляции';
    const resume = `${helm}\nБазы данных: PostgreSQL, Oracle.`;
    const words = scoreLexical({ vacancyText: ask, resumeText: resume });
    const before = row(words, 'реляционными');
    expect(before.status).toBe('partial');
    expect(before.score).toBeLessThan(WITHOUT_SKILL_MOST);
    expect(before.evidence!.text).toContain('PostgreSQL');
    // the Kubernetes line is closest (0.95) but names no asked skill; the database line (0.5) is under the cosines
    const s = await refineByMeaning(words, resume, byLine, t);
    const rdbms = row(s, 'реляционными');
    expect(rdbms.score).toBe(before.score);
    expect(rdbms.evidence!.text).toBe(before.evidence!.text);
    // with no line naming the skill, the closest sentence still shows it partly
    const alone = scoreLexical({ vacancyText: ask, resumeText: helm });
    const raised = row(await refineByMeaning(alone, helm, byLine, t), 'реляционными');
    expect(raised.status).toBe('partial');
    expect(raised.evidence!.text).toBe(helm);
  });
});

describe('a licence is shown only by a line that names one (controlled embeddings)', () => {
  // every resume sentence at the same cosine: only what a line names decides
  const at = (cos: number) => Float32Array.from([cos, Math.sqrt(1 - cos * cos)]);
  const close: Embed = async (texts, kind) => texts.map(() => (kind === 'query' ? at(1) : at(0.9)));
  const t: MeaningThresholds = { partial: 0.86, met: 0.88 };
  const vacancy = 'Requirements:\n- ACLS certification\n- Experience caring for post-operative patients';

  it('takes no evidence of a licence from a line that names none', async () => {
    const ward = 'В 2020 году около трёх месяцев работала в перепрофилированном ковидном отделении.';
    const words = scoreLexical({ vacancyText: vacancy, resumeText: ward });
    const s = await refineByMeaning(words, ward, close, t);
    expect(row(s, 'ACLS').status).toBe('missing');
    // the other row is raised by the same line
    expect(row(s, 'post-operative').status).not.toBe('missing');
  });

  it("takes no evidence of a licence from the trade's name («Медицинская сестра» is no RN licence)", async () => {
    const nurse = 'Медицинская сестра, медицинский брат\nПроводила перевязки и уход за пациентами после операций.';
    const rn = 'Requirements:\n- RN license (Required)\n- Experience caring for post-operative patients';
    const s = await refineByMeaning(scoreLexical({ vacancyText: rn, resumeText: nurse }), nurse, close, t);
    expect(row(s, 'RN license').status).toBe('missing');
    expect(row(s, 'post-operative').status).not.toBe('missing');
  });

  it('takes a line that names a certificate', async () => {
    const cert = 'Сертификат о прохождении курса расширенной сердечно-лёгочной реанимации, 2023.';
    const words = scoreLexical({ vacancyText: vacancy, resumeText: cert });
    const s = await refineByMeaning(words, cert, close, t);
    expect(row(s, 'ACLS').status).not.toBe('missing');
    expect(row(s, 'ACLS').evidence!.text).toBe(cert);
  });
});

describe('the resume sentences an analysis embeds', () => {
  it('leaves out what can never show an ask: dates, headings, contacts, page headers', () => {
    for (const line of ['Jun 2019 – present', 'Январь 2019 — по настоящее время', 'с 09.2019 по 02.2022', '03/2017 – 05/2019', 'TECHNICAL SKILLS', 'ОПЫТ РАБОТЫ', 'Dublin, OH | +1 (614) 555-0192 | k.z@mailbox.example', 'Konstantin Zhuravlev — CV     Page 1 of 2', 'Алексей Гречко — резюме Страница 2 из 2', 'Ключевые навыки', 'Work experience', 'О себе', 'Занятость: полная занятость', 'График работы: полный день', 'Citizenship: Canada', 'Готова к переезду, готова к командировкам', 'Не готов к переезду, готов к редким командировкам', 'Willing to relocate', 'Other language(s) UNDERSTANDING SPEAKING WRITING']) {
      expect(canBeEvidence(line), line).toBe(false);
    }
    for (const line of ['Led a team of four engineers.', 'Moved the billing service to Kafka, 2015 - 2017, with zero downtime.', 'Вёл расчёт зарплаты на 800 человек в ЗУП.', 'Languages: Java (8 through 21), Kotlin, SQL', 'Kafka, RabbitMQ, IBM MQ in production', 'Готова работать в ночные смены.', 'AWS, GCP, SQL, ETL and ORACLE on production systems']) {
      expect(canBeEvidence(line), line).toBe(true);
    }
    const cv = 'JANE DOE\nBackend engineer, eight years in payments.\nEXPERIENCE\nJun 2019 – present\nBuilt the settlement service in Java 17.';
    expect(resumeSentences(cv).map((x) => x.text)).toEqual(['Backend engineer, eight years in payments.', 'Built the settlement service in Java 17.']);
  });
});

