import { describe, expect, it } from 'vitest';
import { scoreLexical } from './score.ts';

const now = new Date('2026-11-01T00:00:00Z');
const row = (s: ReturnType<typeof scoreLexical>, has: string) => s.requirements.find((r) => r.text.includes(has))!;

const posting = `Java Developer
Requirements:
- 3+ years of experience with Java
- Master's degree in Computer Science
- English B2 or higher
- Driving licence category C`;

const resume = (jobs: string, education: string, extra = '') => `Anna Petrova — Java Developer
Experience
${jobs}
Education
${education}
Languages: English — C1
${extra}`;

describe('structured asks against the resume facts', () => {
  it('meets "3+ years of Java" with the years of the jobs that name Java, and points at one of them', () => {
    const text = resume('Backend Developer, Acme — 01/2020 – 10/2026\nJava 17, Spring Boot, PostgreSQL.', 'Master of Science in Computer Science, 2019');
    const s = scoreLexical({ vacancyText: posting, resumeText: text, now });
    const years = row(s, '3+ years');
    expect(years.status).toBe('met');
    expect(years.evidence!.text).toContain('Backend Developer');
    expect(text.slice(years.evidence!.start, years.evidence!.end)).toBe(years.evidence!.text);
    expect(s.components.years_asked).toBe(3);
    expect(s.components.years_shown).toBeCloseTo(6.8, 1);
  });

  it('counts only the jobs that name the skill: a year of Java in a career of seven is partly met at most', () => {
    const text = resume(
      'Java Developer, Acme — 11/2025 – 10/2026\nJava, Spring.\nSupport Engineer, Beta — 01/2019 – 10/2025\nLinux servers, customer tickets.',
      'Master of Science, 2018',
    );
    const s = scoreLexical({ vacancyText: posting, resumeText: text, now });
    expect(row(s, '3+ years').status).not.toBe('met');
    expect(s.components.years_shown).toBeLessThan(1.5);
  });

  it('checks the education level asked: a bachelor for a master is partly met, none is missing', () => {
    const bachelor = scoreLexical({ vacancyText: posting, resumeText: resume('Dev, Acme — 2020 – 2026', "Bachelor's degree in Computer Science, 2019"), now });
    expect(row(bachelor, "Master's degree").status).toBe('partial');
    const none = scoreLexical({ vacancyText: posting, resumeText: resume('Dev, Acme — 2020 – 2026', ''), now });
    expect(row(none, "Master's degree").status).toBe('missing');
  });

  it('checks the language level and the driving categories', () => {
    const s = scoreLexical({ vacancyText: posting, resumeText: resume('Dev, Acme — 2020 – 2026', 'MSc 2019', 'Driving licence: categories B, C'), now });
    expect(row(s, 'English B2').status).toBe('met');
    expect(row(s, 'category C').status).toBe('met');
    const b = scoreLexical({ vacancyText: posting, resumeText: resume('Dev, Acme — 2020 – 2026', 'MSc 2019', 'Driving licence: category B'), now });
    expect(row(b, 'category C').status).toBe('missing');
  });

  it('meets an ask for one of several languages with whichever of them the resume shows', () => {
    const vacancy = 'Support Specialist\nRequirements:\n- Excellent written English (C1 or above)\n- A second European language (German, French, Spanish or Dutch)';
    const german = scoreLexical({ vacancyText: vacancy, resumeText: resume('Support, Acme — 2020 – 2026', 'BA 2019', 'German — B2'), now });
    expect(row(german, 'second European').status).toBe('met');
    const none = scoreLexical({ vacancyText: vacancy, resumeText: resume('Support, Acme — 2020 – 2026', 'BA 2019', 'Italian — B2'), now });
    expect(row(none, 'second European').status).toBe('missing');
  });

  it('reads Russian asks: «опыт работы от 3 лет» against the dated jobs', () => {
    const ru = `Бухгалтер\nТребования:\n- опыт работы бухгалтером от 3 лет\n- высшее экономическое образование`;
    const text = `Иванова Мария\nОпыт работы\nБухгалтер, ООО «Ромашка», январь 2018 — по настоящее время\nВеду участок НДС, 1С:Бухгалтерия.\nОбразование\nВысшее, экономист, 2017`;
    const s = scoreLexical({ vacancyText: ru, resumeText: text, now });
    expect(row(s, 'от 3 лет').status).toBe('met');
    expect(row(s, 'высшее').status).toBe('met');
  });

  it('checks the discipline of a degree asked «по профилю «Математика»»: an English teacher\'s linguistics degree shows the level only', () => {
    const ru = `Учитель математики\nТребования:\n- опыт работы учителем математики от 3 лет\n- высшее педагогическое образование по профилю «Математика»`;
    const english = `Ильина Марина\nОпыт работы\n2019 — н.в. — Гимназия № 36, учитель английского языка, 5–9 классы.\nПодготовка к ЕГЭ по английскому.\nОбразование\nКубГУ, факультет романо-германской филологии, «Лингвистика», бакалавр, 2019`;
    const maths = `Орлов Павел\nОпыт работы\n2019 — н.в. — Школа № 2101, учитель математики, 7–11 классы.\nПодготовка к ЕГЭ по математике.\nОбразование\nМПГУ, бакалавр, математический факультет, «Математика и информатика», 2019`;
    const other = scoreLexical({ vacancyText: ru, resumeText: english, now });
    expect(row(other, 'по профилю').status).toBe('partial');
    const same = scoreLexical({ vacancyText: ru, resumeText: maths, now });
    expect(row(same, 'от 3 лет').status).toBe('met');
    expect(row(same, 'по профилю').status).toBe('met');
  });

  it("checks a psychologist's own schooling: «высшее психологическое образование» is met by a faculty of psychology, not by a philologist's degree and a short course in psychology", () => {
    const ru = `Психолог-консультант\nТребования:\n- высшее психологическое образование — бакалавриат или магистратура по психологии\n- опыт консультирования от 3 лет`;
    const editor = `Ларионова Екатерина\nОпыт работы\n2012 — н.в. — Издательство «Академия», редактор учебной литературы.\nОбразование\n2007 — 2012 — МПГУ, филологический факультет, «Филология», специалист\n2021 — онлайн-курс «Введение в психологию», 36 часов`;
    const psychologist = `Орлова Дарья\nОпыт работы\n2018 — н.в. — частная практика, психолог-консультант.\nОбразование\n2012 — 2018 — МГУ, факультет психологии, «Клиническая психология», специалист`;
    expect(row(scoreLexical({ vacancyText: ru, resumeText: editor, now }), 'психологическое').status).toBe('partial');
    expect(row(scoreLexical({ vacancyText: ru, resumeText: psychologist, now }), 'психологическое').status).toBe('met');
  });

  it('counts years asked at a kind of workplace («опыт работы в банке») by the jobs that name it', () => {
    const ru = `Операционист\nТребования:\n- опыт работы в банке от 1 года на кассовом обслуживании физических лиц\n- знание 115-ФЗ`;
    const teller = (employer: string) =>
      `Белова Екатерина\nОпыт работы\n05.2026 — по настоящее время\n${employer}, Самара\nОперационист\n• Кассовые операции физических лиц: приём и выдача наличных, переводы.\n\n09.2023 — 04.2026\nКофейня «Зерно», Самара\nПодработка на кассе по выходным\n• Кассовое обслуживание физических лиц, сдача выручки.`;
    const atBank = row(scoreLexical({ vacancyText: ru, resumeText: teller('ПАО «Банк Приволжский»'), now }), 'в банке');
    expect(atBank.years?.shown).toBeLessThan(1);
    expect(atBank.status).not.toBe('met');
    // the same ask without a workplace counts the café's cash desk too (its work is cash service of private persons)
    const anywhere = row(scoreLexical({ vacancyText: ru.replace('в банке ', ''), resumeText: teller('ПАО «Банк Приволжский»'), now }), 'от 1 года');
    expect(anywhere.years?.shown).toBeGreaterThan(2);
  });

  it('reads the years of a row that says more than its years by the clause that asks them', () => {
    const vacancy =
      "Care Assistant\nRequirements:\n- No degree needed but you must have at least 6 months' care experience (care home, hospital or domiciliary) and be happy to do your Care Certificate if you haven't already.";
    const carer = scoreLexical({
      vacancyText: vacancy,
      resumeText: 'Experience\nSenior Carer (nights) — Nidd Valley Lodge Nursing Home — Aug 2024 – present\n - Personal care for 22 residents.',
      now,
    });
    expect(row(carer, '6 months').status).toBe('met');
    expect(row(carer, '6 months').years?.shown).toBeGreaterThan(2);
  });

  it('checks a degree named in a discipline: "Bachelor\'s degree in Nursing" is met by a BSN, partly by a BA in History', () => {
    const vacancy = "Registered Nurse\nRequirements:\n- Bachelor's degree in Nursing\n- Bachelor's degree in Computer Science or a related field";
    const bsn = scoreLexical({ vacancyText: vacancy, resumeText: resume('Staff Nurse, St. Mary — 2020 – 2026', 'BSN, University of Ohio, 2019'), now });
    expect(row(bsn, 'in Nursing').status).toBe('met');
    const history = scoreLexical({ vacancyText: vacancy, resumeText: resume('Staff Nurse, St. Mary — 2020 – 2026', 'B.A. in History, University of Ohio, 2019'), now });
    expect(row(history, 'in Nursing').status).toBe('partial');
    // "or a related field" takes a neighbouring degree: the level decides
    expect(row(history, 'related field').status).toBe('met');
  });

  it('asks every language of "Bilingual English/Spanish", and one of a second language listed by examples', () => {
    const vacancy = 'Front Desk Agent\nRequirements:\n- Bilingual English/Spanish\n- знание второго иностранного языка (китайский, немецкий, французский)';
    const english = scoreLexical({ vacancyText: vacancy, resumeText: resume('Agent, Hotel — 2020 – 2026', 'BA 2019'), now });
    expect(row(english, 'Bilingual').status).toBe('missing');
    const both = scoreLexical({ vacancyText: vacancy, resumeText: resume('Agent, Hotel — 2020 – 2026', 'BA 2019', 'Spanish — C1\nGerman — B1'), now });
    expect(row(both, 'Bilingual').status).toBe('met');
    expect(row(both, 'второго').status).toBe('met');
  });
});

describe('the score and the table tell one story', () => {
  it('a missing must-have keeps the score below a strong fit, and says so', () => {
    const text = resume('Backend Developer, Acme — 01/2020 – 10/2026\nJava 17, Spring Boot.', '');
    const s = scoreLexical({ vacancyText: posting, resumeText: text, now });
    expect(s.requirements.some((r) => r.importance === 'must' && r.status === 'missing')).toBe(true);
    expect(s.components.must_missing).toBeGreaterThan(0);
    expect(s.score).toBeLessThan(0.7);
  });
});

describe('a skill that shows a broader one', () => {
  it('meets "CI/CD" with GitLab CI/CD and "SQL" with PostgreSQL, never the other way round', () => {
    const vacancy = 'Requirements:\n- CI/CD pipelines\n- SQL\n- PostgreSQL';
    const s = scoreLexical({ vacancyText: vacancy, resumeText: 'Set up GitLab CI/CD pipelines for four services.\nWrote PostgreSQL migrations.' });
    expect(row(s, 'CI/CD').status).toBe('met');
    expect(row(s, 'SQL').status).toBe('met');
    const broad = scoreLexical({ vacancyText: vacancy, resumeText: 'Wrote SQL reports.\nContinuous integration on every commit.' });
    expect(row(broad, 'PostgreSQL').status).toBe('missing');
  });

  it('counts the years of jobs that automate tests in Selenium for "Test automation: 2 years", and a dental assistant\'s for dentistry', () => {
    const qa = scoreLexical({
      vacancyText: 'QA Engineer\nRequirements:\n- Test automation: 2 years (Required)',
      resumeText: 'Senior QA Engineer, Tamarack Payments — 01/2021 – 10/2026\nBuilt UI automation in Selenium WebDriver with Java, 250 tests.',
      now,
    });
    expect(row(qa, 'Test automation').status).toBe('met');
    const dental = scoreLexical({
      vacancyText: 'Ассистент стоматолога\nТребования:\n- опыт работы в стоматологии от 1 года',
      resumeText: 'Опыт работы\nАссистент стоматолога, клиника «Жемчуг», январь 2021 — по настоящее время\nРабота в четыре руки, стерилизация.',
      now,
    });
    expect(row(dental, 'в стоматологии').status).toBe('met');
  });
});

describe("scoreLexical: years of a career changer's new work, not of the career before", () => {
  it('counts only the jobs that are the posting\'s work for years that name nothing ("опыт от 2 лет"), where some job is', () => {
    const vacancyText = `Python-разработчик (Django)
Требования:
- опыт от 2 лет
- Python, Django, PostgreSQL`;
    const changer = `Jordan Ellis
Junior Python Developer
Experience
Junior Developer — Pixelmint Agency, Feb 2026 – present
- Flask and Django APIs, PostgreSQL, pytest
Science Technician — Kingsmead Academy, Sep 2019 – Aug 2024
- Prepared practicals for 1,200 students, kept COSHH records`;
    const s = scoreLexical({ vacancyText, resumeText: changer, now });
    const years = row(s, 'опыт от 2 лет');
    expect(years.years?.shown).toBeLessThan(1);
    expect(years.status).toBe('missing');
    expect(years.evidence?.text).toContain('Junior Developer');
    // a resume whose jobs cannot be told to be the posting's work keeps its years overall
    const unknown = scoreLexical({ vacancyText, resumeText: changer.replace(/- Flask and Django APIs, PostgreSQL, pytest\n/, '').replace('Junior Developer', 'Contractor'), now });
    expect(row(unknown, 'опыт от 2 лет').years?.shown).toBeGreaterThan(5);
  });

  it('counts a role asked by name («опыт работы кондитером», "as a data analyst") by the jobs whose titles are that role', () => {
    const confectioner = `Кондитер
Требования:
- опыт работы кондитером от 2 лет в кондитерской или ресторане (домашний опыт не считается)`;
    const baker = `Иван Серов
Опыт работы
Апрель 2022 — настоящее время
Пекарь, пекарня «Ремесло»
- хлеб на закваске, выпечка, иногда помогаю кондитерам с тестом для тортов
Январь 2019 — Март 2022
Кондитер, кафе «Сладкий угол»
- торты, пирожные, кремы, работа с мастикой`;
    const s = scoreLexical({ vacancyText: confectioner, resumeText: baker, now });
    // the confectioner's three years, not the baker's that mention helping the confectioners
    expect(row(s, 'кондитером').years?.shown).toBeCloseTo(3.3, 1);

    const analyst = `Data Analyst
Requirements:
- 3+ years working as a data / product / marketing analyst`;
    const storeManager = `Priya Shah
Experience
Junior Data Analyst — Parcel & Pantry, Jan 2026 – present
- SQL and Power BI dashboards for marketing data
Store Assistant Manager — Fresh Mart, Mar 2019 – Dec 2024
- Read weekly sales data and product reports, marketing displays`;
    const a = scoreLexical({ vacancyText: analyst, resumeText: storeManager, now });
    expect(row(a, 'analyst').years?.shown).toBeLessThan(1);
    // "not as an assistant": a title the ask rules out does not count, though it names the role
    const confectionerOnly = `Кондитер
Требования:
- опыт работы именно кондитером от 2 лет (не помощником кондитера)`;
    const assistant = `Мария Котова
Опыт работы
Январь 2025 — настоящее время
Кондитер, кафе «Альфа»
- торты и пирожные, кремы, мастика
Январь 2020 — Декабрь 2024
Помощник кондитера, кафе «Бета»
- торты и пирожные, кремы, мастика`;
    const b = scoreLexical({ vacancyText: confectionerOnly, resumeText: assistant, now });
    expect(row(b, 'кондитером').years?.shown).toBeLessThan(2);
  });
});

describe('scoreLexical: a role asked by a name of several words', () => {
  it('reads "a health and safety advisor" to its noun, so a Senior SHE Advisor\'s years count', () => {
    const hs = `Health & Safety Advisor
Requirements:
- A minimum of 3 years' experience working as a health and safety advisor in construction`;
    const cv = `Callum Ashworth
Experience
Senior SHE Advisor   Mar 2022 – present
Brackenfield Construction Group Ltd (main contractor)
- Site safety inspections on construction projects, RIDDOR reports, toolbox talks
Health & Safety Advisor   Jul 2019 – Feb 2022
Millstone Homes Ltd
- Construction site audits, health and safety inductions`;
    const s = scoreLexical({ vacancyText: hs, resumeText: cv, now });
    expect(row(s, 'health and safety advisor').years?.shown).toBeGreaterThan(6.5);
  });

  it("counts a job titled as the role whose text never spells the role's name: an Office Coordinator for \"as an office manager\"", () => {
    const office = `Office Manager
Requirements:
- 3+ years as an office manager or office administrator, actually running an office`;
    const cv = `Jordan Pike
Experience
Office Coordinator — Blue Mesa Creative, Apr 2025 – present
- Front desk, supplies and vendors, petty cash, onboarding logistics
Barista — Good Grind Coffee, 2020 – 2025
- Espresso bar, opening shifts`;
    const s = scoreLexical({ vacancyText: office, resumeText: cv, now });
    // the coordinator's year and a half, not the barista's years
    expect(row(s, 'office manager').years?.shown).toBeCloseTo(1.6, 0);
  });

  it("reads a hyphenated role «продакт-менеджером», met by a «Менеджер продукта»'s years", () => {
    const po = `Продакт-менеджер (платежи)
Требования:
- опыт работы продакт-менеджером от 3 лет`;
    const cv = `Тимур Гарипов
Опыт работы
Январь 2022 — по настоящее время
Менеджер продукта (эквайринг и СБП)
Банк «Северный Альянс»
— Отвечаю за торговый эквайринг, роадмап, метрики продукта
Август 2018 — Декабрь 2021
Аналитик данных
ООО «КассаЛайн»
— SQL, дашборды`;
    const s = scoreLexical({ vacancyText: po, resumeText: cv, now });
    expect(row(s, 'продакт-менеджером').years?.shown).toBeCloseTo(4.8, 0);
  });
});

describe('scoreLexical: years asked as professional work', () => {
  it("counts no student team's or thesis internship's years for \"4+ years of professional embedded C\", and counts them where the ask says nothing of it", () => {
    const cv = `Mateo Ruiz
Experience
Embedded Software Engineer — Domotik Labs, Aug 2024 – present
- Firmware in C on nRF52840 and STM32 under Zephyr
Embedded Software Intern (Master's thesis) — Domotik Labs, Feb 2024 – Jul 2024
- BLE mesh prototype in C
Avionics lead (student team) — Cohete UPV, Sep 2020 – Jan 2024
- Flight computer firmware in C on STM32`;
    const ask = (text: string) => scoreLexical({ vacancyText: `Embedded Firmware Engineer\nRequirements:\n- ${text}`, resumeText: cv, now });
    expect(row(ask('4+ years of professional embedded C on ARM Cortex-M'), 'professional').years?.shown).toBeCloseTo(2.2, 0);
    expect(row(ask('4+ years of embedded C on ARM Cortex-M'), 'embedded C').years?.shown).toBeGreaterThan(5);
  });
});

describe('scoreLexical: what a pet or study project shows', () => {
  it('reads a skill shown only in a pet project as partly met, and met where work shows it', () => {
    const em = `Программист микроконтроллеров
Требования:
- опыт разработки под FreeRTOS`;
    const pet = (work: string) => `Никита Шубин
Опыт работы
09.2021 — по настоящее время
Инженер-программист, ООО «НовПрибор»
- ${work}
Пет-проект: метеостанция на STM32F411 под FreeRTOS — 3 задачи, очередь для данных.`;
    const only = scoreLexical({ vacancyText: em, resumeText: pet('Прошивки на C для газоанализаторов на STM32, без ОС.'), now });
    expect(row(only, 'FreeRTOS').status).toBe('partial');
    const work = scoreLexical({ vacancyText: em, resumeText: pet('Прошивка контроллера под FreeRTOS: 14 задач, очереди, мьютексы.'), now });
    expect(row(work, 'FreeRTOS').status).toBe('met');
    // (a certificate a course gives is met by the course's line)
    const cert = scoreLexical({ vacancyText: 'Requirements:\n- NEBOSH General Certificate', resumeText: 'Aisha Rahman\nNEBOSH General Certificate, online course, passed 2024.', now });
    expect(row(cert, 'NEBOSH').status).toBe('met');
  });
});

describe("scoreLexical: years of a posting's work, where the resume titles its other jobs as other roles", () => {
  it('does not count an engineer\'s years that speak of technical documents towards years of translating them', () => {
    const vacancyText = `Technical Translator
Requirements:
- You have at least three years of paid work translating technical documents between English and Russian.`;
    const resumeText = `Ivan Petrov
Experience
Technical Translator — freelance, Feb 2026 – present
- Translate technical documents between English and Russian in Trados
Design Engineer — Volga Pumps, Sep 2016 – Jan 2025
- Wrote technical documents in English and Russian for pump assemblies; paid work on drawings`;
    const s = scoreLexical({ vacancyText, resumeText, now });
    const years = row(s, 'three years of paid work');
    expect(years.years?.shown).toBeLessThan(1);
    expect(years.status).toBe('missing');
  });
});
