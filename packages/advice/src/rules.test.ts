import { adviceSchema, verdictFor, type RequirementResult, type Scoring } from '@rc/contracts';
import { describe, expect, it } from 'vitest';
import { PROMPT_VERSION_RULES, writeRulesAdvice } from './rules.ts';

const resumeEn = `Jane Smith
Backend Developer

Summary
Backend engineer with 6 years of experience building payment APIs in Python.

Experience
Senior Backend Developer, PayFlow (2020 – present)
- Built REST services in Python with Django serving 2M requests per day.
- Deployed services with Docker.
- Set up GitLab CI pipelines for tests.

Skills
Python, Django, PostgreSQL, Redis, Docker, Git`;

const vacancyEn = `Requirements
- Python and Django
- Docker and Kubernetes
- PostgreSQL
- Kubernetes operators
- CI/CD pipelines (GitLab CI or GitHub Actions)
Nice to have
- Terraform`;

const resumeRu = `Иван Петров
Разработчик

Опыт работы
• Разрабатывал сервисы на Python и Django.
• Упаковывал сервисы в Docker.

Навыки
Python, Django, Docker, Git, Linux`;

const vacancyRu = `Требования:
• опыт разработки на Python и Django;
• опыт работы с Docker и Kubernetes;
• знание Go или Rust;
Будет плюсом:
• опыт с Terraform.`;

function req(
  resume: string,
  text: string,
  importance: 'must' | 'nice',
  status: RequirementResult['status'],
  evidence?: string,
): RequirementResult {
  const score = status === 'met' ? 0.9 : status === 'partial' ? 0.45 : 0;
  if (!evidence) return { text, importance, status, score, evidence: null };
  const start = resume.indexOf(evidence);
  if (start < 0) throw new Error(`evidence not in resume: ${evidence}`);
  return { text, importance, status, score, evidence: { text: evidence, start, end: start + evidence.length } };
}

function scoring(requirements: RequirementResult[], score: number, language: 'ru' | 'en'): Scoring {
  return { score, verdict: verdictFor(score), requirements, language, engine: 'lexical', model: 'test', components: {} };
}

const scoringEn = scoring(
  [
    req(resumeEn, 'Python and Django', 'must', 'met', 'Built REST services in Python with Django serving 2M requests per day.'),
    req(resumeEn, 'Docker and Kubernetes', 'must', 'partial', 'Deployed services with Docker.'),
    req(resumeEn, 'PostgreSQL', 'must', 'met', 'Python, Django, PostgreSQL, Redis, Docker, Git'),
    req(resumeEn, 'Kubernetes operators', 'must', 'missing'),
    req(resumeEn, 'CI/CD pipelines (GitLab CI or GitHub Actions)', 'must', 'partial', 'Set up GitLab CI pipelines for tests.'),
    req(resumeEn, 'Terraform', 'nice', 'missing'),
  ],
  0.62,
  'en',
);

const scoringRu = scoring(
  [
    req(resumeRu, 'опыт разработки на Python и Django', 'must', 'met', 'Разрабатывал сервисы на Python и Django.'),
    req(resumeRu, 'опыт работы с Docker и Kubernetes', 'must', 'partial', 'Упаковывал сервисы в Docker.'),
    req(resumeRu, 'знание Go или Rust', 'must', 'missing'),
    req(resumeRu, 'опыт с Terraform', 'nice', 'missing'),
  ],
  0.45,
  'ru',
);

function allSentences(advice: ReturnType<typeof writeRulesAdvice>): string[] {
  return [
    ...advice.strengths,
    ...advice.weaknesses,
    ...advice.rewrite_suggestions,
    ...advice.learning_recommendations,
    ...advice.reflection_points,
    advice.upgrades,
  ];
}

/** The text outside the quotes, where only the writer's own words are. */
function unquoted(sentence: string): string {
  return sentence.replace(/«[^»]*»/g, '').replace(/“[^”]*”/g, '');
}

describe('writeRulesAdvice in English', () => {
  const advice = writeRulesAdvice({ scoring: scoringEn, vacancyText: vacancyEn, resumeText: resumeEn, language: 'en' });

  it('returns valid advice and has a stable prompt version', () => {
    expect(() => adviceSchema.parse(advice)).not.toThrow();
    expect(PROMPT_VERSION_RULES).toBe('rules-v1');
  });

  it('cites met requirements with their evidence as strengths', () => {
    expect(advice.strengths[0]).toBe(
      'You meet the must-have “Python and Django”: your resume says “Built REST services in Python with Django serving 2M requests per day”.',
    );
    expect(advice.strengths.some((s) => s.includes('“PostgreSQL”'))).toBe(true);
  });

  it('never turns a missing requirement into a strength', () => {
    for (const s of advice.strengths) {
      expect(s).not.toContain('Kubernetes operators');
      expect(s).not.toContain('Terraform');
    }
  });

  it('names the missing must-have as a weakness and lists missing nice-to-haves together', () => {
    expect(advice.weaknesses).toContain('The vacancy requires “Kubernetes operators”, but your resume does not show it.');
    expect(advice.weaknesses.at(-1)).toBe('Nice-to-have items your resume does not show: “Terraform”.');
  });

  it('suggests rewriting partial matches with the words they lack', () => {
    expect(advice.rewrite_suggestions).toContain(
      'Make “Docker and Kubernetes” explicit: if you have that experience, rewrite “Deployed services with Docker” so it names “Kubernetes”, and add a measurable result.',
    );
    // (GitLab CI shown, its alternative GitHub Actions is not asked for)
    expect(advice.rewrite_suggestions.some((s) => s.includes('“GitHub Actions”'))).toBe(false);
  });

  it("does not ask a resume in the other language to take the vacancy's words: it asks for the experience said plainly", () => {
    const ruVacancyEnResume = { ...scoringEn, components: { cross_language: 1 } };
    const a = writeRulesAdvice({ scoring: ruVacancyEnResume, vacancyText: vacancyEn, resumeText: resumeEn, language: 'en' });
    expect(a.rewrite_suggestions).toContain(
      "Make “Docker and Kubernetes” explicit: if you have that experience, say so plainly in “Deployed services with Docker”, in your resume's language, and add a measurable result.",
    );
    expect(a.rewrite_suggestions.some((s) => s.includes('so it names'))).toBe(false);
    const ru = writeRulesAdvice({ scoring: ruVacancyEnResume, vacancyText: vacancyEn, resumeText: resumeEn, language: 'ru' });
    expect(ru.rewrite_suggestions.some((s) => s.includes('на языке резюме'))).toBe(true);
  });

  it('does not ask to name a personal quality that a deed partly shows', () => {
    const quality = {
      text: 'Good communication skills and a collaborative mindset', importance: 'must' as const, kind: 'quality' as const, score: 0.45,
      status: 'partial' as const, evidence: { text: 'Ways of working: code review, writing runbooks', start: 0, end: 46 },
    };
    const a = writeRulesAdvice({ scoring: { ...scoringEn, requirements: [...scoringEn.requirements, quality] }, vacancyText: vacancyEn, resumeText: resumeEn, language: 'en' });
    expect(a.rewrite_suggestions.some((s) => s.includes('collaborative mindset'))).toBe(false);
    // an ask of another kind partly shown is still rewritten in the vacancy's words
    expect(a.rewrite_suggestions.some((s) => s.includes('so it names'))).toBe(true);
  });

  it('does not ask to reword a line into a degree, a licence or a language level it partly shows, nor to name half a contraction', () => {
    const degree = {
      text: 'A CPA, CFA or MBA, or progress toward one', importance: 'nice' as const, kind: 'education' as const, score: 0.5,
      status: 'partial' as const, evidence: { text: 'Backend engineer with 6 years of experience building payment APIs in Python.', start: 0, end: 10 },
    };
    const plain = {
      text: "You can walk people who don't read code through a design", importance: 'must' as const, kind: 'other' as const, score: 0.45,
      status: 'partial' as const, evidence: { text: 'Deployed services with Docker.', start: 0, end: 10 },
    };
    const a = writeRulesAdvice({ scoring: { ...scoringEn, requirements: [...scoringEn.requirements, degree, plain] }, vacancyText: vacancyEn, resumeText: resumeEn, language: 'en' });
    expect(a.rewrite_suggestions.some((s) => s.includes('MBA'))).toBe(false);
    const walk = a.rewrite_suggestions.find((s) => s.includes('walk people'));
    expect(walk).toBeDefined();
    expect(walk).not.toMatch(/“don['’]”/);
  });

  it('never asks for the other of two alternatives the line already names one of', () => {
    const cad = {
      text: 'уверенное владение КОМПАС-3D или SolidWorks: сборки от 200 деталей, листовой металл', importance: 'must' as const, kind: 'skill' as const,
      score: 0.45, status: 'partial' as const, evidence: { text: 'Модель веду в SolidWorks, обвязка трубами и РВД.', start: 0, end: 10 },
    };
    const a = writeRulesAdvice({ scoring: { ...scoringEn, language: 'ru', requirements: [cad] }, vacancyText: vacancyEn, resumeText: resumeEn, language: 'ru' });
    const asked = (advice: typeof a) => advice.rewrite_suggestions.find((s) => s.includes('перепишите строку'))?.split('так, чтобы в ней были')[1];
    expect(asked(a)).toBeDefined();
    expect(asked(a)).not.toMatch(/КОМПАС/);
    expect(asked(a)).toMatch(/«сборки»/);
    // and where the line names neither, it asks for the words
    const none = { ...cad, evidence: { text: 'Чертежи оформляю по ЕСКД.', start: 0, end: 10 } };
    const b = writeRulesAdvice({ scoring: { ...scoringEn, language: 'ru', requirements: [none] }, vacancyText: vacancyEn, resumeText: resumeEn, language: 'ru' });
    expect(asked(b)).toMatch(/КОМПАС/);
  });

  it('names the words an ask is missing, not the phrase that leads to it ("part of")', () => {
    const team = {
      text: "You've been part of a month-end close in a finance team", importance: 'must' as const, kind: 'other' as const, score: 0.45,
      status: 'partial' as const, evidence: { text: 'Prepared the finance team reports every week.', start: 0, end: 10 },
    };
    const a = writeRulesAdvice({ scoring: { ...scoringEn, requirements: [...scoringEn.requirements, team] }, vacancyText: vacancyEn, resumeText: resumeEn, language: 'en' });
    const line = a.rewrite_suggestions.find((s) => s.includes('month-end close'));
    expect(line).toBeDefined();
    expect(line).not.toMatch(/“part/);
    expect(line).toMatch(/“month-end close”/);
  });

  it('asks to name a missing licence if held, or to get it, never to build it up or where it was used', () => {
    const licence = { text: 'действующая аккредитация специалиста', importance: 'must' as const, kind: 'licence' as const, score: 0, status: 'missing' as const, evidence: null };
    const a = writeRulesAdvice({ scoring: { ...scoringEn, requirements: [licence] }, vacancyText: vacancyEn, resumeText: resumeEn, language: 'en' });
    expect(a.learning_recommendations).toContain('If you hold “действующая аккредитация специалиста”, name it in your resume with its date; if not, it is the first thing to get for this job.');
    expect([...a.learning_recommendations, ...a.reflection_points].some((s) => /Build up|Have you used/.test(s))).toBe(false);
  });

  it('points out a must-have that appears only in the skills list', () => {
    expect(advice.rewrite_suggestions).toContain(
      '“PostgreSQL” appears only in your skills list; add a bullet that shows where you used it and what came of it.',
    );
  });

  it("does not say a row's skills are in the skills list only when the jobs' lines name each of them, and names those that are", () => {
    // the list quoted as the evidence of a row that names several skills, each also in a job's bullet
    const stack = req(resumeEn, 'Python Django Docker', 'must', 'met', 'Python, Django, PostgreSQL, Redis, Docker, Git');
    const a = writeRulesAdvice({ scoring: { ...scoringEn, requirements: [stack] }, vacancyText: vacancyEn, resumeText: resumeEn, language: 'en' });
    expect(a.rewrite_suggestions.some((s) => s.includes('appears only in your skills list'))).toBe(false);
    // and one of them named in the list alone is still pointed out
    const withRedis = req(resumeEn, 'Python Django Redis', 'must', 'met', 'Python, Django, PostgreSQL, Redis, Docker, Git');
    const b = writeRulesAdvice({ scoring: { ...scoringEn, requirements: [withRedis] }, vacancyText: vacancyEn, resumeText: resumeEn, language: 'en' });
    expect(b.rewrite_suggestions).toContain('“Redis” appears only in your skills list; add a bullet that shows where you used it and what came of it.');
    const withTwo = req(resumeEn, 'Python Django Redis Git', 'must', 'met', 'Python, Django, PostgreSQL, Redis, Docker, Git');
    const c = writeRulesAdvice({ scoring: { ...scoringEn, requirements: [withTwo] }, vacancyText: vacancyEn, resumeText: resumeEn, language: 'en' });
    expect(c.rewrite_suggestions).toContain('“Redis” and “Git” appear only in your skills list; add a bullet that shows where you used them and what came of it.');
  });

  it('recommends concrete learning for missing skills', () => {
    expect(advice.learning_recommendations[0]).toMatch(/^To learn “Kubernetes”, deploy a small app to a local cluster/);
    expect(advice.learning_recommendations.some((s) => s.startsWith('To learn “Terraform”'))).toBe(true);
  });

  it('asks questions in the reflection points', () => {
    expect(advice.reflection_points.length).toBeGreaterThanOrEqual(2);
    for (const p of advice.reflection_points) expect(p.endsWith('?')).toBe(true);
    expect(advice.reflection_points[0]).toContain('“Kubernetes”');
  });

  it('sums it up in the upgrades paragraph', () => {
    expect(advice.upgrades).toMatch(/^Your resume is a partial fit for this vacancy \(62%\): it fully covers 2 of 6 requirements\./);
    expect(advice.upgrades).toContain('Close the must-have gaps first: “Kubernetes”.');
  });

  it('is deterministic', () => {
    expect(writeRulesAdvice({ scoring: scoringEn, vacancyText: vacancyEn, resumeText: resumeEn, language: 'en' })).toEqual(advice);
  });
});

describe('writeRulesAdvice in Russian', () => {
  const advice = writeRulesAdvice({ scoring: scoringRu, vacancyText: vacancyRu, resumeText: resumeRu, language: 'ru' });

  it('writes every sentence in Russian: no Latin outside the quoted names', () => {
    for (const sentence of allSentences(advice)) {
      expect(unquoted(sentence)).not.toMatch(/[A-Za-z]/);
      expect(sentence).toMatch(/[а-яё]/i);
    }
  });

  it('names the requirement and the evidence', () => {
    expect(advice.strengths[0]).toBe(
      'Вы соответствуете обязательному требованию «опыт разработки на Python и Django»: в резюме сказано «Разрабатывал сервисы на Python и Django».',
    );
    expect(advice.weaknesses[0]).toBe('Вакансия требует «знание Go или Rust», но в резюме этого не видно.');
  });

  it('recommends one of two alternatives, not both', () => {
    expect(advice.learning_recommendations.some((s) => s.includes('«Go»'))).toBe(true);
    expect(advice.learning_recommendations.some((s) => s.includes('«Rust»'))).toBe(false);
    expect(advice.reflection_points[0]).toBe(
      'Приходилось ли вам работать с «Go» или «Rust» на работе, в пет-проекте или на курсах? Если да, то где и с каким результатом?',
    );
  });

  it('asks for numbers, dates and a summary when the resume has none', () => {
    expect(advice.rewrite_suggestions).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Добавьте цифры/),
        expect.stringMatching(/^Укажите даты/),
        expect.stringMatching(/^Добавьте в начало 2–3 строки о себе/),
      ]),
    );
  });

  it('uses the right Russian plural in the summary', () => {
    expect(advice.upgrades).toMatch(/^У резюме частичное соответствие вакансии \(45%\): полностью закрыто 1 из 4 требований\./);
  });

  it('writes English advice for a Russian resume when asked, without Cyrillic outside quotes', () => {
    const en = writeRulesAdvice({ scoring: scoringRu, vacancyText: vacancyRu, resumeText: resumeRu, language: 'en' });
    for (const sentence of allSentences(en)) expect(unquoted(sentence)).not.toMatch(/[а-яё]/i);
    expect(en.weaknesses[0]).toBe('The vacancy requires “знание Go или Rust”, but your resume does not show it.');
  });
});

describe('writeRulesAdvice edge cases', () => {
  it('claims no strengths when nothing is covered, and says the fit is weak', () => {
    const none = scoring([req(resumeEn, 'Kubernetes', 'must', 'missing'), req(resumeEn, 'Go', 'must', 'missing')], 0.05, 'en');
    const advice = writeRulesAdvice({ scoring: none, vacancyText: 'Kubernetes, Go', resumeText: resumeEn, language: 'en' });
    expect(advice.strengths).toEqual([]);
    expect(advice.weaknesses).toHaveLength(2);
    expect(advice.reflection_points).toContain(
      'Is this the right role for you now, or would an adjacent or more junior position be a better next step?',
    );
  });

  it('does not ask for numbers, dates or a summary the resume already has', () => {
    const advice = writeRulesAdvice({ scoring: scoringEn, vacancyText: vacancyEn, resumeText: resumeEn, language: 'en' });
    expect(advice.rewrite_suggestions.join(' ')).not.toMatch(/Quantify|Add dates|summary at the top/);
  });

  it('does not ask for a summary a resume opens with under no heading, and asks where none comes before the jobs', () => {
    const empty = scoring([], 0.5, 'en');
    const asks = (resumeText: string) =>
      writeRulesAdvice({ scoring: empty, vacancyText: '', resumeText, language: 'en' }).rewrite_suggestions.some((x) => x.includes('summary at the top'));
    const opening = 'DeShawn Carter\nReno, NV · 775-555-0143 · deshawn.carter@mail.example\n\nWarehouse worker with 2 years of experience in a grocery distribution center. Certified forklift operator (sit-down\nand reach truck).\n\nWork History\nOrder Selector — Sierra Foods DC (Jan 2024 – Present)';
    expect(asks(opening)).toBe(false);
    // a long bullet under the first job is no summary
    expect(asks('DeShawn Carter\nWork History\nOrder Selector — Sierra Foods DC (Jan 2024 – Present)\n• Select 160–190 cases per hour with a voice picking headset and RF gun. 99.6% accuracy.')).toBe(true);
  });

  it("counts a trade's quantities as numbers: pallets a shift, patients, covers, tonnes", () => {
    const empty = scoring([], 0.3, 'ru');
    const asks = (resumeText: string) =>
      writeRulesAdvice({ scoring: empty, vacancyText: '', resumeText, language: 'ru' }).rewrite_suggestions.some((x) => x.startsWith('Добавьте цифры'));
    expect(asks('Водитель погрузчика, 2019–2024.\nРазмещал до 120 паллет за смену на стеллажи до 10 м.')).toBe(false);
    expect(asks('Medical-surgical nurse, 2018–2024.\nCared for 6 patients a shift on a 32-bed ward.')).toBe(false);
    expect(asks('Водитель погрузчика, 2019–2024.\nРазмещал паллеты на стеллажи.')).toBe(true);
  });

  it('handles a vacancy without requirements', () => {
    const empty = scoring([], 0.3, 'ru');
    const advice = writeRulesAdvice({ scoring: empty, vacancyText: '', resumeText: resumeRu, language: 'ru' });
    expect(advice.strengths).toEqual([]);
    expect(advice.upgrades).toContain('Явных требований в вакансии нет');
    expect(() => adviceSchema.parse(advice)).not.toThrow();
  });

  it('clips long evidence and keeps quotes balanced', () => {
    const long = `Led the migration of «legacy» systems ${'and more work '.repeat(30)}done.`;
    const resume = `${long}\n`;
    const s = scoring([req(resume, 'Migration', 'must', 'met', long)], 0.8, 'ru');
    const [strength] = writeRulesAdvice({ scoring: s, vacancyText: 'Migration', resumeText: resume, language: 'ru' }).strengths;
    expect(strength!.length).toBeLessThan(260);
    expect(strength).toContain('…»');
    expect(strength!.match(/«/g)?.length).toBe(strength!.match(/»/g)?.length);
  });
});

describe('advice on a personal quality the resume does not show in words', () => {
  const withQuality = (language: 'ru' | 'en', text: string) =>
    scoring([...(language === 'en' ? scoringEn : scoringRu).requirements, { ...req(language === 'en' ? resumeEn : resumeRu, text, 'must', 'missing'), kind: 'quality' }], 0.5, language);

  it('asks to show it in the cover letter and the interview, never to learn it, close it first or reflect on using it', () => {
    for (const [language, text] of [['en', 'Strong communication skills'], ['ru', 'грамотная речь']] as const) {
      const resume = language === 'en' ? resumeEn : resumeRu;
      const advice = writeRulesAdvice({ scoring: withQuality(language, text), vacancyText: text, resumeText: resume, language });
      const quality = advice.weaknesses.filter((w) => w.includes(text));
      expect(quality, language).toHaveLength(1);
      expect(quality[0], language).toMatch(language === 'en' ? /cover letter and at the interview/ : /сопроводительном письме и на собеседовании/);
      expect(advice.learning_recommendations.join(' '), language).not.toContain(text);
      expect(advice.reflection_points.join(' '), language).not.toContain(text);
      expect(advice.upgrades, language).not.toContain(text);
      expect(() => adviceSchema.parse(advice)).not.toThrow();
    }
    // the same row read as "other" is a gap to learn
    const other = scoring([{ ...req(resumeEn, 'Strong communication skills', 'must', 'missing'), kind: 'other' }], 0.3, 'en');
    const advice = writeRulesAdvice({ scoring: other, vacancyText: '', resumeText: resumeEn, language: 'en' });
    expect(advice.learning_recommendations.join(' ')).toContain('Strong communication skills');
  });
});

describe('advice from the rows the posting reader and the facts give', () => {
  const rows = (language: 'ru' | 'en') =>
    scoring(
      [
        req(resumeEn, 'Python and Django', 'must', 'met', 'Built REST services in Python with Django serving 2M requests per day.'),
        { ...req(resumeEn, '5+ years of Python', 'must', 'missing'), kind: 'experience', years: { shown: 2.5, asked: 5 } },
        { ...req(resumeEn, 'You will own the billing service end to end', 'must', 'missing'), kind: 'duty' },
        { ...req(resumeEn, "Master's degree", 'must', 'missing'), kind: 'education' },
      ],
      0.5,
      language,
    );

  it('names the years shown against the years asked, and never advises on a duty', () => {
    const advice = writeRulesAdvice({ scoring: rows('en'), resumeText: resumeEn, vacancyText: vacancyEn, language: 'en' });
    expect(advice.weaknesses.join(' ')).toContain('show 2.5 of the 5 years asked');
    expect(allSentences(advice).join(' ')).not.toContain('billing service');
    // years and degrees are not skills to take a course in
    expect(advice.learning_recommendations.join(' ')).not.toMatch(/5\+ years|Master/);
  });

  it('says it in Russian with Russian numbers', () => {
    const advice = writeRulesAdvice({ scoring: rows('ru'), resumeText: resumeEn, vacancyText: vacancyEn, language: 'ru' });
    expect(advice.weaknesses.join(' ')).toContain('видно 2,5 из 5 запрошенных лет');
  });
});

describe('advice on a craft skill the years imply but the resume never names', () => {
  const job = 'Senior Backend Developer, PayFlow (2020 – present)';
  const implied = (language: 'ru' | 'en') =>
    scoring(
      [
        req(resumeEn, 'Python and Django', 'must', 'met', 'Built REST services in Python with Django serving 2M requests per day.'),
        { ...req(resumeEn, 'Solid understanding of design patterns', 'must', 'partial', job), kind: 'skill', implied: { years: 6.5 } },
      ],
      0.8,
      language,
    );

  it('asks to name it under the job, never counts it as a strength, and says the years imply it', () => {
    const advice = writeRulesAdvice({ scoring: implied('en'), resumeText: resumeEn, vacancyText: vacancyEn, language: 'en' });
    expect(advice.strengths.join(' ')).not.toContain('design patterns');
    expect(advice.weaknesses.join(' ')).toContain('6.5 years of work in the field');
    const rewrite = advice.rewrite_suggestions.find((x) => x.includes('design patterns'))!;
    expect(rewrite).toContain(`Name “Solid understanding of design patterns” where you used it: add a bullet under “${job}”`);
  });

  it('says it in Russian', () => {
    const advice = writeRulesAdvice({ scoring: implied('ru'), resumeText: resumeEn, vacancyText: vacancyEn, language: 'ru' });
    expect(advice.weaknesses.join(' ')).toContain('6,5 г.');
    expect(advice.rewrite_suggestions.join(' ')).toContain('Назовите «Solid understanding of design patterns» там, где вы это применяли');
  });
});

