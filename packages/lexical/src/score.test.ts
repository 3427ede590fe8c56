import { scoringSchema } from '@rc/contracts';
import { readScreening, seededRandom } from '@rc/testing/screening';
import { describe, expect, it } from 'vitest';
import {
  fittingResumeEn,
  fittingResumeRu,
  unrelatedResumeEn,
  unrelatedResumeRu,
  vacancyEn,
  vacancyRu,
} from '@rc/testing/fit-pairs';
import { LEXICAL_MODEL, pairTitles, scoreLexical, statusFor } from './score.ts';

describe('scoreLexical on English texts', () => {
  const fit = scoreLexical({ vacancyText: vacancyEn, resumeText: fittingResumeEn });
  const misfit = scoreLexical({ vacancyText: vacancyEn, resumeText: unrelatedResumeEn });

  it('returns a valid Scoring from the lexical engine', () => {
    expect(() => scoringSchema.parse(fit)).not.toThrow();
    expect(fit.engine).toBe('lexical');
    expect(fit.model).toBe(LEXICAL_MODEL);
    expect(fit.language).toBe('en');
    // "Docker and Kubernetes in production" is two asks
    expect(fit.requirements).toHaveLength(9);
  });

  it('scores the fitting resume high and the unrelated one low', () => {
    expect(fit.score).toBeGreaterThanOrEqual(0.7);
    expect(fit.verdict).toBe('strong');
    expect(misfit.score).toBeLessThan(0.2);
    expect(misfit.verdict).toBe('weak');
  });

  it('cites the resume line that covers a requirement, with offsets into the resume', () => {
    const docker = fit.requirements.find((r) => r.text === 'Docker')!;
    expect(docker).toMatchObject({ status: 'met', kind: 'skill', importance: 'must' });
    expect(docker.evidence?.text).toBe('Deployed services with Docker to Kubernetes (EKS); wrote Helm charts.');
    for (const r of fit.requirements) {
      if (r.evidence) expect(fittingResumeEn.slice(r.evidence.start, r.evidence.end)).toBe(r.evidence.text);
    }
  });

  it('marks skills the resume never names as missing', () => {
    const terraform = fit.requirements.find((r) => r.text === 'Experience with Terraform')!;
    expect(terraform).toMatchObject({ importance: 'nice', status: 'missing', score: 0 });
    expect(misfit.requirements.every((r) => r.status === 'missing')).toBe(true);
  });

  it('records the parts of the score', () => {
    expect(fit.components).toMatchObject({ requirements: 9 });
    expect(fit.components.requirement_coverage).toBeGreaterThan(misfit.components.requirement_coverage!);
    expect(fit.components.must_coverage).toBeGreaterThan(fit.components.nice_coverage!);
    expect(fit.components.met! + fit.components.partial! + fit.components.missing!).toBe(9);
  });
});

describe('scoreLexical on Russian texts', () => {
  const fit = scoreLexical({ vacancyText: vacancyRu, resumeText: fittingResumeRu });
  const misfit = scoreLexical({ vacancyText: vacancyRu, resumeText: unrelatedResumeRu });

  it('separates the fitting resume from the unrelated one', () => {
    expect(fit.language).toBe('ru');
    expect(fit.score).toBeGreaterThanOrEqual(0.7);
    expect(misfit.score).toBeLessThan(0.2);
  });

  it('matches inflected Russian words and cites the line', () => {
    const kafka = fit.requirements.find((r) => r.text.includes('Kafka'))!;
    expect(kafka.status).toBe('met');
    expect(kafka.evidence?.text).toBe('Настроил обмен событиями через Kafka.');
    const go = fit.requirements.find((r) => r.text === 'знание Go')!;
    expect(go.status).toBe('missing');
  });

  it('matches a Russian vacancy to an English resume through skill names', () => {
    const cross = scoreLexical({ vacancyText: vacancyRu, resumeText: fittingResumeEn });
    const crossMisfit = scoreLexical({ vacancyText: vacancyRu, resumeText: unrelatedResumeEn });
    expect(cross.language).toBe('en');
    expect(cross.score).toBeGreaterThan(crossMisfit.score + 0.3);
  });
});

describe('scoreLexical with the posting reader', () => {
  it('gives each row its kind and its span in the vacancy', () => {
    const fit = scoreLexical({ vacancyText: vacancyEn, resumeText: fittingResumeEn });
    expect(fit.requirements.map((r) => r.kind)).toEqual(['experience', 'skill', 'skill', 'skill', 'skill', 'skill', 'skill', 'skill', 'skill']);
    for (const r of fit.requirements) expect(vacancyEn.slice(r.span!.start, r.span!.end)).toBe(r.text);
  });

  it('meets a skill row through any of the skill\'s names', () => {
    const result = scoreLexical({
      vacancyText: 'Требования: PostgreSQL, Kubernetes, 1С:ЗУП, JavaScript, ручная дуговая сварка',
      resumeText: 'Вёл базы на Postgres.\nДеплоил в k8s.\nРасчёт зарплаты в «1С:Зарплата и управление персоналом».\nПисал на JS.\nСварка РД, НАКС.',
    });
    expect(result.requirements.map((r) => [r.text, r.status])).toEqual([
      ['PostgreSQL', 'met'],
      ['Kubernetes', 'met'],
      ['1С:ЗУП', 'met'],
      ['JavaScript', 'met'],
      ['ручная дуговая сварка', 'met'],
    ]);
    expect(result.requirements[0]!.evidence?.text).toBe('Вёл базы на Postgres.');
  });

  it('reads a flattened job-board posting into its asks and finds them in a Java developer\'s resume', () => {
    const vacancyText =
      "Software Developer Minimum Required Skills: Java, C#, SQL, Eclipse If you are a Software Developer with experience, please read on! " +
      "Basic Qualifications: Bachelor's degree in Computer Science Minimum of 2 years' experience developing software applications in Java " +
      'Preferred Qualifications: Experience with Spring Boot CyberCoders, Inc is proud to be an Equal Opportunity Employer.';
    const resumeText = 'Java developer, 3 years.\nBuilt services in Java 17 and Spring Framework.\nWrote SQL for Oracle.\nIDE: Eclipse.\nBSc in Computer Science, 2020.';
    const result = scoreLexical({ vacancyText, resumeText });
    expect(result.requirements.map((r) => r.text)).not.toContain('Software Developer');
    const byText = new Map(result.requirements.map((r) => [r.text, r]));
    for (const skill of ['SQL', 'Eclipse']) expect(byText.get(skill), skill).toMatchObject({ status: 'met', kind: 'skill' });
    // Java is asked once, as the qualification says it: two years of it
    expect(byText.has('Java')).toBe(false);
    expect(byText.get("Minimum of 2 years' experience developing software applications in Java")).toMatchObject({ status: 'met', kind: 'experience' });
    expect(byText.get('C#')).toMatchObject({ status: 'missing' });
    expect(byText.get('Experience with Spring Boot')).toMatchObject({ importance: 'nice', status: 'met' });
  });
});

describe('scoreLexical edge cases', () => {
  it('reads a communication ask as partly shown by a deed that shows it, and not by a line without one', () => {
    const vacancy = 'Data Scientist\nRequirements:\n- Python\n- Strong communication skills';
    const quality = (resumeText: string) => scoreLexical({ vacancyText: vacancy, resumeText }).requirements.find((r) => r.kind === 'quality')!;
    const shown = quality('Built pricing models in Python.\nI explain models to underwriters in plain English.');
    expect(shown).toMatchObject({ status: 'partial', evidence: { text: 'I explain models to underwriters in plain English.' } });
    expect(quality('Built pricing models in Python.\nTrained gradient boosting models on claims data.').status).toBe('missing');
    // a wish is no deed; a Russian deed is one
    expect(quality('Built pricing models in Python.\nI want to learn to present my results to stakeholders.').status).toBe('missing');
    const ru = scoreLexical({ vacancyText: 'Требования:\n- коммуникабельность\n- Excel', resumeText: 'Вела переговоры с поставщиками о скидках.\nExcel' });
    expect(ru.requirements.find((r) => r.kind === 'quality')).toMatchObject({ status: 'partial', evidence: { text: 'Вела переговоры с поставщиками о скидках.' } });
    // teaching others and writing runbooks for them show it too
    expect(quality('Built pricing models in Python.\nTeaching Python at a weekend code club for teenagers.').status).toBe('partial');
    expect(quality('Built pricing models in Python.\nWays of working: code review, writing runbooks').status).toBe('partial');
  });

  it('cuts a run-on posting without sentences or sections into sentence-sized rows, not one row as long as the posting', () => {
    const words = 'strong python skill experience building scalable api microservices aws docker kubernetes postgresql team player'.split(' ');
    const vacancyText = Array.from({ length: 120 }, (_, i) => words[i % words.length]).join(' ');
    const result = scoreLexical({ vacancyText, resumeText: 'Built Python microservices on AWS with Docker.' });
    expect(result.requirements.length).toBeGreaterThan(0);
    for (const r of result.requirements) expect(r.text.length).toBeLessThanOrEqual(400);
  });

  it('gives partial credit when a line covers part of a requirement', () => {
    const result = scoreLexical({
      vacancyText: 'Requirements:\n- Kubernetes cluster administration and upgrades\n- Python\n- Go\n- Rust',
      resumeText: 'Ran workloads on Kubernetes.\nWrote Python scripts.',
    });
    const k8s = result.requirements[0]!;
    expect(k8s.status).toBe('partial');
    expect(k8s.evidence?.text).toBe('Ran workloads on Kubernetes.');
    expect(result.requirements.map((r) => r.status)).toEqual(['partial', 'met', 'missing', 'missing']);
  });

  it('does not ask what an ask says is not enough: "…forecasting cycles, not only month-end reporting"', () => {
    const result = scoreLexical({
      vacancyText: "Requirements:\n- You've been part of annual budgeting and monthly forecasting cycles, not only month-end reporting\n- Python",
      resumeText: 'Ran the annual operating budget and the monthly rolling forecast cycles for three plants.',
    });
    expect(result.requirements[0]!.status).toBe('met');
  });

  it('lets one alternative fill "X or Y" and the examples fill "such as"', () => {
    const result = scoreLexical({
      vacancyText: 'Requirements:\n- Django or FastAPI\n- Message queues such as Kafka or RabbitMQ\n- Знание Go или Rust\n- Java',
      resumeText: 'Built an API with FastAPI.\nWrote Kafka consumers.\nПисал сервисы на Rust.',
    });
    expect(result.requirements.map((r) => [r.status, r.evidence?.text ?? null])).toEqual([
      ['met', 'Built an API with FastAPI.'],
      ['met', 'Wrote Kafka consumers.'],
      ['met', 'Писал сервисы на Rust.'],
      ['missing', null],
    ]);
  });

  it('reads a product that stands in for the one asked as partly showing it, with its line as the evidence', () => {
    const result = scoreLexical({
      vacancyText: 'Requirements:\n- MS Project\n- React\n- Kubernetes',
      resumeText: 'Build and update schedules in Primavera P6 with the superintendent.\nFrontend: Vue 3, Pinia.\nDeployed with Docker.',
    });
    expect(result.requirements.map((r) => [r.status, r.evidence?.text ?? null])).toEqual([
      ['partial', 'Build and update schedules in Primavera P6 with the superintendent.'],
      ['partial', 'Frontend: Vue 3, Pinia.'],
      ['missing', null],
    ]);
  });

  it("reads what a dash adds to a short ask as its aside: 'Strong SQL - you're comfortable with CTEs' is met by SQL", () => {
    const result = scoreLexical({
      vacancyText: "Requirements:\n- Strong SQL - you're comfortable with CTEs, window functions, and debugging a join that's fanning out",
      resumeText: 'Wrote SQL every day for the retention team.',
    });
    expect(result.requirements[0]).toMatchObject({ status: 'met', evidence: { text: 'Wrote SQL every day for the retention team.' } });
  });

  it('checks an electrical-safety group asked against the group a licence line names', () => {
    const ask = 'Требования:\n- группа по электробезопасности не ниже третьей';
    const four = scoreLexical({ vacancyText: ask, resumeText: 'Удостоверения\nУдостоверение по электробезопасности — IV группа до 1000 В' });
    expect(four.requirements[0]).toMatchObject({ status: 'met', evidence: { text: 'Удостоверение по электробезопасности — IV группа до 1000 В' } });
    const two = scoreLexical({ vacancyText: ask, resumeText: 'Удостоверения\nII группа по электробезопасности (2019)' });
    expect(two.requirements[0]!.status).toBe('partial');
  });

  it('meets a headcount asked by a line that names as many people, and partly by one that names half as many', () => {
    const ask = 'Требования:\n- опыт ведения участка численностью от 200 человек';
    const met = scoreLexical({ vacancyText: ask, resumeText: 'Веду участок оплаты труда на производственном предприятии: 520–560 работников, три цеха.' });
    expect(met.requirements[0]).toMatchObject({ status: 'met', evidence: { text: 'Веду участок оплаты труда на производственном предприятии: 520–560 работников, три цеха.' } });
    const part = scoreLexical({ vacancyText: ask, resumeText: 'Расчёт зарплаты на 120 сотрудников в ЗУП.' });
    expect(part.requirements[0]!.status).toBe('partial');
    const none = scoreLexical({ vacancyText: ask, resumeText: 'Сеть клиник, около 60 сотрудников.' });
    expect(none.requirements[0]!.status).toBe('missing');
    const en = scoreLexical({ vacancyText: 'Requirements:\n- Payroll for 500+ employees', resumeText: 'Processed biweekly payroll for 900 employees in ADP.' });
    expect(en.requirements[0]!.status).toBe('met');
  });

  it('lets any item fill a list that ends in "or", and no item fill a list that ends in "and"', () => {
    const result = scoreLexical({
      vacancyText: 'Requirements:\n- Python, Go or Java\n- Знание PostgreSQL, MySQL или Oracle\n- Docker, Kubernetes and Terraform\n- Git',
      resumeText: 'Wrote backend services in Go.\nТюнила запросы в Oracle.\nPackaged them with Docker.',
    });
    expect(result.requirements.map((r) => [r.text, r.status])).toEqual([
      ['Python, Go or Java', 'met'],
      ['Знание PostgreSQL, MySQL или Oracle', 'met'],
      ['Docker', 'met'],
      ['Kubernetes', 'missing'],
      ['Terraform', 'missing'],
      ['Git', 'missing'],
    ]);
    // "… or another X": X names the kind the items belong to, one more alternative
    const domain = scoreLexical({
      vacancyText: 'Requirements:\n- Experience in payments, banking or another regulated financial domain\n- Опыт в ритейле или другой регулируемой отрасли\n- Go',
      resumeText: 'Software Engineer II, Bluestem Mutual Bank (digital banking).\nРаботала в страховой компании, регулируемой ЦБ.',
    });
    expect(domain.requirements.map((r) => r.status)).toEqual(['met', 'met', 'missing']);
  });

  it("reads a bracketed aside as qualifying the ask before it, not as more to show", () => {
    const result = scoreLexical({
      vacancyText: 'Requirements:\n- Java (8 or later; we run 17)\n- Experience with cloud platforms (AWS preferred)\n- Kotlin\n- Go',
      resumeText: 'Languages: Java, Kotlin.\nRan the payment services on AWS (EKS, RDS).',
    });
    expect(result.requirements.map((r) => [r.text, r.status])).toEqual([
      ['Java (8 or later; we run 17)', 'met'],
      ['Experience with cloud platforms (AWS preferred)', 'met'],
      ['Kotlin', 'met'],
      ['Go', 'missing'],
    ]);
  });

  it("does not take one ordinary word of a bracketed aside for the whole ask", () => {
    const vacancyText = 'Требования:\n- знание кадрового делопроизводства (приказы, кадровые переводы, отпуска, воинский учёт)\n- Excel';
    const blurb = scoreLexical({ vacancyText, resumeText: 'ООО «Каюм-Аудит», Казань\nБухгалтерский учёт, аудит' });
    expect(blurb.requirements[0]!.status).not.toBe('met');
    const shown = scoreLexical({ vacancyText, resumeText: 'Веду кадровое делопроизводство: приказы, переводы, воинский учёт.' });
    expect(shown.requirements[0]!.status).toBe('met');
  });

  it('meets a medical credential ask by the licence line that spells it out, and the other way round', () => {
    const vacancyText =
      'Requirements:\n- Current, unencumbered Registered Nurse license in the State of Illinois, or a multistate/compact license\n' +
      '- Current BLS certification from the American Heart Association\n- ACLS required within six months of hire\n- Basic Life Support';
    const resume = (certs: string) => `JANE DOE, BSN, RN\nLICENSES & CERTIFICATIONS\n${certs}\nEXPERIENCE\nStaff nurse, surgical unit, 2019 – present`;
    const held = scoreLexical({
      vacancyText,
      resumeText: resume('Registered Professional Nurse, State of Illinois, License #041-555-0917, active\nBasic Life Support (AHA), renewed 02/2025\nACLS (AHA), renewed 02/2025'),
    });
    expect(held.requirements.map((r) => [r.kind, r.status])).toEqual([
      ['licence', 'met'],
      ['licence', 'met'],
      ['licence', 'met'],
      ['licence', 'met'],
    ]);
    expect(held.requirements[1]!.evidence?.text).toBe('Basic Life Support (AHA), renewed 02/2025');
    expect(held.requirements[3]!.evidence?.text).toBe('Basic Life Support (AHA), renewed 02/2025');
    const without = scoreLexical({ vacancyText, resumeText: resume('Registered Professional Nurse, State of Illinois, License #041-555-0917, active') });
    expect(without.requirements.map((r) => r.status)).toEqual(['met', 'missing', 'missing', 'missing']);
    // a Russian certificate of the same course, for an English posting
    const ru = scoreLexical({
      vacancyText: 'Requirements:\n- Current BLS certification from the American Heart Association',
      resumeText: 'Медицинская сестра\nСертификаты\nСертификат о прохождении курса базовой сердечно-лёгочной реанимации, 2025',
    });
    expect(ru.requirements[0]).toMatchObject({ kind: 'licence', status: 'met' });
  });

  it('takes no sentence that says the person has not done it, or is only learning it, as evidence', () => {
    const result = scoreLexical({
      vacancyText: 'Requirements:\n- Experience in payments or banking\n- Kafka\n- Java',
      resumeText: "Junior Java developer.\nI haven't worked on payments or banking yet.\nLearning now: Kafka.",
    });
    expect(result.requirements.map((r) => [r.text, r.status])).toEqual([
      ['Experience in payments or banking', 'missing'],
      ['Kafka', 'missing'],
      ['Java', 'met'],
    ]);
  });

  it('weighs a skill name above the generic words around it', () => {
    const result = scoreLexical({
      vacancyText: 'Requirements:\n- Docker and Kubernetes in production\n- Python',
      resumeText: 'Deployed services with Docker to Kubernetes.',
    });
    expect(result.requirements[0]!.status).toBe('met');
  });

  it('scores an empty resume zero and a vacancy without requirements by overlap', () => {
    const empty = scoreLexical({ vacancyText: vacancyEn, resumeText: '' });
    expect(empty.score).toBe(0);
    expect(empty.requirements.every((r) => r.evidence === null)).toBe(true);
    const noReqs = scoreLexical({ vacancyText: '', resumeText: fittingResumeEn });
    expect(noReqs.requirements).toEqual([]);
    expect(noReqs.score).toBe(0);
  });

  it('maps coverage to statuses', () => {
    expect([statusFor(0.6), statusFor(0.59), statusFor(0.3), statusFor(0.29)]).toEqual(['met', 'partial', 'partial', 'missing']);
  });
});

describe('scoreLexical on the screening test set', () => {
  it('scores the ground-truth resume above a random one for at least 70% of 30 jobs', () => {
    const pairs = readScreening('testset1');
    const resumes = readScreening('resumes1').map((r) => r[0]!);
    const random = seededRandom(7);
    let wins = 0;
    for (let i = 0; i < 30; i++) {
      const [vacancyText, groundTruth] = pairs[Math.floor(random() * pairs.length)]!;
      const other = resumes[Math.floor(random() * resumes.length)]!;
      const gt = scoreLexical({ vacancyText: vacancyText!, resumeText: groundTruth! });
      const rnd = scoreLexical({ vacancyText: vacancyText!, resumeText: other });
      if (gt.score > rnd.score) wins++;
    }
    expect(wins / 30).toBeGreaterThanOrEqual(0.7);
  });
});

describe('scoreLexical across languages and on scraped postings', () => {
  const ruPosting = 'Java-разработчик\nТребования:\n- Java\n- Kafka\n- PostgreSQL\n- опыт от 2 лет на пищевом производстве';

  it("measures a resume in the other language by the vocabulary's skills, on the words' scale, not by words that cannot meet", () => {
    const en = 'Backend developer.\nJava 17 services with Kafka consumers.\nExperience\nDeveloper — Acme, 2018 – 2024\nJava and Kafka.';
    const s = scoreLexical({ vacancyText: ruPosting, resumeText: en });
    expect(s.components.cross_language).toBe(1);
    expect(s.components.skill_overlap).toBeCloseTo(2 / 3, 3);
    expect(s.components.document_overlap).toBeCloseTo(0.55 * (2 / 3), 3);
    // in one language the words decide
    const ru = scoreLexical({ vacancyText: ruPosting, resumeText: 'Java-разработчик.\nПисал сервисы на Java 17 и Kafka.' });
    expect(ru.components.cross_language).toBe(0);
    expect(ru.components.document_overlap).not.toBeCloseTo(0.55 * ru.components.skill_overlap!, 3);
  });

  it("reads a row that names a skill by its skills alone in the other language, and leaves a row that names none to its words", () => {
    const posting = 'IT-рекрутер\nТребования:\n- навыки активного поиска и булевых запросов\n- понимание IT-ролей и стеков';
    const en = 'Technical Recruiter.\nLinkedIn Recruiter, GitHub and conference speaker lists; boolean strings are my hobby.';
    const rows = scoreLexical({ vacancyText: posting, resumeText: en }).requirements;
    expect(rows[0]!.status).toBe('met');
    expect(rows[0]!.evidence!.text).toContain('boolean strings');
    expect(rows[1]!.status).toBe('missing');
    // in one language the row's other words still count
    const ru = scoreLexical({ vacancyText: posting, resumeText: 'IT-рекрутер.\nСоставляю булевы запросы для LinkedIn.' }).requirements[0]!;
    expect(ru.score).toBeLessThan(1);
  });

  it("reads a field's years from the years overall, partly, where the resume's language cannot name the field", () => {
    const ask = (s: ReturnType<typeof scoreLexical>) => s.requirements.find((r) => r.kind === 'experience')!;
    const en = 'Maintenance technician.\nExperience\nTechnician — Snake River Potato Products, 2018 – 2024\nFryers, conveyors, bagging lines.';
    const cross = ask(scoreLexical({ vacancyText: ruPosting, resumeText: en, now: new Date('2025-01-01') }));
    expect(cross).toMatchObject({ status: 'partial', score: 0.5 });
    // in one language a resume whose jobs never speak of the field does not show it
    const ru = 'Слесарь.\nОпыт работы\nСлесарь — автосервис «Мотор», 2018 – 2024\nРемонт ходовой части.';
    expect(ask(scoreLexical({ vacancyText: ruPosting, resumeText: ru, now: new Date('2025-01-01') })).status).toBe('missing');
  });

  it("reads the overlap from what the posting asks and the job does, so a scrape's benefits and legal text do not lower it", () => {
    const posting = 'Software Developer\nRequirements:\n- Java and Spring Boot\n- SQL and PostgreSQL\n- REST APIs\n';
    const scrape =
      posting +
      "What's in it for you: competitive base salary, medical, dental and vision from day one, 401(k) with match, paid time off. " +
      'We are an Equal Opportunity Employer; all qualified applicants will receive consideration without regard to race, color or religion.';
    const resume = 'Java developer.\nBuilt REST APIs in Spring Boot over PostgreSQL.';
    const a = scoreLexical({ vacancyText: posting, resumeText: resume });
    const b = scoreLexical({ vacancyText: scrape, resumeText: resume });
    expect(b.components.document_overlap).toBeCloseTo(a.components.document_overlap!, 4);
    expect(b.requirements.map((r) => r.text)).toEqual(a.requirements.map((r) => r.text));
  });
});

describe('craft skills a career implies', () => {
  const vacancy = 'Java Developer\nRequirements:\n- Java\n- Spring Boot\n- Solid understanding of design patterns\n- PostgreSQL';
  const developer = `Pavel Orlov
Senior Java Developer

Experience
2018/01 – 2023/12
Java Developer, Northwind Bank
• Built payment services in Java and Spring Boot on PostgreSQL, deployed with Docker.
2024/01 – present
Senior Java Developer, Kestrel Pay
• Moved settlement jobs to Kafka and Kubernetes; Java 17, Spring Boot.`;

  it("reads a craft skill the resume never names as partly shown by years of jobs in the field, pointing at the longest", () => {
    const r = scoreLexical({ vacancyText: vacancy, resumeText: developer, now: new Date('2026-11-30T00:00:00Z') });
    const patterns = r.requirements.find((x) => x.text.includes('design patterns'))!;
    expect(patterns.status).toBe('partial');
    expect(patterns.implied!.years).toBeGreaterThan(8);
    // the job's title under its dates: a dates-only first line takes the next one with it
    expect(patterns.evidence!.text).toBe('2018/01 – 2023/12\nJava Developer, Northwind Bank');
    expect(developer.slice(patterns.evidence!.start, patterns.evidence!.end)).toBe(patterns.evidence!.text);
    // partly shown is not missing: it does not cap the score
    expect(r.components.must_missing).toBe(0);
  });

  it('leaves the craft skill missing without years of jobs in the field, and shown where the resume names it', () => {
    const cook = 'Ivan Orlov\nLine Cook\n2015/01 – present\nLine Cook, Harbour Grill\n• Prepared sauces and fish for 200 covers a night.';
    const missing = scoreLexical({ vacancyText: vacancy, resumeText: cook }).requirements.find((x) => x.text.includes('design patterns'))!;
    expect(missing.status).toBe('missing');
    expect(missing.implied).toBeUndefined();
    const named = scoreLexical({ vacancyText: vacancy, resumeText: `${developer}\n• Applied design patterns (strategy, outbox) to the fee engine.` });
    const patterns = named.requirements.find((x) => x.text.includes('design patterns'))!;
    expect(patterns.status).toBe('met');
    expect(patterns.implied).toBeUndefined();
  });
});

describe('scoreLexical: microservice work told as a monolith split into services', () => {
  const vacancy = 'Требования:\n- понимание принципов построения микросервисной архитектуры\n- Java';
  it('meets the ask from the sentence that tells it, in the resume\'s other language too', () => {
    const resume = 'Lead Backend Engineer\n• Split a 600k-line settlement monolith into eleven services over two years.\n• Java 17.';
    const row = scoreLexical({ vacancyText: vacancy, resumeText: resume }).requirements.find((r) => r.text.includes('микросервисной'))!;
    // as shown as by a line that names it
    const named = 'Lead Backend Engineer\n• Built eleven microservices over two years.\n• Java 17.';
    const byName = scoreLexical({ vacancyText: vacancy, resumeText: named }).requirements.find((r) => r.text.includes('микросервисной'))!;
    expect(row.status).not.toBe('missing');
    expect(row.status).toBe(byName.status);
    expect(row.score).toBeCloseTo(byName.score, 1);
    expect(row.evidence!.text).toContain('monolith into eleven services');
    const kept = 'Lead Backend Engineer\n• Maintained a 600k-line settlement monolith on Kubernetes.\n• Java 17.';
    expect(scoreLexical({ vacancyText: vacancy, resumeText: kept }).requirements.find((r) => r.text.includes('микросервисной'))!.status).toBe('missing');
  });
});

describe('scoreLexical: skills a resume shows without naming them', () => {
  const vacancy = `Data Scientist
Requirements:
- 3+ years of experience building machine learning models
- Experience with gradient boosting and generalized linear models
- You are comfortable designing REST APIs for your models`;
  const scientist = `Anna Kowalska
Data Scientist
2020/01 – present
Data Scientist, Harbor Insurance
• Claims severity model with LightGBM and a GLM offset; churn models in scikit-learn.
• Designed the REST API that serves the models to underwriters.
2016/01 – 2019/12
Actuarial Analyst, Harbor Insurance
• Reserving in Excel and SAS.`;
  const now = new Date('2026-11-30T00:00:00Z');

  it('counts the years of a job that built models with LightGBM or scikit-learn towards a machine-learning ask', () => {
    const r = scoreLexical({ vacancyText: vacancy, resumeText: scientist, now });
    const years = r.requirements.find((x) => x.text.startsWith('3+ years'))!;
    expect(years.status).toBe('met');
    // the data-science job only: the actuarial years name no machine learning
    expect(years.years!.shown).toBeGreaterThan(6);
    expect(years.years!.shown).toBeLessThan(8);
    expect(years.evidence!.text).toContain('Data Scientist, Harbor Insurance');
    const without = scoreLexical({ vacancyText: vacancy, resumeText: scientist.replace('LightGBM and a GLM offset; churn models in scikit-learn', 'a pricing spreadsheet'), now });
    expect(without.requirements.find((x) => x.text.startsWith('3+ years'))!.status).not.toBe('met');
  });

  it('reads XGBoost or LightGBM as gradient boosting and GLM as generalized linear models', () => {
    const r = scoreLexical({ vacancyText: vacancy, resumeText: scientist, now });
    expect(r.requirements.find((x) => x.text === 'gradient boosting')?.status).toBe('met');
    expect(r.requirements.find((x) => x.text === 'generalized linear models')?.status).toBe('met');
  });

  it("does not ask for the words of the posting's voice: 'You are comfortable designing REST APIs' is met by 'Designed the REST API'", () => {
    const row = scoreLexical({ vacancyText: vacancy, resumeText: scientist, now }).requirements.find((x) => x.text.startsWith('You are comfortable'))!;
    expect(row.status).toBe('met');
    expect(row.evidence!.text).toContain('Designed the REST API');
  });
});

/** The row of a years ask that starts so, scored on 2026-11-30. */
const yearsRow = (vacancyText: string, resumeText: string, starts: string) =>
  scoreLexical({ vacancyText, resumeText, now: new Date('2026-11-30T00:00:00Z') }).requirements.find((r) => r.text.startsWith(starts))!;
/** A met years row whose years shown lie between the two bounds. */
function expectYears(row: ReturnType<typeof yearsRow>, above: number, below: number): void {
  expect(row.status).toBe('met');
  expect(row.years!.shown).toBeGreaterThan(above);
  expect(row.years!.shown).toBeLessThan(below);
}

describe('scoreLexical: years of the posting\'s own work', () => {
  const vacancy = `Product Designer
Requirements:
- 4+ years designing consumer digital products
- Figma`;
  const designer = `Marta Hughes
Product Designer
Mar 2022 – Nov 2026
Senior Product Designer — Pennywise
• Redesigned the sign-up flow; completion up from 54% to 71%.
Sep 2019 – Feb 2022
Product Designer — Stackbox
• Booking flow and host dashboard, Figma prototypes.
Jul 2015 – Aug 2019
Barista — Pearl Street Coffee
• Opening shifts and cash handling.`;
  const now = new Date('2026-11-30T00:00:00Z');

  it('counts the years of jobs that hold the posting\'s title for an ask that names no skill, and only those', () => {
    // 2019-09 to 2026-11: the two design jobs, not the barista's four years
    expectYears(yearsRow(vacancy, designer, '4+ years'), 7, 7.5);
  });

  it('reads years short of those asked as shown in part, however close, and holds the score below a strong fit', () => {
    // 2019-09 to 2026-11 is 7.2 years against 7.5 asked: 96 % of the ask, still short of it
    const senior = vacancy.replace('4+ years', '7.5+ years');
    const row = yearsRow(senior, designer, '7.5+ years');
    expect(row.status).toBe('partial');
    expect(row.years!.shown).toBeGreaterThan(7);
    expect(row.years!.shown).toBeLessThan(7.5);
    const r = scoreLexical({ vacancyText: senior, resumeText: designer, now });
    expect(r.components).toMatchObject({ years_asked: 7.5, must_partial: 1 });
    expect(r.verdict).not.toBe('strong');
    // the same resume against the years it has reads the row as met
    expect(yearsRow(vacancy.replace('4+ years', '7+ years'), designer, '7+ years').status).toBe('met');
  });

  it('counts the jobs that hold the role a qualified title names ("Account Executive" of "Account Executive, Mid-Market")', () => {
    const ae = 'Account Executive, Mid-Market\nRequirements:\n- At least three years of closing experience in B2B SaaS, with a track record of hitting a quota';
    const seller = `Jessica Alvarez
Senior Account Executive, Mid-Market — ClearLedger | 2023 – Present
 • $1.04M in new ACV against a $720k quota
Account Executive, SMB — Payroute | 2021 – 2023
 • 118% of quota
Barista — Pearl Street Coffee | 2017 – 2021
 • Opening shifts`;
    const row = scoreLexical({ vacancyText: ae, resumeText: seller, now }).requirements[0]!;
    expect(row.status).toBe('met');
    // the two selling jobs, 2021 to now, not the barista's years
    expectYears(row, 5, 6);
    // a one-word role before the comma ("Designer, Growth") is too broad to count by
    const broad = scoreLexical({ vacancyText: 'Designer, Growth\nRequirements:\n- 4+ years designing onboarding flows', resumeText: designer.replaceAll('Product Designer', 'Interior Designer'), now });
    expect(broad.requirements[0]!.status).not.toBe('met');
  });

  it('does not count a job whose title is another role, nor a title for an ask that names a skill', () => {
    const ux = designer.replaceAll('Product Designer', 'Graphic Designer');
    const row = scoreLexical({ vacancyText: vacancy, resumeText: ux, now }).requirements.find((r) => r.text.startsWith('4+ years'))!;
    expect(row.status).not.toBe('met');
    const python = scoreLexical({ vacancyText: 'Product Designer\nRequirements:\n- 4+ years of Python', resumeText: designer, now });
    expect(python.requirements[0]!.years!.shown).toBe(0);
  });
});

describe('scoreLexical: a PC user and an hh.ru job heading', () => {
  const vacancy = 'Менеджер по продажам\nТребования:\n- уверенный пользователь ПК\n- опыт продаж от 1 года';
  const seller = `Кузнецов Артём
Опыт работы
Май 2022 — по настоящее время
4 года 7 месяцев
ООО «ПроФуд Оборудование»
Екатеринбург
Менеджер по продажам B2B
— Продажи оборудования ресторанам, план выполнен на 118 %
— Веду воронку и задачи в amoCRM`;
  const now = new Date('2026-11-30T00:00:00Z');

  it('reads a CRM, Excel or 1C user as a PC user', () => {
    const r = scoreLexical({ vacancyText: vacancy, resumeText: seller, now });
    expect(r.requirements.find((x) => x.text.includes('ПК'))!.status).toBe('met');
    const none = scoreLexical({ vacancyText: vacancy, resumeText: seller.replace('Веду воронку и задачи в amoCRM', 'Выезды к клиентам'), now });
    expect(none.requirements.find((x) => x.text.includes('ПК'))!.status).toBe('missing');
  });

  it("points a years row at the job's heading down to its title, past hh.ru's length, employer and city lines", () => {
    const r = scoreLexical({ vacancyText: vacancy, resumeText: seller, now });
    const years = r.requirements.find((x) => x.years)!;
    expect(years.evidence!.text.startsWith('Май 2022 — по настоящее время')).toBe(true);
    expect(years.evidence!.text.endsWith('Менеджер по продажам B2B')).toBe(true);
  });
});

describe('scoreLexical: tests and load across languages', () => {
  const vacancy = 'Java-разработчик\nТребования:\n- умение писать тесты\n- опыт разработки высоконагруженных систем';
  const en = 'Backend engineer.\nExperience\nEngineer — Kestrel, 2019 – 2024\nThe routing service handles about 1,800 requests per second.\nTesting: JUnit 5, Mockito.';

  it('reads a JUnit or Mockito user as writing tests, and requests per second as high load, in the other language', () => {
    const r = scoreLexical({ vacancyText: vacancy, resumeText: en });
    expect(r.components.cross_language).toBe(1);
    const tests = r.requirements.find((x) => x.text.includes('тесты'))!;
    expect(tests.status).not.toBe('missing');
    expect(tests.evidence!.text).toContain('JUnit');
    const load = r.requirements.find((x) => x.text.includes('высоконагруженных'))!;
    expect(load.status).not.toBe('missing');
    expect(load.evidence!.text).toContain('requests per second');
  });
});

describe("scoreLexical: years in the posting's field", () => {
  const vacancy = `Warehouse Associate
Requirements:
- 6+ months of warehouse or distribution experience
- Forklift certification
- Experience with a WMS and RF scanners`;
  const handler = `DeShawn Carter
Sparks, NV
Material Handler, NorthStar Auto Parts DC — March 2023 to November 2026
- Drive a sit-down forklift; pick orders with an RF scanner; cycle counts in Manhattan WMS
Barista, Pearl Street Coffee — 2019 to 2023
- Opening shifts and cash handling`;
  const now = new Date('2026-11-30T00:00:00Z');

  it("counts a job that names the posting's field's skills for a years ask in the field's words, and not the others", () => {
    // the material handler's 3.7 years, not the barista's
    const row = yearsRow(vacancy, handler, '6+ months');
    expectYears(row, 3.5, 4);
    expect(row.evidence!.text).toContain('Material Handler');
    const barista = handler.replace('Drive a sit-down forklift; pick orders with an RF scanner; cycle counts in Manhattan WMS', 'Served customers');
    expect(scoreLexical({ vacancyText: vacancy, resumeText: barista, now }).requirements.find((r) => r.text.startsWith('6+ months'))!.years!.shown).toBe(0);
  });

  it('does not read the town of Sparks as Apache Spark', () => {
    const r = scoreLexical({ vacancyText: 'Data Engineer\nRequirements:\n- Spark', resumeText: handler });
    expect(r.requirements[0]!.status).toBe('missing');
  });
});

describe('scoreLexical: a row shown with no line to point at', () => {
  const smm = 'Кравец Дарья\nSMM-специалист, опыт 3 года.\nВеду ВКонтакте и Telegram пекарни, контент-план и тексты.';

  it('says the resume itself shows a language ask it is written in, and nothing shows one it is not', () => {
    const language = scoreLexical({ vacancyText: 'SMM-специалист\nТребования:\n- грамотный русский язык', resumeText: smm }).requirements[0]!;
    expect(language).toMatchObject({ status: 'met', evidence: null, basis: 'resume_language' });
    const english = scoreLexical({ vacancyText: 'SMM\nТребования:\n- английский язык C1', resumeText: smm }).requirements[0]!;
    expect(english).toMatchObject({ status: 'missing', evidence: null });
    expect(english.basis).toBeUndefined();
  });

  it('says stated years show a years ask where no job is dated, and the years overall where no dated job names it', () => {
    const stated = scoreLexical({ vacancyText: 'Кладовщик\nТребования:\n- опыт работы от 1 года', resumeText: 'Иванов Иван\nОпыт работы 3 года.\nПриёмка и отгрузка товара.' });
    expect(stated.requirements[0]).toMatchObject({ status: 'met', evidence: null, basis: 'stated_years' });
    const ruPosting = 'Java-разработчик\nТребования:\n- Java\n- опыт от 2 лет на пищевом производстве';
    const en = 'Maintenance technician.\nExperience\nTechnician — Snake River Potato Products, 2018 – 2024\nFryers, conveyors, bagging lines.';
    const scored = scoreLexical({ vacancyText: ruPosting, resumeText: en, now: new Date('2025-01-01') });
    const overall = scored.requirements.find((r) => r.kind === 'experience')!;
    expect(overall).toMatchObject({ status: 'partial', evidence: null, basis: 'years_overall' });
    // the score's parts tell the same story as the row: six years in all, counted half, not "0 years against 2 asked"
    expect(scored.components).toMatchObject({ years_asked: 2, years_overall: 6, experience_fit: 0.5 });
  });

  it("keeps a years ask that a recruiter's sentence runs on after, and weighs the resume's years against it", () => {
    const tail = ', and he told me pretty firmly that it needs to be in consumer packaged goods, food, or a similar fast-moving retail environment – he has had trouble in the past with folks coming from project-based or industrial settings';
    const vacancy = `Demand Planning Analyst\n\nHe wants a bachelor's degree. He's looking for at least three years of hands-on demand planning or forecasting experience${tail}. You'll need to be strong in Excel.`;
    const resume = 'Demand Planner\nExperience\nDemand Planner — Northfield Foods, 2024 – 2025\nForecast for 300 SKUs in Excel.';
    const scored = scoreLexical({ vacancyText: vacancy, resumeText: resume, now: new Date('2026-01-01') });
    const years = scored.requirements.find((r) => r.text.startsWith("He's looking for at least three years"));
    expect(years!.text.length).toBeGreaterThan(300);
    expect(scored.components.years_asked).toBe(3);
    expect(scored.components.experience_fit).toBeLessThan(1);
  });
});

describe('scoreLexical: the title fit of a qualified title', () => {
  it('reads the role before the qualifier as the title (a line cook for «Повар-универсал (столовая при заводе)»)', () => {
    const vacancy = 'Повар-универсал (столовая при заводе)\nТребования:\n- опыт работы поваром от 1 года';
    const cook = 'Соловьёв Игорь\nПовар горячего цеха\nМарт 2022 — по настоящее время\nГастробар «Печка и Погреб», повар горячего цеха';
    const fit = scoreLexical({ vacancyText: vacancy, resumeText: cook }).components.title_fit!;
    // «повар» of «повар, универсал»: the role's noun (a skill of the vocabulary, weighing more than the qualifier) but
    // not all of it; the whole title's four words would give a quarter
    expect(fit).toBeGreaterThanOrEqual(0.5);
    expect(fit).toBeLessThan(0.75);
    // a title with no qualifier is read whole
    const plain = scoreLexical({ vacancyText: 'Повар-универсал\nТребования:\n- опыт работы поваром от 1 года', resumeText: cook }).components.title_fit!;
    expect(plain).toBeCloseTo(fit, 2);
  });
});

describe('scoreLexical: the evidence among sentences that cover a row alike', () => {
  it('points at the sentence whose terms say the most, not the shortest that names the concept', () => {
    const vacancy = 'Account Executive\nRequirements:\n- you know a sales methodology such as MEDDICC or Challenger';
    const resume = [
      'Jessica Alvarez',
      'Senior Account Executive, ClearLedger | 2023 – Present',
      'Six years of B2B sales to finance teams.',
      ' • MEDDICC for qualification and forecasting in Salesforce; forecast accuracy within 5%',
      ' • Full cycle, 60–90 day deals with CFOs, controllers and IT; average deal $38k ACV',
      'Sales Development Representative — Payroute | 2020 – 2021',
      ' • 160% of meetings target, top SDR two quarters running',
    ].join('\n');
    const row = scoreLexical({ vacancyText: vacancy, resumeText: resume }).requirements[0]!;
    expect(row.status).toBe('met');
    expect(row.evidence!.text).toMatch(/^MEDDICC for qualification/);
  });
});

describe('scoreLexical: a data engineer against a scraped posting', () => {
  const resume = [
    'Sheun Adeyemi',
    'Data Engineer',
    'Data Engineer, Parcelway Logistics — Mar 2023 – Present',
    '• Rebuilt the nightly ingestion of 40 carrier feeds as Airflow DAGs on MWAA; failed runs down from 6 a week to 1 a month',
    '• Stream tracking events from Kafka into Snowflake with Snowpipe (about 12M events a day)',
    'SKILLS',
    'Data: dbt, Airflow, Snowflake, Redshift, Kafka, Great Expectations, Looker',
  ].join('\n');

  it('reads "X or a similar Y" as X or any Y, and "would be nice" as no word to show', () => {
    const vacancy = "Data Engineer\nWhat we're looking for:\n- Hands-on experience with Airflow or a similar orchestrator\n- Experience with streaming (Kafka or Kinesis) would be nice";
    const [airflow, streaming] = scoreLexical({ vacancyText: vacancy, resumeText: resume }).requirements;
    expect(airflow!.status).toBe('met');
    expect(streaming!.status).toBe('met');
  });

  it('points a skill row at a line of work that names it rather than at the skills list', () => {
    const vacancy = "Data Engineer\nWhat we're looking for:\n- Hands-on experience with Airflow\n- Experience with Kafka";
    const [airflow, kafka] = scoreLexical({ vacancyText: vacancy, resumeText: resume }).requirements;
    expect(airflow!.evidence!.text).toMatch(/^Rebuilt the nightly ingestion/);
    expect(kafka!.evidence!.text).toMatch(/^Stream tracking events from Kafka/);
  });
});

describe("scoreLexical: an hh.ru resume's desired position", () => {
  it('reads the position sought under «Желаемая должность и зарплата» as the headline, past the contacts', () => {
    const vacancy = 'Менеджер по закупкам (стройматериалы)\nТребования:\n- опыт работы в закупках от 3 лет';
    const resume = [
      'Гарипова Алсу Ринатовна',
      'Женщина, 34 года, родилась 12 марта 1992',
      '+7 (917) 555-21-43',
      'alsu.garipova@mail.example — предпочитаемый способ связи',
      'Проживает: Казань',
      'Гражданство: Россия, есть разрешение на работу: Россия',
      'Не готова к переезду, готова к редким командировкам',
      '',
      'Желаемая должность и зарплата',
      'Менеджер по закупкам',
      '110 000 ₽ на руки',
    ].join('\n');
    expect(scoreLexical({ vacancyText: vacancy, resumeText: resume }).components.title_fit).toBe(1);
    expect(pairTitles(vacancy, resume).resume).toContain('Менеджер по закупкам');
  });
});

describe('scoreLexical: a driving licence of a category', () => {
  it('shows driving and the rules of the road («Знание ПДД», «Вождение»)', () => {
    const vacancy = 'Водитель-экспедитор\nТребования:\n- знание ПДД\n- вождение грузового автомобиля';
    const rows = scoreLexical({ vacancyText: vacancy, resumeText: 'Кузьмин Андрей\nВодитель категории B, C\nРазвоз продуктов по магазинам.' }).requirements;
    expect(rows[0]!.status).toBe('met');
    expect(rows[1]!.status).not.toBe('missing');
    // a resume without a licence does not
    const none = scoreLexical({ vacancyText: vacancy, resumeText: 'Кузьмин Андрей\nКладовщик\nПриёмка товара на складе.' }).requirements;
    expect(none[0]!.status).toBe('missing');
  });
});


describe("scoreLexical: a mechanic's years in the trade", () => {
  it('counts the jobs that diagnose and repair cars towards "3+ years as an automotive technician", not the ones that only name the title', () => {
    const vacancy = 'Automotive Technician\nRequirements:\n- 3+ years of experience as an automotive technician in a dealership or independent repair shop';
    const resume = `Marcus Delgado
Automotive Technician

Line Technician — Owyhee Motors Subaru, Boise, ID      March 2020 – Present
- Diagnose drivability, CAN-bus and module faults; head gaskets, timing belts, 4-wheel alignments.

General Service Technician — Gearhead Garage, Nampa, ID      June 2017 – Feb 2020
- Independent 6-bay shop, every make: brake repair, suspension, cooling systems.

Barista — Bean There Café, Boise, ID      Aug 2015 – May 2017
- Espresso drinks and the morning rush.`;
    const now = new Date('2026-11-30T00:00:00Z');
    const row = scoreLexical({ vacancyText: vacancy, resumeText: resume, now }).requirements[0]!;
    expect(row.status).toBe('met');
    // both shop jobs (about 9.4 years), not the café
    expect(row.years!.shown).toBeGreaterThan(9);
    expect(row.years!.shown).toBeLessThan(10);
  });
});

describe('scoreLexical: what a data engineer shows and what a kind asks', () => {
  const now = new Date('2026-11-30T00:00:00Z');

  it('counts the years of jobs that ran Airflow, dbt and Snowflake towards "Python and SQL"', () => {
    const vacancy = 'Data Engineer\nRequirements:\n- 4+ years of experience building data pipelines in production with Python and SQL';
    const resume = `Priya Natarajan
Senior Data Engineer                                  Sep 2023 – Present
- Own ~310 Airflow DAGs; modelled the finance marts in dbt; Snowflake cost down 38%.

Data Engineer                                         Jan 2019 – Aug 2023
- Wrote Python ingestion from Shopify into BigQuery.`;
    const row = scoreLexical({ vacancyText: vacancy, resumeText: resume, now }).requirements[0]!;
    expect(row.status).toBe('met');
    expect(row.years!.shown).toBeGreaterThan(7);
  });

  it('reads "or another streaming platform" by its qualifier: any platform is no streaming one', () => {
    const vacancy = 'Data Engineer\nNice to have:\n- Experience with Kafka or another streaming platform\n- A background in payments, fintech or other regulated data';
    const analyst = 'Dan K\nData Analyst\nThe platform team runs the cluster; I only query it.\nBuilt Looker dashboards on retail data.';
    const rows = scoreLexical({ vacancyText: vacancy, resumeText: analyst, now }).requirements;
    expect(rows.map((r) => r.status)).toEqual(['missing', 'missing']);
    const streaming = scoreLexical({ vacancyText: vacancy, resumeText: 'Dan K\nData Engineer\nBuilt streaming jobs on Kinesis for a fintech lender.', now }).requirements;
    expect(streaming.map((r) => r.status)).toEqual(['met', 'met']);
  });

  it("does not read a resume in the other language that names the trade («медицинская сестра») as holding an RN licence", () => {
    const vacancy = 'Registered Nurse\nRequirements:\n- RN license (Required)\n- BLS Certification (Required)';
    const nurse = 'Соколова Елена\nМедицинская сестра палатная\nСертификаты\nКурс базовой сердечно-лёгочной реанимации (36 ч), 2023';
    const rows = scoreLexical({ vacancyText: vacancy, resumeText: nurse, now }).requirements;
    expect(rows[0]!.status).toBe('missing');
    expect(rows[1]!.status).toBe('met');
    // in one language the words still decide: "Registered Nurse" in the headline
    const us = scoreLexical({ vacancyText: vacancy, resumeText: 'Jane Doe, RN\nRegistered Nurse, med/surg\nBLS (AHA), 2025', now }).requirements;
    expect(us[0]!.status).not.toBe('missing');
  });
});

describe('scoreLexical: examples and their kind', () => {
  it('meets "a ticketing system such as ServiceNow or Jira Service Management" by a ticketing system, not by a manager or an inventory system', () => {
    const vacancy = 'IT Support Specialist\nRequirements:\n- Experience working in a ticketing system such as ServiceNow or Jira Service Management';
    const clerk = "Tyler B\nKey Holder\nReset passwords on the back-office PC (with the manager's OK).\nSet up the label printer when the store switched inventory systems.";
    expect(scoreLexical({ vacancyText: vacancy, resumeText: clerk }).requirements[0]!.status).toBe('missing');
    const tech = 'Marisol V\nDesktop Support Technician\nClosed ~35 tickets a day in ServiceNow.';
    expect(scoreLexical({ vacancyText: vacancy, resumeText: tech }).requirements[0]!.status).toBe('met');
    const ticketing = 'Ann K\nHelp Desk Analyst\nWorked the queue in our ticketing system (Zendesk).';
    expect(scoreLexical({ vacancyText: vacancy, resumeText: ticketing }).requirements[0]!.status).not.toBe('missing');
  });
});

describe('scoreLexical: a section heading is no evidence', () => {
  it('does not take "LICENSES & TRAINING" for a Surveyor in Training licence', () => {
    const vacancy = 'Survey Party Chief\nRequirements:\n- Surveyor in Training / LSIT certificate\n- Driver\'s license';
    const resume = 'Party Chief\n03/2022 – now\n- Run a two-person crew\n\nLICENSES & TRAINING\n• WA driver\'s license, clean\n• FS exam review course (in progress)';
    const r = scoreLexical({ vacancyText: vacancy, resumeText: resume, now: new Date('2026-11-30T00:00:00Z') });
    const lsit = r.requirements.find((x) => x.text.startsWith('Surveyor in Training'))!;
    expect(lsit.evidence?.text ?? '').not.toContain('LICENSES');
    expect(lsit.status).not.toBe('met');
    // the line under it that names a licence still shows the one it names
    expect(r.requirements.find((x) => x.text.startsWith("Driver's"))!.status).toBe('met');
  });
});

describe('scoreLexical: a licence across languages, and the clause that asks the years', () => {
  const now = new Date('2026-11-30T00:00:00Z');
  const posting = `Авиационный техник по ТО ВС (ПиД)

Требования:
- действующее свидетельство специалиста по техническому обслуживанию ВС (ФАП-147)
- опыт работы авиатехником на оперативном ТО гражданских ВС не менее 3 лет`;
  const licenceRow = (resumeText: string) =>
    scoreLexical({ vacancyText: posting, resumeText, now }).requirements.find((r) => r.text.startsWith('действующее свидетельство'))!;

  it('meets a licence asked in the other language only on a line that names a licence, not by its field alone', () => {
    const recruiter = `Anna Belova
Talent Acquisition Specialist

Mar 2024 – present | Talent Acquisition Specialist, SkyStaff Consulting
- Full-cycle hiring for aircraft maintenance organisations.
- I speak the language of maintenance managers well enough to screen for them.`;
    expect(licenceRow(recruiter).status).toBe('missing');
    const engineer = `Pavel Orlov
Line Maintenance Engineer

Certifications
Aircraft Maintenance Specialist Certificate (Rosaviatsiya)

Mar 2020 – present | Line Maintenance Engineer, Nevsky Regional Airlines
- Line maintenance of the RRJ-95 fleet, transit and daily checks.`;
    const row = licenceRow(engineer);
    expect(row.status).toBe('met');
    expect(row.evidence?.text).toContain('Certificate');
  });

  it('meets a credential asked in the other language on a line that names the credential itself (CCNP)', () => {
    const vacancyText = `Senior Network Engineer

What you need to bring (must-have)
- A valid CCNP Enterprise, or an equivalent professional-level certificate
- Real production experience with BGP and OSPF`;
    const row = (resumeText: string) => scoreLexical({ vacancyText, resumeText, now }).requirements.find((r) => r.text.startsWith('A valid CCNP'))!;
    const holder = `Дмитрий Соколов
Ведущий сетевой инженер

Сертификаты
Cisco CCNP Enterprise — сдан в 2021 (ENCOR + ENARSI), продлён в 2024

Февраль 2019 — по настоящее время ООО «СеверТрансЛогистик», ведущий сетевой инженер
Маршрутизация: OSPF, eBGP с тремя операторами.`;
    expect(row(holder).status).toBe('met');
    // (a line that names the field without the credential shows no credential)
    const without = holder.replace('Cisco CCNP Enterprise — сдан в 2021 (ENCOR + ENARSI), продлён в 2024', 'Курсы Cisco Networking Academy');
    expect(row(without).status).not.toBe('met');
  });

  it('counts no years "as a psychologist" from a nurse who names the psychologist she works with', () => {
    const vacancyText = `Clinical Psychologist

Experience
- Minimum of 1 year post-qualification experience as a psychologist in adult mental health services`;
    const years = (resumeText: string) => scoreLexical({ vacancyText, resumeText, now }).requirements[0]!.years?.shown;
    const nurse = `Gareth Mullen
Community Mental Health Nurse

Community Mental Health Nurse / Care Coordinator, Ashgrove NHS Trust | Mar 2020 – present
- Caseload of 30 adults with psychosis; co-run a DBT skills group with our psychologist.`;
    expect(years(nurse)).toBe(0);
    const psychologist = `Imogen Falla
Clinical Psychologist

Clinical Psychologist (Band 7), Westmere NHS Trust | Jan 2023 – present
- Psychological assessment and formulation for adults in a CMHT.`;
    expect(years(psychologist)).toBeGreaterThan(3);
  });

  it("reads a title's role before where it works as the role: «Официант» of «Официант в ресторан грузинской кухни»", () => {
    const vacancyText = `Официант в ресторан грузинской кухни

Требования:
- опыт работы официантом более 1 года
- медкнижка`;
    const resumeText = `Анастасия Белова
Официант

Апрель 2023 — по настоящее время
Ресторан «Кинто», официант
Обслуживание 6–8 столов, r_keeper.`;
    expect(scoreLexical({ vacancyText, resumeText, now }).components.title_fit).toBeGreaterThan(0.9);
  });

  it('reads the years of "five years as a product manager, and at least two of those … on B2B SaaS" from the product jobs', () => {
    const pm = `Senior Product Manager

About you
- You have at least five years of experience as a product manager, and at least two of those years were spent on B2B SaaS`;
    const resume = `Daniel Lind
Product Manager, Payouts — Kovara | Feb 2019 – present
- Owned the payouts API and the SME onboarding flow.
Software Engineer — Tejo Systems | 2014 – 2019
- Java services.`;
    const row = scoreLexical({ vacancyText: pm, resumeText: resume, now }).requirements[0]!;
    // 2019-02 to 2026-11: 7.8 years as a product manager, though no job names B2B SaaS
    expect(row.years?.shown).toBeGreaterThanOrEqual(5);
    expect(row.status).toBe('met');
  });
});
