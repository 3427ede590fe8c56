import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fastestPair } from '@rc/testing/hostile';
import { DEV_SET_DIR } from './dev-set.ts';
import { yearsAsked } from './asks.ts';
import { postingTitle, readPosting } from './read.ts';

const CYBERCODERS =
  "Software Developer Minimum Required Skills: Java, C#, SQL, HTTPS, Apache, Eclipse If you are a Software Developer with experience, please read on! " +
  'What You Will Be Doing - Design and maintain web applications - Write SQL queries What You Need for this Position Basic Qualifications: ' +
  "Bachelor's degree in Computer Science Minimum of 2 years' experience developing software applications in Java Preferred Qualifications: " +
  "Experience with Spring Boot What's In It For You - Competitive salary ($90,000 - $110,000) - 401(k) So, if you are a Software Developer " +
  'with experience, please apply today! CyberCoders, Inc is proud to be an Equal Opportunity Employer. All qualified applicants will receive ' +
  'consideration for employment without regard to race. Copyright © 1999 - 2026 . CyberCoders, Inc. All rights reserved.';

const HH = `Java-разработчик
ООО «Ромашка» — разработчик платёжных сервисов.
Обязанности:
— разработка микросервисов;
Требования: Java 17+, Spring Boot, микросервисы, Kafka, PostgreSQL
Опыт коммерческой разработки от 3 лет.
Будет плюсом:
— знание Kotlin;
Условия:
— ДМС, удалёнка, зарплата от 300 000 ₽;`;

const rowsOf = (text: string) => readPosting(text).requirements;

describe('readPosting', () => {
  it('keeps an aside in brackets inside its ask: a semicolon, a capital or a "we" there cuts and drops nothing', () => {
    const text =
      'Java Developer Minimum Required Skills: Java (8 or later; we run 17), Spring Boot, Hibernate / JPA, Git. Preferred Qualifications: ' +
      'Exposure to PCI DSS requirements and secure coding practices (OWASP Top 10). Experience with JMeter or Gatling';
    const rows = rowsOf(text).map((r) => r.text);
    expect(rows).toEqual(expect.arrayContaining(['Java (8 or later; we run 17)', 'Spring Boot', 'Hibernate / JPA', 'Git']));
    expect(rows).toContain('Exposure to PCI DSS requirements and secure coding practices (OWASP Top 10)');
    expect(rows.some((r) => r.startsWith('Top 10') || r.endsWith('(OWASP'))).toBe(false);
    // a bracket that never closes does not swallow the rest of the line
    expect(rowsOf('Requirements: Python (3.10+; Django; Celery. Docker; Kubernetes').length).toBeGreaterThan(1);
  });

  it("reads a job board's title line without its city and company", () => {
    expect(readPosting('Software Developer (Java) - Columbus, OH - CodeBridge Staffing\nRequirements:\n- Java\n- SQL').title?.text).toBe('Software Developer (Java)');
    expect(readPosting('Head Chef — Harbourline Hotels (Galway, Ireland)\nRequirements:\n- HACCP\n- menus').title?.text).toBe('Head Chef');
    expect(readPosting('Data Engineer / Инженер данных\nТребования:\n- SQL\n- Python').title?.text).toBe('Data Engineer / Инженер данных');
  });

  it('keeps a skill of the requirement list that the title already names', () => {
    const text = 'Software Developer (Java) - Columbus, OH - CodeBridge Staffing Minimum Required Skills: Java, C#, SQL, HTTPS If you are a developer, please read on!';
    expect(rowsOf(text).map((r) => r.text)).toEqual(['Java', 'C#', 'SQL', 'HTTPS']);
  });

  it('reads a flattened job-board scrape into one row per ask, dropping the title, salary, apply and legal text', () => {
    const p = readPosting(CYBERCODERS);
    const must = p.requirements.filter((r) => r.importance === 'must');
    for (const skill of ['C#', 'SQL', 'HTTPS', 'Apache', 'Eclipse']) {
      const row = must.find((r) => r.text === skill);
      expect(row, skill).toMatchObject({ kind: 'skill' });
      expect(CYBERCODERS.slice(row!.start, row!.end)).toBe(skill);
    }
    // the keyword line's Java is asked again by a qualification in its own words: one row, the qualification's
    expect(p.requirements.some((r) => r.text === 'Java')).toBe(false);
    expect(must.find((r) => r.kind === 'education')).toMatchObject({ education: { level: 'bachelor', field: 'Computer Science' } });
    expect(must.find((r) => r.kind === 'experience')).toMatchObject({ years: 2, skills: ['java'] });
    expect(p.requirements.find((r) => r.text.includes('Spring Boot'))).toMatchObject({ importance: 'nice', skills: ['spring'] });
    expect(p.title?.text).toBe('Software Developer');
    expect(p.minYears).toBe(2);
    const all = p.requirements.map((r) => r.text).join(' | ');
    expect(all).not.toMatch(/Equal Opportunity|salary|401|apply|read on|Copyright|rights reserved|without regard/i);
    expect(p.requirements.some((r) => r.text === 'Software Developer')).toBe(false);
    // duties are read, but never as must-haves
    expect(p.requirements.filter((r) => r.kind === 'duty').every((r) => r.importance === 'nice')).toBe(true);
  });

  it("reads a keyword line's skill once, as the qualification that restates it says it (a preferred C# stays nice)", () => {
    const text =
      'Software Developer Minimum Required Skills: Java, C#, SQL, Tomcat If you are a developer, please read on! Basic Qualifications: ' +
      'Experience with relational databases and SQL Understanding of web servers such as Tomcat Preferred Qualifications: Some C# / .NET exposure';
    const rows = rowsOf(text);
    expect(rows.map((r) => [r.text, r.importance])).toEqual([
      ['Java', 'must'],
      ['Experience with relational databases and SQL', 'must'],
      ['Understanding of web servers such as Tomcat', 'must'],
      ['Some C# / .NET exposure', 'nice'],
    ]);
  });

  it("reads hh.ru's key-skills block the same whether its tags come a line each or two spaces apart on one line", () => {
    const head = 'Java-разработчик\nТребования:\n- понимание многопоточности в Java и модели памяти JVM\n- уверенный SQL\nКлючевые навыки\n';
    const tags = ['Java', 'Spring Boot', 'PostgreSQL', 'Многопоточность', 'Микросервисная архитектура', 'git'];
    const oneLine = rowsOf(head + tags.join('  ')).map((r) => [r.text, r.importance, r.kind]);
    const aLineEach = rowsOf(head + tags.join('\n')).map((r) => [r.text, r.importance, r.kind]);
    expect(oneLine).toEqual(aLineEach);
    const texts = oneLine.map((r) => r[0]);
    expect(texts).toEqual(expect.arrayContaining(['Spring Boot', 'PostgreSQL', 'Микросервисная архитектура']));
    // asked already in the posting's own words, by stem: «многопоточности» asks «Многопоточность»
    expect(texts).not.toContain('Многопоточность');
    expect(texts.filter((t) => t === 'Java')).toHaveLength(0);
  });

  it('leaves a sentence whose words a PDF set two spaces apart whole', () => {
    const rows = rowsOf('Requirements:\n- Experience  in  retail  banking  operations\n- Excel');
    expect(rows.map((r) => r.text)).toEqual(['Experience  in  retail  banking  operations', 'Excel']);
  });

  it('reads «тоже плюс» and «большой плюс» as nice-to-have, and a verb that merely starts with «плюс» as asked', () => {
    const rows = rowsOf('Требования:\n- умение читать чертежи\n- умение варить — тоже плюс\n- опыт с ЧПУ будет большой плюс\n- плюсовать в уме');
    expect(rows.map((r) => r.importance)).toEqual(['must', 'nice', 'nice', 'must']);
  });

  it('reads an hh.ru skill line as five skills, "Будет плюсом" as nice, and drops «Условия»', () => {
    const rows = rowsOf(HH);
    const must = rows.filter((r) => r.importance === 'must' && r.kind === 'skill').map((r) => r.text);
    expect(must).toEqual(['Java 17+', 'Spring Boot', 'микросервисы', 'Kafka', 'PostgreSQL']);
    expect(rows.find((r) => r.kind === 'experience')).toMatchObject({ years: 3, importance: 'must' });
    expect(rows.find((r) => r.text.includes('Kotlin'))).toMatchObject({ importance: 'nice', kind: 'skill' });
    expect(rows.map((r) => r.text).join(' | ')).not.toMatch(/ДМС|зарплата|удалёнка|Ромашка/);
  });

  it('reads a plain list of skills as one row each, and alternatives as one row', () => {
    const rows = rowsOf('Requirements:\n- Expert knowledge of React and TypeScript\n- Scripting in Python or Bash\n- Solid HTML and CSS skills');
    expect(rows.map((r) => [r.text, r.skills])).toEqual([
      ['React', ['react']],
      ['TypeScript', ['typescript']],
      ['Scripting in Python or Bash', ['python', 'bash']],
      ['HTML', ['html']],
      ['CSS', ['css']],
    ]);
  });

  it('reads LinkedIn-style prose: asks are must, "a plus" is nice, what you will do is a duty', () => {
    const rows = rowsOf(`About the role
You'll own our data pipelines and work with product managers.

About you
You have at least five years of experience building backend services in Python. You know PostgreSQL well. Experience with Kafka is a plus.`);
    expect(rows.find((r) => r.kind === 'experience')).toMatchObject({ years: 5, importance: 'must', skills: ['python'] });
    expect(rows.find((r) => r.text.includes('PostgreSQL'))).toMatchObject({ importance: 'must', kind: 'skill' });
    expect(rows.find((r) => r.text.includes('Kafka'))).toMatchObject({ importance: 'nice' });
    expect(rows.find((r) => r.text.includes('pipelines'))).toMatchObject({ kind: 'duty', importance: 'nice' });
  });

  it('reads a short informal post without headings', () => {
    const rows = rowsOf('Ищем курьера! Права категории B обязательно, опыт от года. Будет плюсом знание города. Оплата 3000 в день, звоните 8-900-555-11-22');
    expect(rows.map((r) => [r.kind, r.importance])).toEqual([
      ['licence', 'must'],
      ['experience', 'must'],
      ['other', 'nice'],
    ]);
    expect(rows[1]!.years).toBe(1);
  });

  it('reads the structured asks: years, education, languages, licences', () => {
    const p = readPosting(`Требования:
- высшее экономическое образование;
- опыт работы от 3 лет;
- английский язык на уровне B2;
- водительские права категории B, C, CE;
- удостоверение НАКС;
- действующий сертификат или аккредитация по специальности «Терапия»;
- группа допуска по электробезопасности не ниже IV.
Requirements:
- 3+ years of experience with Kubernetes
- Master's degree in Statistics
- Graduate of an accredited nursing program
- Fluent Spanish preferred`);
    expect(p.experience.map((e) => [e.years, e.skills])).toEqual([
      [3, []],
      [3, ['kubernetes']],
    ]);
    expect(p.education.map((e) => [e.level, e.field])).toEqual([
      ['higher', 'экономическое'],
      ['master', 'Statistics'],
      ['vocational', null],
    ]);
    expect(p.languages.map((l) => [l.language, l.level, l.importance])).toEqual([
      ['en', 'B2', 'must'],
      ['es', 'fluent', 'nice'],
    ]);
    expect(p.licences.map((l) => [l.type, l.categories.join('/')])).toEqual([
      ['driving', 'B/C/CE'],
      ['welding', ''],
      ['medical', ''],
      ['electrical', 'IV'],
    ]);
  });

  it('reads a prose posting whose "About us:" paragraph comes first: the paragraphs after it are asks', () => {
    const text = `Platform Engineer (Go) at Tidewell

About us: Tidewell runs billing for 900 utilities; our platform sends four million invoices a month.

We're hiring a Platform Engineer to look after our ingestion services. You have at least four years of experience writing Go in production, and you know Kubernetes well. You are comfortable with PostgreSQL and you care about observability. Mentoring others or leading a small project end to end would set you apart.

What we offer: a salary of €80k, remote within the EU.`;
    const rows = rowsOf(text);
    expect(rows.map((r) => r.text)).toEqual([
      'You have at least four years of experience writing Go in production',
      'you know Kubernetes well',
      'You are comfortable with PostgreSQL',
      'you care about observability',
      'Mentoring others or leading a small project end to end would set you apart',
    ]);
    expect(rows[0]).toMatchObject({ kind: 'experience', years: 4, importance: 'must' });
    expect(rows[4]!.importance).toBe('nice');
    // one paragraph of "About us" stays the company's
    expect(rowsOf(text.replace('\n\nWe\'re hiring', ' We\'re hiring')).length).toBe(0);
  });

  it('reads a degree asked in one of several fields as one education row, and no field as an ask of its own', () => {
    for (const ask of [
      "Master's degree in Statistics, Mathematics, Computer Science, or a related quantitative field",
      "Bachelor's degree in Computer Science, Physics, Electrical Engineering or Mathematics",
      'Высшее образование: экономика, финансы, бухгалтерский учёт или смежные направления',
    ]) {
      const rows = rowsOf(`Requirements:\n- ${ask}\n- SQL`);
      expect(rows.map((r) => r.text), ask).toEqual([ask.replace(/^Высшее образование: /, 'Высшее образование: '), 'SQL']);
      expect(rows[0]!.kind, ask).toBe('education');
    }
    // an ordinary list still splits
    expect(rowsOf('Requirements:\n- Java, Kotlin, Spring Boot, Kafka').length).toBe(4);
  });

  it("keeps a capitalised degree whole, and reads India's degree abbreviations as the lowest level offered", () => {
    const preferred = rowsOf('Requirements\n- Bachelors Degree or higher in a related field is preferred.\n- PHP');
    expect(preferred.map((r) => [r.text, r.importance, r.kind])).toEqual([
      ['Bachelors Degree or higher in a related field is preferred', 'nice', 'education'],
      ['PHP', 'must', 'skill'],
    ]);
    expect(rowsOf("Requirements\n- Bachelor's Degree in Computer Science required").map((r) => r.text)).toEqual([
      "Bachelor's Degree in Computer Science required",
    ]);
    // a capitalised opener after another still starts a new ask
    expect(rowsOf('Requirements\n- Java Experience with Spring').map((r) => r.text)).toEqual(['Java', 'Experience with Spring']);
    for (const [ask, level] of [
      ['B.E / BCA / MCA / MSc. IT', 'bachelor'],
      ['BE/BTech / MCA / MCS', 'bachelor'],
      ['B.Tech/B.E in Computer Science', 'bachelor'],
      ['MCA or M.Tech', 'master'],
    ] as const) {
      const rows = rowsOf(`Dev\n*Required Experience and Qualifications*\n- ${ask}\n- 2+ years of PHP`);
      expect(rows.map((r) => r.text), ask).toEqual([ask, '2+ years of PHP']);
      expect(rows[0]!.education?.level, ask).toBe(level);
    }
    // the verb in capitals is no degree
    expect(rowsOf('Requirements\n- You must BE able to lift 50 lbs')[0]!.kind).not.toBe('education');
  });

  it("reads skills a marker gives as a concept's examples as the concept's one ask, and drops a template's note", () => {
    const rows = rowsOf(
      'Requirements\n- Basic understanding of front-end technologies, such as JavaScript, HTML5, and CSS3\n' +
        '- {{Make sure to mention other frameworks, libraries, or any other technology related to your development stack}}\n- Java, Spring, Kafka',
    );
    expect(rows.map((r) => r.text)).toEqual(['Basic understanding of front-end technologies, such as JavaScript, HTML5, and CSS3', 'Java', 'Spring', 'Kafka']);
  });

  it('keeps an ask that names money the candidate handled (a quota), drops one that names pay, and skips "As an X you\'ll …"', () => {
    const text =
      'Account Executive\n\nAs an Account Executive you\'ll own the full sales cycle from discovery call to signed contract. ' +
      'You have three years of closing experience in B2B SaaS, with a quota of $600k+ in annual contract value. ' +
      'You have worked with Salesforce. Base salary $90k plus commission.';
    const rows = rowsOf(text).map((r) => r.text);
    expect(rows).toEqual([
      'You have three years of closing experience in B2B SaaS, with a quota of $600k+ in annual contract value',
      'You have worked with Salesforce',
    ]);
  });

  it('names the role below a header that names none, and the role an e-mail\'s subject names', () => {
    const titleOf = (text: string) => readPosting(text).title?.text ?? null;
    // LinkedIn's page: the company over the title
    expect(titleOf('Skip to main content\nLinkedIn\nSearch\nHome\nMy Network\nJobs\n\nLumora Health\nFrontend Engineer (React)\nUnited States · Reposted 3 days ago\nAbout the job\nWe build things.\nRequirements\n- React')).toBe('Frontend Engineer (React)');
    // a careers site's name, menu and crumbs over the title
    expect(titleOf('Northgate Physio & Sports Clinic\nHome | Treatments | Our Team | Careers | Contact\n\nCareers > Current vacancies\n\nMUSCULOSKELETAL PHYSIOTHERAPIST\n\nLocation: Leeds\nRequirements\n- HCPC registration')).toBe('MUSCULOSKELETAL PHYSIOTHERAPIST');
    expect(titleOf('Карьера в «Металлист-Волга» / Вакансии / Юридическая служба\n\nЮрист по договорной работе\nНижний Новгород · Офис\nТребования:\n- опыт от 3 лет')).toBe('Юрист по договорной работе');
    // a channel's name over a post that hires
    expect(titleOf('IT-вакансии Поволжья 🚀\n📌 закреплено\n\n🔥 Ищем Frontend-разработчика (React) в продуктовую команду Paylio\n\nЧто для нас важно ❗\n- React от 3 лет')).toBe('Frontend-разработчика (React)');
    // an e-mail: the subject's role, before the place and the pay
    expect(titleOf('From: Dana Whitfield <dana@staffing.example>\nSent: Tuesday, April 8, 2025 9:14 AM\nTo: Marcus Delgado\nSubject: Commercial Journeyman Electrician - Round Rock, TX - $32-$38/hr\n\nHi Marcus,\n\nMy name is Dana and I\'m a recruiter.')).toBe('Commercial Journeyman Electrician');
    expect(titleOf('Тема: Вакансия инженер-сметчик, генподрядчик (жилые комплексы), Екатеринбург\nОт: Марина <m@agency.example>\nДата: 19 марта 2025 г.\n\nДобрый день, Светлана!')).toBe('инженер-сметчик');
    // Indeed's flattened head: the company's "Co." stops nothing, its rating ends the title
    expect(titleOf('Payroll Specialist Harbor Ridge Manufacturing Co. 3.9 out of 5 stars 1,212 reviews Dayton, OH 45414 $24 - $29 an hour - Full-time Apply now Pay $24 an hour\nRequirements\n- ADP')).toBe('Payroll Specialist');
  });

  it("reads a recruiter's e-mail for its asks, not its greeting, its introductions, its client's blurb or its signature", () => {
    const rows = rowsOf(
      'Subject: Commercial Journeyman Electrician - Round Rock, TX\nFrom: Dana <dana@staffing.example>\n\nHi Marcus,\n\n' +
        "My name is Dana Whitfield and I'm a recruiter with Tradeline Staffing Partners here in Austin. I came across your profile on a job board.\n\n" +
        "Right now they're staffing up for a two-year build and they need several journeyman electricians.\n\n" +
        'You would need a current Texas journeyman electrician license and at least four years of commercial experience.\n\n' +
        'If this sounds interesting, could you reply with an updated resume?\n\nBest,\nDana Whitfield\nSenior Technical Recruiter\n',
    );
    expect(rows.map((r) => r.text)).toEqual(['You would need a current Texas journeyman electrician license and at least four years of commercial experience']);
  });

  it('reads a clause that says it is only hoped for as a plus of its own, and "It would be great if you also have" as a heading', () => {
    const rows = rowsOf(
      'Requirements\n- Minimum 3 years of payroll processing experience, preferably in a multi-state environment\n- Python, preferably Django\n' +
        '- Current registration with the Health and Care Professions Council (HCPC) – essential\n\nIt would be great if you also have\n- Clinical Pilates training (APPI or similar)\n',
    );
    expect(rows.map((r) => [r.text, r.importance])).toEqual([
      ['Minimum 3 years of payroll processing experience', 'must'],
      ['preferably in a multi-state environment', 'nice'],
      ['Python', 'must'],
      ['preferably Django', 'nice'],
      ['Current registration with the Health and Care Professions Council (HCPC) – essential', 'must'],
      ['Clinical Pilates training (APPI or similar)', 'nice'],
    ]);
    expect(rows[4]!.kind).toBe('licence');
    // «желательно» qualifies up to the next piece that asks on its own
    const ru = rowsOf('Требования:\n- опыт работы главным бухгалтером от 5 лет, желательно в группе компаний, глубокое знание НДС');
    expect(ru.map((r) => [r.text, r.importance])).toEqual([
      ['опыт работы главным бухгалтером от 5 лет', 'must'],
      ['желательно в группе компаний', 'nice'],
      ['глубокое знание НДС', 'must'],
    ]);
  });

  it('reads the items a lead-in sentence introduces as asks of its own, a conditional ask as a plus, and the hours as no ask', () => {
    const rows = rowsOf(
      "Dev\n\nA few things would make you stand out but aren't deal-breakers: an OSHA 30, any fire alarm or low-voltage work, and a current scissor lift certification.\n\n" +
        "If you've worked on a data center before, definitely mention it.\n\nSchedule is Monday through Friday, 6:00 AM to 4:30 PM.\n\nYou need 4 years of commercial experience.\n\n" +
        'Experience with one of the following operating systems: Linux, Windows.\n',
    );
    expect(rows.map((r) => [r.text, r.importance])).toEqual([
      ['an OSHA 30', 'nice'],
      ['any fire alarm or low-voltage work', 'nice'],
      ['a current scissor lift certification', 'nice'],
      ["If you've worked on a data center before, definitely mention it", 'nice'],
      ['You need 4 years of commercial experience', 'must'],
      ['Experience with one of the following operating systems: Linux, Windows', 'must'],
    ]);
  });

  it("reads a hiring manager's LinkedIn post: the role hired, its headings in the first person, and not the buttons and comments below it", () => {
    const text =
      "Priya Raman • 2nd\nHead of Analytics at Kettle & Crane\n3d • Edited\n\nI'm hiring a Data Analyst! 📊\n\nYou'd be joining my team.\n\n" +
      "What you'd actually be doing:\n→ Writing a lot of SQL against our Snowflake warehouse\n\nWhat I need from you (non-negotiable):\n✅ 3+ years working as a data analyst\n✅ Strong SQL\n\n" +
      'Would be great but not required:\n➕ dbt\n\nPlease share if you know someone!\n\n#hiring #dataanalyst\n\n👍❤️💡 348\n61 comments · 24 reposts\n\nLike     Comment     Repost     Send\n';
    expect(readPosting(text).title?.text).toBe('Data Analyst');
    expect(rowsOf(text).map((r) => [r.text, r.importance, r.kind])).toEqual([
      ['Writing a lot of SQL against our Snowflake warehouse', 'nice', 'duty'],
      ['3+ years working as a data analyst', 'must', 'experience'],
      ['Strong SQL', 'must', 'skill'],
      ['dbt', 'nice', 'skill'],
    ]);
  });

  it('reads «Обязательно:» as a heading on a line of its own, and the role after a post\'s label below a channel\'s name', () => {
    const text =
      'Вакансии HoReCa Казань 🍽 | Работа в ресторанах и кафе\n12 480 подписчиков\n\n🔥 ВАКАНСИЯ: КОНДИТЕР в кофейню-кондитерскую «Сахарный Клён»\n\n' +
      '📋 Что нужно делать:\n▪️ готовить десерты по техкартам\n\n✅ Обязательно:\n▪️ опыт работы кондитером от 2 лет\n▪️ действующая медкнижка\n';
    expect(readPosting(text).title?.text).toBe('КОНДИТЕР');
    expect(rowsOf(text).filter((r) => r.importance === 'must').map((r) => r.text)).toEqual(['опыт работы кондитером от 2 лет', 'действующая медкнижка']);
    // on the ask's own line it is no heading, and the text before it stays
    expect(rowsOf('Требования:\n- опыт от 3 лет\nОбязательно: опыт запуска заведения').map((r) => r.text)).toEqual(['опыт от 3 лет', 'Обязательно: опыт запуска заведения']);
  });

  it('reads years said the spoken way, and the terms of hire as no ask', () => {
    const rows = rowsOf('Требования:\n- нужен человек, который уже сам вешал сплиты хотя бы года два\nОформление: по ТК РФ\n');
    expect(rows.map((r) => [r.text, r.years ?? null])).toEqual([['нужен человек, который уже сам вешал сплиты хотя бы года два', 2]]);
  });

  it("drops hh.ru's page around the post: contacts, buttons and the employer's contact person", () => {
    const rows = rowsOf('Требования:\n- 1С:ЗУП\nКонтактная информация\nИрина Сергеевна, отдел персонала\nПоказать телефон\nЗадайте вопрос работодателю\nГде предстоит работать\nВакансия открыта?\nКакая оплата труда?');
    expect(rows.map((r) => r.text)).toEqual(['1С:ЗУП']);
  });

  it('names the role from the text when the headline only says someone is hired', () => {
    const text = 'Ищем крутого человека в команду! 🚀\nМы делаем сервис доставки. Нужен QA-инженер на мобильные приложения, опыт от 1 года.\nТребования:\n- Postman\n- SQL';
    expect(readPosting(text).title?.text).toBe('QA-инженер на мобильные приложения');
    expect(readPosting("We're hiring! 🎉\nWe are looking for a Data Analyst who loves SQL.\nRequirements: SQL, Tableau").title?.text).toBe('Data Analyst');
    // a headline that names the role gives it without the cue, its place or the company
    expect(readPosting('Ищем Java-разработчика\nТребования: Java, Spring').title?.text).toBe('Java-разработчика');
    expect(readPosting('Ищем логиста в транспортную компанию «ВолгаКарго» (Нижний Новгород).\nТребования: опыт от 2 лет').title?.text).toBe('логиста');
    expect(readPosting("We're hiring a Senior Java Developer\nRequirements: Java, Spring").title?.text).toBe('Senior Java Developer');
  });

  it("reads LinkedIn's flattened posting: the title without its label and work mode, sentence-case headings, and a plus that goes on", () => {
    const text =
      "About the job Product Designer, Growth Hybrid (London) · Full-time Brightloop is the savings app used by two million people. " +
      "About you You've spent 4+ years designing consumer digital products. You're fluent in Figma. " +
      'Experience with design systems is a plus, and so is some familiarity with accessibility standards (WCAG 2.1 AA). ' +
      "What you'll do Lead design for the onboarding funnel What we offer £70,000 – £85,000, 25 days holiday.";
    const p = readPosting(text);
    expect(p.title?.text).toBe('Product Designer, Growth');
    const rows = p.requirements.filter((r) => r.kind !== 'duty');
    expect(rows.map((r) => r.text)).toEqual([
      "You've spent 4+ years designing consumer digital products",
      "You're fluent in Figma",
      'Experience with design systems is a plus',
      'so is some familiarity with accessibility standards (WCAG 2.1 AA)',
    ]);
    expect(rows.map((r) => r.importance)).toEqual(['must', 'must', 'nice', 'nice']);
    expect(p.requirements.find((r) => r.kind === 'duty')?.text).toBe('Lead design for the onboarding funnel');
    // a heading that opens with a pronoun opens sentences as often: "You have 3 years …" stays one ask
    expect(rowsOf('Backend Engineer\n\nYou have 3 years in fintech. You know Django.').map((r) => r.text)).toEqual([
      'You have 3 years in fintech',
      'You know Django',
    ]);
  });

  it('reads "five years of Python" as years asked without the word "experience", and the title typed again above the text once', () => {
    const text = 'Backend Engineer (Python)\nBackend Engineer (Python)\n\nYou have five years of Python. You know Django. Must be 21 years of age.';
    const rows = rowsOf(text);
    // (an age is a hiring check, no row)
    expect(rows.map((r) => r.text)).toEqual(['You have five years of Python', 'You know Django']);
    expect(rows[0]).toMatchObject({ kind: 'experience', years: 5, skills: ['python'] });
  });

  it("gives a vacancy saved without a title the posting's own, else its first line cut at a word within 80 characters", () => {
    expect(postingTitle('Java Backend Developer (Mid/Senior) - Payments Platform - Columbus, OH (Hybrid) Full-time Minimum Required Skills: Java')).toBe(
      'Java Backend Developer (Mid/Senior)',
    );
    expect(postingTitle('Бухгалтер по расчёту заработной платы\nТребования:\n- 1С:ЗУП')).toBe('Бухгалтер по расчёту заработной платы');
    const line = 'we are looking for an experienced backend engineer who enjoys payments and distributed systems and mentoring';
    const title = postingTitle(line);
    expect(title.length).toBeLessThanOrEqual(80);
    expect(line.startsWith(title)).toBe(true);
    expect(line[title.length]).toBe(' ');
  });

  it("reads hh.ru's flattened posting: the title before the salary, and «желательно» in a bracket qualifying only the aside", () => {
    const text =
      'Менеджер по продажам (B2B, оборудование для общепита) от 90 000 до 160 000 ₽ на руки ООО «ТехноКухня» Екатеринбург ' +
      'Что мы ждём: опыт активных продаж B2B от 1 года (желательно оборудование или HoReCa); уверенный пользователь ПК, Excel. ' +
      'Будет плюсом: опыт работы с тендерами.';
    const p = readPosting(text);
    expect(p.title?.text).toBe('Менеджер по продажам (B2B, оборудование для общепита)');
    const sales = p.requirements.find((r) => r.text.startsWith('опыт активных продаж'))!;
    expect(sales).toMatchObject({ importance: 'must', kind: 'experience', years: 1 });
    expect(p.requirements.find((r) => r.text.includes('тендерами'))!.importance).toBe('nice');
  });

  it('reads a short job-board post in one paragraph: a full stop after a unit ends a sentence, the licence is its own row', () => {
    const text =
      'Требуется водитель погрузчика (электроштабелёр, ричтрак) на склад стройматериалов в Екатеринбурге, ул. Шефская. ' +
      'Погрузка-разгрузка фур, размещение паллет на стеллажи до 9 м. Обязательно: удостоверение тракториста-машиниста ' +
      '(водителя погрузчика) категории B или C (или «водитель погрузчика» по учебному центру), опыт работы на ричтраке от года. ' +
      'График 5/2 или 2/2 на выбор, з/п от 70 000, выплаты без задержек. Звонить Ольге с 9 до 18.';
    const p = readPosting(text);
    // the role the headline hires for, without the cue, the place and the street («ул.» ends no sentence)
    expect(p.title?.text).toBe('водитель погрузчика (электроштабелёр, ричтрак)');
    const rows = p.requirements.filter((r) => r.kind !== 'duty');
    expect(rows.map((r) => r.kind)).toEqual(['licence', 'experience']);
    expect(rows[0]!.text).toMatch(/^Обязательно: удостоверение тракториста-машиниста .*по учебному центру\)$/);
    // a tractor driver's licence with its categories, not a car driving licence, and «C» is a category, not the language
    expect(rows[0]!.licence).toEqual({ type: 'forklift', categories: [] });
    expect(rows[0]!.skills).not.toContain('c');
    expect(rows[1]).toMatchObject({ text: 'опыт работы на ричтраке от года', years: 1, skills: ['forklift'], importance: 'must' });
    expect(p.licences.map((l) => l.type)).toEqual(['forklift']);
    // an abbreviation before a name goes on; before an ask or a label it ends the sentence
    expect(rowsOf('Требования: опыт работы с 1С, знание ПК и т.д. Опыт от 2 лет.').map((r) => r.text)).toContain('Опыт от 2 лет');
    expect(rowsOf('Требования: знание Excel. Офис на ул. Ленина, знание 1С').map((r) => r.text)).not.toContain('Ленина, знание 1С');
  });

  it("reads «Мы ждём от вас:» as the requirements of an hh.ru post pasted as one paragraph, and its key skills as asked before", () => {
    const text =
      'Senior Java-разработчик (платёжные сервисы) от 350 000 ₽ на руки ПэйЛайн Москва Требуемый опыт работы: более 6 лет ' +
      'Чем предстоит заниматься: развивать сервисы авторизации и клиринга платежей; проектировать API для партнёров. ' +
      'Мы ждём от вас: опыт коммерческой разработки на Java от 5 лет; опыт работы с Kafka; PostgreSQL, умение оптимизировать запросы; ' +
      'будет плюсом: опыт с Kotlin. Мы предлагаем: полностью удалённую работу. Ключевые навыки Java Kafka PostgreSQL';
    const rows = readPosting(text).requirements.filter((r) => r.kind !== 'duty');
    expect(rows[0]).toMatchObject({ text: 'опыт коммерческой разработки на Java от 5 лет', importance: 'must', kind: 'experience', years: 5 });
    expect(rows.map((r) => r.text)).toContain('опыт работы с Kafka');
    expect(rows.find((r) => r.text === 'опыт с Kotlin')?.importance).toBe('nice');
    // the key skills repeat what was asked: no row of their own
    expect(rows.filter((r) => r.skills.includes('java'))).toHaveLength(1);
  });

  it("reads Indeed's flattened qualifications: an item that ends on its bracket ends, a credential due after hire is nice, no row from the EEO line or a tracking tag", () => {
    const text =
      'Registered Nurse - Emergency Department Riverside Health - Columbus, OH 43215 $38 - $52 an hour - Full-time Full job description ' +
      "Riverside Health's Level II trauma center sees 85,000 visits a year. Qualifications Current RN license in Ohio or compact state " +
      "(required) BLS and ACLS (required); PALS within 6 months of hire 1+ year of acute care experience (ED experience preferred) TNCC or " +
      "ENPC is a plus Bachelor's degree in Nursing preferred Riverside Health is an Equal Opportunity Employer. #LI-RS1";
    expect(readPosting(text).requirements.map((r) => [r.text, r.importance])).toEqual([
      ['Current RN license in Ohio or compact state (required)', 'must'],
      ['BLS and ACLS (required)', 'must'],
      ['PALS within 6 months of hire', 'nice'],
      ['1+ year of acute care experience (ED experience preferred)', 'must'],
      ['TNCC or ENPC is a plus', 'nice'],
      ["Bachelor's degree in Nursing preferred", 'nice'],
    ]);
  });

  it("reads an hh.ru post's key skills as nice-to-haves and «без вредных привычек» as a personal quality", () => {
    const text =
      'Водитель-экспедитор кат. С от 95 000 ₽ на руки Требования: водительское удостоверение категории C; опыт работы водителем ' +
      'грузового автомобиля от 1 года; без вредных привычек. Условия: график 2/2. Ключевые навыки Вождение грузового автомобиля Знание ПДД';
    const rows = readPosting(text).requirements;
    expect(rows.find((r) => r.text === 'без вредных привычек')?.kind).toBe('quality');
    // a physical ability is shown in person too, not learnt
    expect(rowsOf('Requirements:\n- Able to lift up to 50 lbs repeatedly').map((r) => r.kind)).toEqual(['quality']);
    expect(rowsOf('Требования:\n- готовность поднимать тяжести').map((r) => r.kind)).toEqual(['quality']);
    const tags = rows.filter((r) => r.start > text.indexOf('Ключевые навыки'));
    expect(tags.length).toBeGreaterThan(0);
    for (const r of tags) expect(r.importance).toBe('nice');
  });

  it('reads a credential or an attestation as a certificate ask', () => {
    expect(rowsOf('Requirements:\n- NCCER welding credentials').map((r) => [r.kind, r.licence?.type])).toEqual([['licence', 'certificate']]);
    expect(rowsOf('Требования:\n- аттестация по промышленной безопасности').map((r) => [r.kind, r.licence?.type])).toEqual([['licence', 'certificate']]);
  });

  it("cuts the company's name that Indeed's flattened headline runs on after the role", () => {
    const text =
      'Accounts Payable Specialist Larchmont Foods - Remote (US) $55,000 - $65,000 a year - Full-time Job details Pay $55,000 - ' +
      "$65,000 a year Full job description We're looking for an Accounts Payable Specialist. What you bring: 2+ years of full-cycle accounts payable experience; Strong Excel skills.";
    expect(readPosting(text).title?.text).toBe('Accounts Payable Specialist');
    // a title whose words after the role are not a name in capitals is left whole
    expect(readPosting('Data Engineer II Hybrid (Manchester) · Full-time Northlight Energy is one of the UK\'s fastest-growing renewable energy suppliers. Requirements: 3+ years of SQL.').title?.text).toBe('Data Engineer II');
    // the role's grade and an aside stay with it, though the line's first labels end the page's opening
    const graded =
      'Graphic Designer II (Print & Digital) Fernhollow Provisions · Portland, OR · Hybrid Apply for this job Location: Portland, Oregon ' +
      'Department: Brand & Creative Compensation: $66,000 – $80,000 annually. What you bring: 3+ years of packaging design; Adobe Illustrator and InDesign.';
    expect(readPosting(graded).title?.text).toBe('Graphic Designer II (Print & Digital)');
  });

  it("reads a LinkedIn job page copied whole: no rows from its buttons, its '+5 more' or the blurb under 'About the job'", () => {
    const text = [
      'Senior Financial Analyst, FP&A',
      'Kestrel Packaging Group · Chicago, IL · Reposted 6 days ago · Over 100 applicants',
      '$90K/yr - $112K/yr   Hybrid   Full-time   Mid-Senior level',
      'Skills: Financial Modeling, Budgeting, Forecasting, SAP ERP, Microsoft Excel, +5 more',
      'Easy Apply   Save',
      '',
      'About the job',
      'Kestrel Packaging Group makes corrugated boxes and protective packaging in 14 plants across the Midwest.',
      '',
      'What you bring',
      'You have 3+ years of experience in FP&A or corporate finance.',
      "You've worked in SAP (ECC or S/4HANA).",
    ].join('\n');
    const read = readPosting(text);
    const rows = read.requirements.map((r) => r.text);
    for (const clutter of ['+5 more', 'Easy', 'Apply', 'Save', 'About the job']) expect(rows.some((r) => r.includes(clutter)), clutter).toBe(false);
    expect(rows.some((r) => r.includes('corrugated'))).toBe(false);
    // LinkedIn's hiring-team card and its premium teaser, and what the post says it does not ask
    const more = readPosting(
      'Senior Product Designer\nSee how you compare to over 100 others who clicked apply. Try Premium for €0\nEasy Apply  Save\n\nMeet the hiring team\nHenrike Vogt\nHead of Design at Tallyfold\nMessage\n\nAbout the job\nWhat you bring\n- 4+ years as a product designer\n- Fluent English. German is not required\n',
    ).requirements.map((r) => r.text);
    expect(more).toEqual(['4+ years as a product designer', 'Fluent English']);
    expect(rows).toContain('You have 3+ years of experience in FP&A or corporate finance');
    expect(read.requirements.find((r) => r.text.includes('SAP (ECC'))?.importance).toBe('must');
  });

  it('reads a Telegram post whose headings carry emoji: its must-haves, pluses and offer apart, without the bullets', () => {
    const text = [
      '💊 ВАКАНСИЯ: ФАРМАЦЕВТ / ПРОВИЗОР | Краснодар',
      '',
      'Чем заниматься 👇',
      '🔸 консультировать покупателей, подбирать аналоги',
      '',
      'Что для нас обязательно ❗',
      '✅ среднее (фармацевт) или высшее (провизор) фармацевтическое образование',
      '✅ опыт работы за первым столом от 1 года',
      '',
      'Будет плюсом ➕',
      '▪️ опыт работы в сетевой аптеке',
      '',
      'Что предлагаем 💰',
      '▪️ наставник на первые две недели, никто не бросит одного на точке 🤝',
    ].join('\n');
    const rows = readPosting(text).requirements;
    expect(readPosting(text).title?.text).toBe('ФАРМАЦЕВТ / ПРОВИЗОР');
    const row = (has: string) => rows.find((r) => r.text.includes(has));
    expect(row('первым столом')).toMatchObject({ importance: 'must', kind: 'experience', years: 1 });
    expect(row('первым столом')!.text.startsWith('опыт')).toBe(true);
    expect(row('сетевой аптеке')?.importance).toBe('nice');
    expect(rows.some((r) => /обязательно|плюсом|наставник/u.test(r.text))).toBe(false);
  });

  it('reads the lowest of the education levels a posting offers as alternatives, and a specialist accreditation as a licence', () => {
    const level = (ask: string) => readPosting(`Requirements:\n- ${ask}`).requirements[0]?.education?.level;
    expect(level("Associate or Bachelor's degree in Nursing from an accredited program")).toBe('associate');
    expect(level('среднее (фармацевт) или высшее (провизор) фармацевтическое образование')).toBe('vocational');
    expect(level("Master's degree in Statistics, Mathematics, or a related quantitative field")).toBe('master');
    expect(level("Bachelor's degree")).toBe('bachelor');
    expect(readPosting('Requirements:\n- Primary specialist accreditation (Pharmacy)').requirements[0]?.kind).toBe('licence');
  });

  it('reads credentials offered with the way to them as one ask, and explaining in plain English as a personal quality', () => {
    const rows = readPosting(
      "Requirements:\n- You can explain numbers in plain English to people who don't live in spreadsheets\nNice to have:\n- A CPA, CFA or MBA, or progress toward one",
    ).requirements;
    expect(rows.map((r) => [r.text, r.kind, r.importance])).toEqual([
      ["You can explain numbers in plain English to people who don't live in spreadsheets", 'quality', 'must'],
      ['A CPA, CFA or MBA, or progress toward one', 'education', 'nice'],
    ]);
  });

  it('reads "J.D." and "U.S." as abbreviations, not ends of asks', () => {
    const rows = readPosting('Corporate Counsel\nRequirements:\n- A J.D. from an ABA-accredited law school and active bar membership in at least one U.S. state').requirements;
    expect(rows.map((r) => r.text)).toEqual(['A J.D. from an ABA-accredited law school and active bar membership in at least one U.S. state']);
  });

  it("takes the title from below a careers page's header line", () => {
    const text = 'Careers | Aphrodite Bay Resort & Spa\n\nFront Office Agent (Russian speaking) - Seasonal to Permanent\nLocation: Limassol, Cyprus\n\nRequirements:\n- 2+ years at a hotel front desk\n- Opera PMS';
    expect(readPosting(text).title?.text).toBe('Front Office Agent (Russian speaking)');
    expect(readPosting('Careers\nNight Auditor\nRequirements:\n- Opera PMS').title?.text).toBe('Night Auditor');
  });

  it('reads a certificate of no criminal record as a hiring check, not an ask, and a degree «по профилю «…»» by its discipline', () => {
    const text = 'Учитель математики\nТребования:\n- высшее педагогическое образование по профилю «Математика»\n- опыт работы от 3 лет\n- справка об отсутствии судимости';
    const read = readPosting(text);
    expect(read.requirements.map((r) => r.text)).not.toContain('справка об отсутствии судимости');
    expect(read.requirements.find((r) => r.kind === 'education')?.education).toMatchObject({ level: 'higher', discipline: 'Математика' });
    // a kind of education (an adjective) or a field with its neighbours names no discipline to check
    const kinds = readPosting('Бухгалтер\nТребования:\n- высшее экономическое образование\n- опыт от 2 лет').requirements.find((r) => r.kind === 'education');
    expect(kinds?.education?.discipline).toBeUndefined();
    const related = readPosting("Developer\nRequirements:\n- Bachelor's degree in Computer Science or a related field").requirements[0];
    expect(related?.education?.discipline).toBeUndefined();
  });

  it('reads the asks a flattened post runs on after its duties label as asks, and a plus among them as nice', () => {
    const text =
      'Ищем логиста в транспортную компанию «ВолгаКарго» (Нижний Новгород). Задачи: поиск и привлечение перевозчиков, ' +
      'планирование рейсов по России, контроль доставки. Нужен опыт логистом от 2 лет, знание АТИ и грузовых площадок, ' +
      'уверенный Excel. 1С:ТМС или любая TMS — плюс. Доход оклад + % от маржи, в среднем 90–150 тыс. Пятидневка.';
    const rows = readPosting(text).requirements.filter((r) => r.kind !== 'duty');
    expect(rows.map((r) => [r.text, r.importance])).toEqual([
      ['Нужен опыт логистом от 2 лет', 'must'],
      ['знание АТИ и грузовых площадок', 'must'],
      ['уверенный Excel', 'must'],
      ['1С:ТМС или любая TMS — плюс', 'nice'],
    ]);
    expect(rows[0]).toMatchObject({ kind: 'experience', years: 2 });
    // a duty with a plus in its aside stays a duty
    const duty = readPosting('Обязанности:\n- ремонт фасовочных автоматов (Tetra Pak — плюс)\nТребования:\n- опыт от 2 лет').requirements;
    expect(duty.find((r) => r.text.startsWith('ремонт'))?.kind ?? 'duty').toBe('duty');
  });

  it('reads a credential the hire may obtain after starting as a nice-to-have, not a must-have today', () => {
    const p = readPosting('Requirements:\n- Current BLS certification from the American Heart Association\n- ACLS required within six months of hire');
    expect(p.requirements.map((r) => [r.text, r.importance])).toEqual([
      ['Current BLS certification from the American Heart Association', 'must'],
      ['ACLS required within six months of hire', 'nice'],
    ]);
    expect(rowsOf('Требования:\n- удостоверение стропальщика нужно получить в течение месяца после трудоустройства').map((r) => r.importance)).toEqual(['nice']);
  });

  it('reads the role from the sentence after a hiring cue that is a sentence of its own, and no row from the headline', () => {
    const text =
      "We're hiring!! Sales Associate at Summit & Stream Outfitters (Boulder, CO) 🏔️ Love the outdoors? Help customers find " +
      'the right boots, packs and tents, run the register. Some retail or customer service experience (6+ months) needed, ' +
      'and you need to be available weekends. $17-19/hr + commission.';
    const p = readPosting(text);
    expect(p.title?.text).toBe('Sales Associate');
    // the headline's words ("Sales" of the title) ask nothing; the first row is the years ask
    expect(p.requirements[0]).toMatchObject({ kind: 'experience', years: 0.5 });
    expect(p.requirements.map((r) => r.text)).not.toContain('Sales');
    // a cue with nothing after it names no role
    expect(readPosting("We're hiring!! Love the outdoors? Help customers find the right boots, packs and tents and run the register every day of the week. Some retail experience needed.").title?.text).not.toBe('Love the outdoors');
  });

  it('reads the headline a flattened post hires with as its title, not as a row, and a five-day week as no ask', () => {
    const text =
      'Нужен шеф-повар в новое кафе-пекарню «Тёплый Ломоть», Калининград. Опыт шефом от 2 лет, знание технологических карт ' +
      'и ХАССП, умение считать фудкост. Пятидневка, зал на 40 мест, оклад от 120 тыс. Звоните.';
    const p = readPosting(text);
    expect(p.title?.text).toBe('шеф-повар');
    expect(p.requirements.map((r) => r.text)).not.toContainEqual(expect.stringContaining('Нужен шеф-повар'));
    expect(p.requirements.map((r) => r.text)).not.toContainEqual(expect.stringContaining('Пятидневка'));
    // a headline that goes on to ask something is read for its asks too
    const backend = readPosting(
      'Нужен бэкенд-разработчик на Python/Django, опыт от 2 лет. Пишем API для доставки, знание PostgreSQL обязательно, Docker будет плюсом. Удалёнка, оклад от 200 тыс. Пишите в телеграм.',
    );
    expect(backend.title?.text).toBe('бэкенд-разработчик');
    expect(backend.requirements.find((r) => r.kind === 'experience')).toMatchObject({ text: 'опыт от 2 лет', years: 2 });
    expect(backend.requirements.flatMap((r) => r.skills)).toEqual(expect.arrayContaining(['python', 'django', 'postgresql', 'docker']));
  });

  it('reads a personal quality as one: communication, reliability, «грамотная речь», not a skill or experience ask', () => {
    const rows = rowsOf(
      'Менеджер\nТребования:\n- грамотная речь\n- коммуникабельность, ответственность\n- Strong communication skills\n' +
        '- опыт продаж от 1 года\n- Responsible for AWS infrastructure\n- Experience in customer-facing roles\n' +
        '- You write clearly and can bring engineers and product managers along with your thinking',
    );
    expect(rows.map((r) => [r.text, r.kind])).toEqual([
      ['грамотная речь', 'quality'],
      ['коммуникабельность', 'quality'],
      ['ответственность', 'quality'],
      ['Strong communication skills', 'quality'],
      ['опыт продаж от 1 года', 'experience'],
      ['Responsible for AWS infrastructure', 'skill'],
      ['Experience in customer-facing roles', 'experience'],
      ['You write clearly and can bring engineers and product managers along with your thinking', 'other'],
    ]);
  });

  it('cuts a flattened list before "One year of …", reads "is useful" as a plus, and skips «Что предлагаем»', () => {
    const rows = rowsOf(
      'Registered Nurse Required Qualifications Current RN license BLS certification from the American Heart Association One year of acute care hospital experience ' +
        'Experience preparing patients for surgery is useful',
    );
    expect(rows.find((r) => r.text === 'One year of acute care hospital experience')).toMatchObject({ kind: 'experience', years: 1, importance: 'must' });
    expect(rows.find((r) => r.text.startsWith('Experience preparing'))!.importance).toBe('nice');
    const ru = rowsOf('Data-инженер\nТребования:\n- SQL\n- Airflow\nЧто предлагаем\n- ДМС\n- удалёнка');
    expect(ru.map((r) => r.text)).toEqual(['SQL', 'Airflow']);
  });

  it("reads an Indeed posting's description asks under no heading, and its qualification fields by their (Preferred) and (Required)", () => {
    const text = [
      'iOS Developer',
      'We are hiring an iOS developer for our Ahmedabad studio.',
      'Job Details :',
      'Experience with iOS frameworks such as Core Data and Core Animation',
      'Proficient with Swift and Cocoa Touch',
      'Experience in HTML/CSS',
      '1-3 Years experience with web development required',
      'Job Type: Full-time',
      'Experience:',
      'iOS: 2 years (Preferred)',
      'total work: 3 years (Required)',
      'Education:',
      "Bachelor's (Preferred)",
      'Programming Languages needed:',
      'Objective-C (Preferred)',
    ].join('\n');
    const rows = rowsOf(text);
    const row = (t: string) => rows.find((r) => r.text === t);
    // the description's asks are read, though the board's fields stand under "Experience:" and "Education:" headings
    expect(row('Proficient with Swift and Cocoa Touch')?.importance).toBe('must');
    expect(row('Experience with iOS frameworks such as Core Data and Core Animation')).toBeDefined();
    expect(row('1-3 Years experience with web development required')).toMatchObject({ kind: 'experience', years: 1, importance: 'must' });
    // a field's bracket says how much it is asked; its value is years in what it names
    expect(row('iOS: 2 years (Preferred)')).toMatchObject({ kind: 'experience', years: 2, importance: 'nice' });
    expect(row('total work: 3 years (Required)')).toMatchObject({ kind: 'experience', years: 3, importance: 'must' });
    expect(row("Bachelor's (Preferred)")).toMatchObject({ kind: 'education', importance: 'nice' });
    expect(row('Objective-C (Preferred)')?.importance).toBe('nice');
    // a label over the fields is no row, and a skill at a line's end takes no version from the next line
    expect(rows.some((r) => /Programming Languages needed/.test(r.text))).toBe(false);
    expect(rows.some((r) => r.text.includes('\n'))).toBe(false);
    // a "(preferred)" inside a list of alternatives qualifies the one before it, not the row
    expect(rowsOf('Requirements:\nExcellent knowledge of Java (preferred), Scala or Python\nExperience with Docker')[0]?.importance).toBe('must');
  });

  it("reads a flattened Indeed electrician post: '- REQUIRED -' confirms the ask before it, the page's clutter and the hiring checks are no rows", () => {
    const text =
      'Industrial Maintenance Electrician - 2nd Shift Hallbrook Packaging Solutions, Inc. - Toledo, OH 43612 Qualifications / Requirements: ' +
      '- Minimum 3 years of experience as an electrician in an industrial or manufacturing environment - Valid State of Ohio Journeyman ' +
      'Electrician license (or equivalent from another state) - REQUIRED - Proven ability to troubleshoot PLC-controlled equipment; ' +
      'Allen-Bradley preferred - High school diploma or GED - Able to lift up to 50 lbs, climb ladders, work at heights and in hot ' +
      'environments - Must pass pre-employment drug screen and background check - Bachelor\'s degree in Electrical Engineering or a related ' +
      'field - 5+ years of PLC programming experience - Based in a European time zone Why Hallbrook? We offer a $2,500 sign-on bonus. ' +
      '#HPSToledo Hiring Insights Job activity Posted 3 days ago';
    const rows = rowsOf(text);
    const texts = rows.map((r) => r.text);
    expect(texts).not.toContain('REQUIRED');
    expect(rows.find((r) => r.text.startsWith('Valid State of Ohio'))?.importance).toBe('must');
    expect(texts.some((t) => /drug screen|time zone|Why Hallbrook|Posted 3 days|Job activity/.test(t))).toBe(false);
    expect(rows.find((r) => r.text.startsWith('Able to lift'))?.kind).toBe('quality');
    // a dash before an item that opens with its years cuts it off the degree before it; "3 - 5 years" is a range
    expect(rows.find((r) => r.text.startsWith("Bachelor's degree"))?.kind).toBe('education');
    expect(rows.find((r) => r.text.startsWith('5+ years'))).toMatchObject({ kind: 'experience', years: 5 });
    expect(rowsOf('Requirements: 3 - 5 years of experience with Java')[0]?.text).toBe('3 - 5 years of experience with Java');
  });

  it("reads a flattened Indeed mechanic post: 'Minimum Requirements:' heads the asks, an item ends on '(…, etc.)', a trade's 'Master' is a credential, not a degree", () => {
    const text =
      'Automotive Technician (B/A Level) - Boise, ID Full job description Job Summary: You will diagnose and repair customer vehicles. ' +
      'Minimum Requirements: 3+ years of experience as an automotive technician in a dealership or independent repair shop ' +
      'At least two current ASE certifications in the A1–A8 series (Engine Repair, Brakes, Electrical, etc.) Must provide your own hand ' +
      'and power tools and a professional toolbox Valid driver\'s license with an insurable driving record Preferred Qualifications: ' +
      'ASE Master Technician and/or L1 Advanced Engine Performance Manufacturer training (Toyota or GM) Hybrid or EV experience ALLDATA, Mitchell 1 or OEM service information ' +
      'Job Type: Full-time Experience: automotive repair: 3 years (Required) License/Certification: ASE Certification (Required) ' +
      'ASE Master Technician (Preferred)';
    const rows = rowsOf(text);
    const texts = rows.map((r) => r.text);
    expect(texts).not.toContain('Minimum');
    expect(texts).toContain('At least two current ASE certifications in the A1–A8 series (Engine Repair, Brakes, Electrical, etc.)');
    expect(rows.find((r) => r.text.startsWith('Must provide your own'))?.importance).toBe('must');
    expect(texts).toContain('Hybrid or EV experience');
    expect(texts).toContain('License/Certification: ASE Certification (Required)');
    const master = rows.filter((r) => /Master Technician/.test(r.text));
    expect(master.map((r) => r.text)).toEqual(['ASE Master Technician and/or L1', 'ASE Master Technician (Preferred)']);
    expect(master.every((r) => r.kind === 'licence' && r.education === undefined && r.importance === 'nice')).toBe(true);
    // a degree is still read where one is named
    expect(readPosting("Requirements:\n- Master's degree in Finance\n- Master of Science in Statistics").education.map((e) => e.level)).toEqual(['master', 'master']);
  });

  it("reads a LinkedIn page copied from its top: the title under the site's menu and the company's followers, examples after 'including' in their ask, no rows from 'How we work'", () => {
    const text = [
      'Skip to main content', 'LinkedIn', 'Search', 'Home', 'My Network', 'Jobs', 'Messaging', 'Notifications', 'Me', 'For Business',
      'Try Premium for $0', '', 'Kestrelmoor Payments', '· 2,341 followers', '', 'Data Engineer', 'Denver, CO · Reposted 2 weeks ago · Over 100 applicants',
      'Hybrid', 'Easy Apply', 'Save', '', 'About the job', 'We are growing the Data Platform team from five to eight people.', '', 'What you bring',
      '4+ years of experience building data pipelines in production with Python and SQL', 'Solid experience with dbt, including incremental models, tests and macros',
      'Clear written communication; you can explain a data problem to a finance controller as easily as to an engineer', '', 'How we work',
      'We are hybrid. New joiners usually ship their first pipeline change in week two.',
    ].join('\n');
    const p = readPosting(text);
    expect(p.title?.text).toBe('Data Engineer');
    const texts = p.requirements.map((r) => r.text);
    expect(texts).toContain('Solid experience with dbt, including incremental models, tests and macros');
    expect(texts.some((t) => /New joiners|We are hybrid/.test(t))).toBe(false);
    expect(p.requirements.find((r) => r.text.startsWith('you can explain'))?.kind).toBe('quality');
  });

  it("reads a flattened Indeed nurse post: a credential's acronym opens an item, a clause that says 'preferred' is its own row, hours and a residency are no asks", () => {
    const text =
      'Registered Nurse - Med/Surg (Nights) Riverbend Mercy Medical Center Columbus, OH 43215 Full job description Qualifications: ' +
      'Graduate of an accredited school of nursing, BSN preferred or willingness to obtain within 5 years of hire New graduate RNs complete ' +
      'a 12-week residency with RN supervision Current RN license in the State of Ohio BLS required, ACLS within 6 months of hire 1+ year ' +
      'of acute care experience preferred Ability to work 12-hour night shifts including every third weekend and rotating holidays ' +
      'Epic experience a plus Shift availability: Night Shift (Required) Work Location: In person';
    const rows = rowsOf(text);
    const texts = rows.map((r) => r.text);
    expect(rows.find((r) => r.text === 'Graduate of an accredited school of nursing')).toMatchObject({ kind: 'education', importance: 'must' });
    const bsn = rows.find((r) => r.text.startsWith('BSN preferred'))!;
    expect(bsn).toMatchObject({ kind: 'education', importance: 'nice' });
    // "within 5 years of hire" is a deadline, not years of experience
    expect(bsn.years).toBeUndefined();
    expect(rows.find((r) => r.text === 'Current RN license in the State of Ohio')).toMatchObject({ kind: 'licence', importance: 'must' });
    expect(rows.find((r) => r.text === 'BLS required')?.importance).toBe('must');
    expect(rows.find((r) => r.text.startsWith('ACLS within 6 months'))?.importance).toBe('nice');
    expect(texts.some((t) => /residency|night shifts|Shift availability/.test(t))).toBe(false);
    // another level accepted stays with the preferred one
    expect(rowsOf('Requirements:\n- BSN preferred, ADN accepted with a commitment to complete a BSN within five years').length).toBe(1);
  });

  it("reads a Telegram post forwarded from a channel: the role under «Переслано из:», «Что нужно от тебя» and «Что делать» as headings, «— ОБЯЗАТЕЛЬНО (…)» in its ask", () => {
    const text = [
      'Работа в Новосибирске | Вакансии без посредников', 'Переслано из: Гараж 54 | автосервис на Станционной', '',
      '🔧🚗 ИЩЕМ АВТОМЕХАНИКА-ДИАГНОСТА 🚗🔧', '', 'Привет! Мы — «Гараж 54», независимый автосервис.', '', '📋 Что делать:',
      '▪️ компьютерная диагностика: двигатель, АКПП, ABS, электрика', '', '✅ Что нужно от тебя:',
      '▪️ опыт работы автомехаником или автослесарем в сервисе от 3 лет',
      '▪️ свой ручной инструмент — ОБЯЗАТЕЛЬНО (ключи, головки, съёмники — всё своё)', '▪️ водительские права категории B', '',
      '⭐ Будет плюсом:', '▪️ работа с осциллографом',
    ].join('\n');
    const p = readPosting(text);
    expect(p.title?.text).toBe('АВТОМЕХАНИКА-ДИАГНОСТА');
    const must = p.requirements.filter((r) => r.importance === 'must').map((r) => r.text);
    expect(must).toEqual([
      'опыт работы автомехаником или автослесарем в сервисе от 3 лет',
      'свой ручной инструмент — ОБЯЗАТЕЛЬНО (ключи, головки, съёмники — всё своё)',
      'водительские права категории B',
    ]);
    expect(p.requirements.find((r) => r.text.startsWith('компьютерная диагностика'))?.kind).toBe('duty');
    expect(p.requirements.find((r) => r.text === 'работа с осциллографом')?.importance).toBe('nice');
  });

  it("reads a Telegram accountant post: the role after «Ищем в команду:», «Что важно» as the asks, a topic's list after its colon and skills in a bracket as one ask, office hours as none", () => {
    const text = [
      '🔥 Ищем в команду: Бухгалтер на участок реализации и первички (удалёнка)', '', 'ООО «Кедровый Двор» — оптовые поставки продуктов.', '',
      '📌 Задачи:', '— выставление счетов, УПД и актов покупателям', '', '✅ Что важно:', '🔸 опыт на участке реализации от 2 лет, лучше в опте',
      '🔸 уверенная 1С:Бухгалтерия 8.3', '🔸 опыт в ЭДО (Диадок, СБИС — любой)', '🔸 понимание НДС: счета-фактуры, корректировки, книга продаж',
      '🔸 работа по московскому времени, 9:00–18:00', '', '➕ Будет плюсом:', '— опыт с маркировкой «Честный ЗНАК»',
    ].join('\n');
    const p = readPosting(text);
    expect(p.title?.text).toBe('Бухгалтер');
    expect(p.requirements.filter((r) => r.importance === 'must').map((r) => r.text)).toEqual([
      'опыт на участке реализации от 2 лет, лучше в опте',
      'уверенная 1С:Бухгалтерия 8.3',
      'опыт в ЭДО (Диадок, СБИС — любой)',
      'понимание НДС: счета-фактуры, корректировки, книга продаж',
    ]);
    expect(p.requirements.find((r) => r.text.startsWith('опыт в ЭДО'))?.skills).toEqual(['edo', 'diadoc', 'sbis']);
    // a list of skills with no bracket is still a row a skill
    expect(rowsOf('Требования:\n- Docker, Kubernetes, Helm').map((r) => r.text)).toEqual(['Docker', 'Kubernetes', 'Helm']);
  });

  it("reads an Indeed IT post's title without its company and rating, and ends 'a plus' before the next capital", () => {
    const text =
      'IT Support Specialist (Tier 2) Harborline Community Credit Union 4.1 out of 5 stars Eau Claire, WI $24 - $30 an hour Full job description ' +
      'What you need: CompTIA A+ certification required Network+ or Security+ a plus A valid driver\'s license to travel between our 6 branches ' +
      'Basic networking knowledge (DNS, DHCP, VPN)';
    const p = readPosting(text);
    expect(p.title?.text).toBe('IT Support Specialist (Tier 2)');
    const texts = p.requirements.map((r) => r.text);
    expect(texts).toContain('Network+ or Security+ a plus');
    expect(p.requirements.find((r) => r.text.startsWith('A valid driver'))).toMatchObject({ kind: 'licence', importance: 'must' });
  });

  it('reads an informal kindergarten post: an education of a kind with no level, a medical book as a licence, love of children as a personal quality', () => {
    const p = readPosting(
      'Воспитатель в частный детский сад\n50 000 ₽ за месяц\n\nЧто нам важно:\n- педагогическое образование (дошкольное)\n- опыт работы воспитателем от 1 года\n' +
        '- действующая медкнижка\n- справка об отсутствии судимости\n- любовь к детям и терпение, без крика и «строгостей»',
    );
    expect(p.requirements.map((r) => [r.kind, r.importance])).toEqual([
      ['education', 'must'],
      ['experience', 'must'],
      ['licence', 'must'],
      ['quality', 'must'],
    ]);
    expect(p.requirements[0]!.education).toMatchObject({ level: 'vocational' });
    expect(p.requirements[1]!.skills).toEqual(['preschool_teaching']);
    // additional education is no level of education
    expect(readPosting('Требования:\n- дополнительное образование в области дизайна').requirements[0]?.kind).not.toBe('education');
  });

  it("reads a careers page's prose asks: projects of $5M are no pay, 'will help you here' and 'is welcome, not required' are pluses", () => {
    const p = readPosting(
      'Construction Project Manager\n\nYou have\n\nYou have at least seven years managing commercial construction projects of $5M and up, and you\'ve run jobs from ' +
        'preconstruction to closeout. Experience with healthcare or public school work under DSA oversight will help you here. A PMP or a degree in ' +
        'construction management or engineering is welcome, not required. You hold a valid driver\'s license.',
    );
    const rows = p.requirements;
    expect(rows.find((r) => r.text.startsWith('You have at least seven years'))).toMatchObject({ importance: 'must', years: 7 });
    expect(rows.find((r) => r.text.startsWith('Experience with healthcare'))?.importance).toBe('nice');
    expect(rows.find((r) => r.text.startsWith('A PMP or a degree'))).toMatchObject({ importance: 'nice', text: 'A PMP or a degree in construction management or engineering is welcome, not required' });
    expect(rows.some((r) => r.text === 'not required')).toBe(false);
  });

  it("names a LinkedIn post copied from 'About the job' by the role its blurb hires, and keeps a kind's examples in one ask", () => {
    const p = readPosting(
      'About the job\nNorthwatch Cyber is a managed detection and response provider protecting more than 180 companies. Our SOC is growing, and we are ' +
        'looking for a SOC Analyst (Tier 1) to join one of our shift teams.\n\nWhat you bring\n• Hands-on SIEM experience (Splunk, Microsoft Sentinel or QRadar)\n' +
        '• Solid understanding of TCP/IP, DNS, HTTP and other common network protocols\n• Polish is a plus but not required',
    );
    expect(p.title?.text).toBe('SOC Analyst');
    expect(p.requirements.map((r) => r.text)).toContain('Solid understanding of TCP/IP, DNS, HTTP and other common network protocols');
    expect(p.requirements.find((r) => r.text.startsWith('Hands-on SIEM'))?.skills).toEqual(['siem']);
  });

  it("reads a restaurant's Instagram post: its qualities as qualities, weekends as no ask, a food handler card offered to get later as a plus", () => {
    const p = readPosting(
      '🔥 WE\'RE HIRING: LINE COOK 🔥\n\nWhat we\'re looking for 👇\n✅ 1+ yr line experience (grill or sauté a big plus)\n✅ You can keep your cool on a slammed Friday night 🍳\n' +
        '✅ ServSafe Food Handler or willing to get it within 30 days\n✅ Weekends a must ‼️\n✅ Shows up on time, keeps a clean station, helps the team',
    );
    const rows = p.requirements;
    expect(rows.some((r) => /Weekends/.test(r.text))).toBe(false);
    expect(rows.find((r) => r.text.startsWith('ServSafe'))).toMatchObject({ kind: 'licence', importance: 'nice' });
    expect(rows.filter((r) => r.kind === 'quality').map((r) => r.text)).toEqual([
      'You can keep your cool on a slammed Friday night',
      'Shows up on time',
      'keeps a clean station',
      'helps the team',
    ]);
    // work delivered on time is no personal quality
    expect(rowsOf('Requirements:\n- Deliver commercial projects on time and on budget')[0]?.kind).not.toBe('quality');
  });

  it("reads a Habr Career page: «Описание вакансии» heads the blurb, a skill's or a topic's list after its colon and skills in a concept's bracket are one ask", () => {
    const p = readPosting(
      'Frontend-разработчик (React)\n\nНавыки:\nReact • TypeScript • Redux\n\nОписание вакансии\n\n«Северный Код» делает «Слот» — сервис онлайн-записи для салонов красоты и автосервисов. ' +
        'Продуктовая команда — 40 человек.\n\nЧто мы ждём\n— Уверенный TypeScript: дженерики, утилитарные типы, типизация API-ответов.\n' +
        '— Понимание того, как работает браузер: рендеринг, event loop, кеширование, Web Vitals.\n\nБудет плюсом\n— Опыт с e2e-тестами (Playwright, Cypress).',
    );
    const texts = p.requirements.map((r) => r.text);
    expect(texts.some((t) => /Описание вакансии|Северный Код|40 человек/.test(t))).toBe(false);
    expect(texts).toContain('Уверенный TypeScript: дженерики, утилитарные типы, типизация API-ответов');
    expect(texts).toContain('Понимание того, как работает браузер: рендеринг, event loop, кеширование, Web Vitals');
    expect(p.requirements.find((r) => r.text.startsWith('Опыт с e2e'))).toMatchObject({ importance: 'nice', skills: ['playwright', 'cypress'] });
  });

  it("reads a retailer's warehouse post: an age is a hiring check, heat and cold are a personal quality, basic English to read labels is a language ask", () => {
    const rows = rowsOf(
      'Warehouse Associate\nBasic qualifications:\n- Must be 18 years of age or older\n- Able to work in a non-climate-controlled environment (temperatures may range from 40°F to 90°F)\n' +
        '- Able to read and understand basic English instructions, labels and scanner screens',
    );
    expect(rows.map((r) => r.kind)).toEqual(['quality', 'language']);
    expect(rows[1]!.language).toMatchObject({ language: 'en', level: 'basic' });
  });

  it("reads a Greenhouse page: the title under 'Back to jobs' and the company's name, a list with a comma before its 'or' as one ask", () => {
    const p = readPosting(
      'Back to jobs\n\nQuarrystone\n\nContent Marketing Manager (B2B SaaS)\nRemote (US)\n\nApply\n\nWhat you\'ll bring\n- Solid SEO fundamentals and hands-on experience with Ahrefs or Semrush\n\n' +
        'Bonus points\n- Experience scripting, producing, or editing short-form video\n- Familiarity with finance, accounting, or fintech topics',
    );
    expect(p.title?.text).toBe('Content Marketing Manager (B2B SaaS)');
    expect(p.requirements.map((r) => r.text)).toEqual([
      'Solid SEO fundamentals and hands-on experience with Ahrefs or Semrush',
      'Experience scripting, producing, or editing short-form video',
      'Familiarity with finance, accounting, or fintech topics',
    ]);
    expect(p.requirements[0]!.skills).toEqual(['seo']);
  });

  it("reads a SuperJob call-centre post: a pleasant voice is a personal quality, shifts, citizenship and no criminal record are no asks, «ПК на уровне уверенного пользователя» is PC literacy", () => {
    const rows = rowsOf(
      'Оператор call-центра\nТребования:\n— Грамотная речь, приятный голос\n— ПК на уровне уверенного пользователя\n— Готовность к сменному графику\n— Гражданство РФ\n— Без судимости',
    );
    expect(rows.map((r) => [r.text, r.kind])).toEqual([
      ['Грамотная речь, приятный голос', 'quality'],
      ['ПК на уровне уверенного пользователя', 'skill'],
    ]);
    expect(rows[1]!.skills).toEqual(['pc_literacy']);
    expect(rowsOf('Требования:\n- приятный голос')[0]?.kind).toBe('quality');
  });

  it('keeps an ask a must when a plus is said of a second ask after a dash; «— будет плюсом» alone still makes it a plus', () => {
    const rows = rowsOf(
      'Requirements:\n- Hands-on experience with Zendesk (Support, Guide and/or Chat) — admin-level knowledge is a bonus\n' +
        '- Опыт с Kafka — будет большим плюсом\n- Strong organization skills and the ability to juggle many conversations at once',
    );
    expect(rows[0]?.importance).toBe('must');
    expect(rows[1]?.importance).toBe('nice');
    expect(rows[2]?.kind).toBe('quality');
  });

  it("reads hh.ru's one-paragraph page: the title without «Уровень дохода не указан», «Ключевые навыки» as tags, «Адрес» as no ask", () => {
    const text =
      'Инженер-сметчик (ПГС) Уровень дохода не указан ООО «СтройИнвест» Нижний Новгород Требуемый опыт работы: 3–6 лет ' +
      'Требования: • опыт работы инженером-сметчиком не менее 3 лет; • уверенная работа в программе Гранд-Смета. ' +
      'Ключевые навыки Гранд-Смета Составление смет ФЕР ТЕР КС-2 КС-3 Ценообразование в строительстве Проверка смет MS Excel ' +
      'Адрес Нижний Новгород, Московская, улица Совнаркомовская Вакансия опубликована 11 ноября 2024 в Нижнем Новгороде';
    const posting = readPosting(text);
    expect(posting.title?.text).toBe('Инженер-сметчик (ПГС)');
    const texts = posting.requirements.map((r) => r.text);
    // (a tag naming a skill asked before, «Составление смет» after «инженером-сметчиком», adds no row)
    expect(texts).toEqual(expect.arrayContaining(['ФЕР ТЕР КС-2', 'Ценообразование в строительстве']));
    expect(texts.some((t) => t.startsWith('Проверка смет'))).toBe(true);
    expect(texts.some((t) => /Адрес|Московская|улица|опубликована/.test(t))).toBe(false);
    // English tags all in capitals are left whole for the skill vocabulary to cut: "Spring Framework" is one name
    expect(rowsOf('Требования:\n- Java от 3 лет\nКлючевые навыки\nJava Spring Framework PostgreSQL Apache Kafka').map((r) => r.text)).not.toContain('Framework');
  });

  it('does not read an age as years of experience: it is a hiring check, no row', () => {
    const rows = rowsOf('Requirements:\n- Must be at least 21 years old\n- Valid driver license');
    expect(rows.map((r) => r.text)).toEqual(['Valid driver license']);
    expect(rows.some((r) => r.years !== undefined)).toBe(false);
  });

  it('reads a LinkedIn page copied from its top: no row from its chrome, "You\'ll have…" asks, "Bonus points if…" pluses', () => {
    const text = `Skip to main content
LinkedIn
Search
Home
Jobs
Messaging

Quillstone Analytics
Site Reliability Engineer (DevOps)
Austin, TX · Reposted 4 days ago · Over 100 applicants
Promoted by hirer · Responses managed off LinkedIn
8 of 10 skills match your profile - you may be a good fit

About the job
We run about 40 EKS clusters across three regions.

You'll have…
At least four years of hands-on experience in a DevOps or SRE role. The ability to write real code in Python or Go for tooling; Bash alone won't be enough.

Bonus points if…
You hold a CKA or CKS. You've run Argo CD or Flux in a GitOps setup.

More jobs
Platform Engineer II
Actively recruiting · 1 week ago`;
    const p = readPosting(text);
    expect(p.title?.text).toBe('Site Reliability Engineer (DevOps)');
    const rows = p.requirements.map((r) => [r.text, r.importance]);
    expect(rows).toEqual([
      ['At least four years of hands-on experience in a DevOps or SRE role', 'must'],
      ['The ability to write real code in Python or Go for tooling', 'must'],
      ['You hold a CKA or CKS', 'nice'],
      ["You've run Argo CD or Flux in a GitOps setup", 'nice'],
    ]);
  });

  it('reads how the employer hires as no ask: the interview\'s exercise, a test task, the consent to process personal data', () => {
    const en = rowsOf(`Requirements:
- 3+ years designing mechanical assemblies in SolidWorks
- You will be asked to complete a short SolidWorks exercise during the interview process`);
    expect(en.map((r) => r.text)).toEqual(['3+ years designing mechanical assemblies in SolidWorks']);
    const ru = rowsOf(`Требования:
— продвинутый Excel
— на втором этапе будет небольшое практическое задание в Excel примерно на час
— Направляя резюме, вы даёте согласие ООО «Тропа Кадров» на обработку ваших персональных данных`);
    expect(ru.map((r) => r.text)).toEqual(['продвинутый Excel']);
    // (a recruiter's job asks for the interviews themselves)
    const hr = rowsOf('Requirements:\n- Experience running the interview process end to end for engineering roles');
    expect(hr).toHaveLength(1);
  });

  it("reads a team's stack beside its asks as pluses, and a stack that is the only list as asked; a post's reactions and perks are no rows", () => {
    const post = `DevOps-инженер

🛠 Стек:
Kubernetes, Helm, OpenSearch

✅ Что важно:
— от 3 лет в DevOps
— Terraform на уровне своих модулей

🎁 Что даём:
• бюджет на конференции и обучение
• адекватный CTO, который сам умеет в kubectl

Правила канала 👉 закреп
🔥 24  👍 11  🤔 3  🐳 2
Комментарии (7)`;
    const rows = rowsOf(post).map((r) => [r.text, r.importance]);
    expect(rows).toEqual([
      ['Kubernetes', 'nice'],
      ['Helm', 'nice'],
      ['OpenSearch', 'nice'],
      ['от 3 лет в DevOps', 'must'],
      ['Terraform на уровне своих модулей', 'must'],
    ]);
    const stackOnly = rowsOf('DevOps-инженер\n\nСтек:\nKubernetes, Helm, OpenSearch');
    expect(stackOnly.map((r) => r.importance)).toEqual(['must', 'must', 'must']);
  });

  it("reads a recruiter's prose: the day's duties and the client's news are no asks, and a lead-in's items after semicolons are all pluses", () => {
    const text = `Hi there,

Day to day, you'd own the statistical baseline forecast for roughly 350 SKUs. You'd also prepare the demand review deck for the monthly S&OP meeting. They're in the middle of switching from Excel-based planning to SAP IBP, so whoever takes this on will get to help shape how the new tool gets used, which is a great resume line.

He's looking for at least three years of hands-on demand planning experience. You'd need to be really strong in Excel.

There are a few things that would really make you stand out but aren't deal-breakers: an APICS CPIM or CSCP; some SQL or Power BI so you can pull your own data; any Python or R for forecasting.`;
    const rows = rowsOf(text).map((r) => [r.text, r.importance]);
    expect(rows).toEqual([
      ["He's looking for at least three years of hands-on demand planning experience", 'must'],
      ["You'd need to be really strong in Excel", 'must'],
      ['an APICS CPIM or CSCP', 'nice'],
      ['some SQL or Power BI so you can pull your own data', 'nice'],
      ['any Python or R for forecasting', 'nice'],
    ]);
  });

  it('reads tolerances and fits («допуски и посадки») as a skill, not a licence; a permit («допуск к работам на высоте») stays a licence', () => {
    const rows = rowsOf('Требования:\n— знание допусков и посадок, допусков формы и расположения поверхностей\n— допуск к работам на высоте');
    expect(rows.map((r) => r.kind)).toEqual(['skill', 'licence']);
    expect(rowsOf('Требования:\n— знание допусков и посадок').map((r) => r.kind)).not.toContain('licence');
  });

  it('reads "incl." as an abbreviation, not the end of an ask', () => {
    const rows = rowsOf('Must haves: expert Outlook + Google calendar juggling, strong MS Office incl. PowerPoint & Excel');
    expect(rows.map((r) => r.text)).toContain('strong MS Office incl. PowerPoint & Excel');
  });

  it("names an hh.ru page copied with the site's menu by its title, and a flattened Glassdoor page by the title after the company's rating", () => {
    const hh = `Соискателям
Работодателям
Помощь
Казань
Войти
Создать резюме

Инженер-конструктор (гидрооборудование)
от 95 000 до 130 000 ₽ на руки
Требуемый опыт работы: 3–6 лет

Требования:
• опыт работы инженером-конструктором от 3 лет`;
    expect(readPosting(hh).title?.text).toBe('Инженер-конструктор (гидрооборудование)');
    const glassdoor =
      'Cedar Hollow Family Medicine 4.2 ★ Medical Receptionist / Medical Administrative Assistant Westerville, OH Easy Apply Save Employer est.: $52K - $61K Job type Full-time Full job description We are a family practice. Qualifications: High school diploma or GED, at least 2 years of front desk experience in a medical office.';
    expect(readPosting(glassdoor).title?.text).toBe('Medical Receptionist / Medical Administrative Assistant');
    // (a title that is one word of a list of menu words is no menu: three menu items are needed)
    expect(readPosting('Бариста\nМосква\nКофейня\n\nТребования:\n• опыт от года').title?.text).toBe('Бариста');
  });

  it('gives spans that cut exactly the row text out of the posting, on every development posting', () => {
    for (const file of readdirSync(DEV_SET_DIR).filter((f) => f.endsWith('.txt'))) {
      const text = readFileSync(join(DEV_SET_DIR, file), 'utf8');
      for (const r of readPosting(text).requirements) expect(text.slice(r.start, r.end), file).toBe(r.text);
    }
  });

  it('never throws and keeps its spans inside the text on arbitrary Unicode', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const alphabet = ['a', 'Я', ' ', '\n', ':', ',', '.', '-', '•', '5', '+', 'Java', 'Требования:', 'years', '€', '\u0301', '😀', '\ud800', '(', '»'];
    for (let n = 0; n < 300; n++) {
      const text = Array.from({ length: Math.floor(random() * 200) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      const p = readPosting(text);
      for (const r of p.requirements) {
        expect(r.start).toBeGreaterThanOrEqual(0);
        expect(r.end).toBeLessThanOrEqual(text.length);
        expect(text.slice(r.start, r.end)).toBe(r.text);
      }
    }
  });

  it('reads hostile input in linear time', () => {
    // CPU time of this process, not the wall clock: on a loaded machine a long run is cut into many time slices
    // while a short one fits in one, so wall-clock ratios grow with the machine's load, not with the code's work.
    // Small and large runs interleaved, the fastest of five of each.
    const times = (small: string, big: string) => fastestPair(readPosting, small, big);
    const inputs: Array<[string, (n: number) => string]> = [
      ['@', (n) => '@'.repeat(n)],
      ['.', (n) => '.'.repeat(n)],
      [',', (n) => ','.repeat(n)],
      ['one long word', (n) => 'a'.repeat(n)],
      ['digits', (n) => '1'.repeat(n)],
      ['skill list', (n) => `Requirements: ${'Java, '.repeat(n / 6)}`],
      ['capitalised words', (n) => 'Minimum Experience '.repeat(n / 19)],
      ['headings', (n) => 'Requirements: Benefits: '.repeat(n / 24)],
      ['spaces and dashes', (n) => ' - '.repeat(n / 3)],
      ['second asks', (n) => 'Python, and you know '.repeat(n / 21)],
      ['sentence-case headings', (n) => 'About you You have '.repeat(n / 19)],
      ['hiring headlines', (n) => 'Ищем нужен разработчик '.repeat(n / 23)],
      ['work modes', (n) => 'About the job Remote '.repeat(n / 21)],
      ['spaced digits, then a letter', (n) => `Requirements\n- ${'1 '.repeat(n / 2)}a`],
      ['a long word before a skill', (n) => `Requirements\n- ${'a'.repeat(n)} such as Java, Kotlin`],
      ['e-mail subject replies', (n) => `From: x\nTo: y\nSubject: ${'re: '.repeat(n / 4)}Electrician`],
      ['lead-ins', (n) => `Dev\n\n${'the following things '.repeat(n / 21)}: a, b, c`],
      ['headcounts', (n) => `Requirements\n- ${'от 200 человек '.repeat(n / 15)}`],
      ['reactions', (n) => `Requirements\n- ${'👍 1 '.repeat(n / 5)}a`],
      ['menu lines', (n) => `${'Соискателям\n'.repeat(n / 12)}Инженер`],
      ['an Avito header run on', (n) => `Авито ${'x '.repeat(n / 2)}`],
      ['a menu run on in one line', (n) => `${'Вакансии Москва '.repeat(n / 16)}Инженер`],
      ['Habr crumbs before a grade', (n) => `Вакансии / ${'a / '.repeat(n / 4)}Инженер Средний (Middle) x`],
      ['menu lines with runs of spaces', (n) => `${'Home  About us  '.repeat(n / 16)}\nRequirements: Java`],
      ['a rated company', (n) => `${'Acme '.repeat(n / 5)}4.2 ★ Nurse`],
      ['places after a title', (n) => `${'New '.repeat(n / 4)}York, NY Nurse ${'x '.repeat(40)}`],
      ['lead-in then semicolons', (n) => `Dev\n\nwould really make you stand out: ${'a; '.repeat(n / 3)}`],
    ];
    for (const [name, make] of inputs) {
      const [small, big] = times(make(20_000), make(100_000));
      expect(big, name).toBeLessThan(1000);
      // five times the input may not cost twenty-five times the time, as a quadratic reading would
      expect(big, name).toBeLessThan(Math.max(50, small * 15));
    }
  });
});

describe('readPosting: a forwarded recruiter e-mail, a flattened Indeed page, a classifieds page with crumbs', () => {
  it("reads a forwarded e-mail's subject as the title, its headings with asides at the line's end, and no clarification as an ask", () => {
    const text = `---------- Forwarded message ---------
From: Dana Whitlock <dana@talent.example>
Subject: Small Business Credit Analyst - community bank, Dublin OH (hybrid)
To: Chris <chris@mailbox.example>

Hi Chris,

What you'd be doing
You'd spread business financials and write the credit memo.

What they need (the hiring manager was very specific here)
- You've spent at least three years analyzing or underwriting small business loans at a bank.
- Consumer or mortgage underwriting are fine backgrounds, but they don't count toward the three years for this team.
- Strong Excel, and day-to-day experience in a loan origination system. They're on nCino; Salesforce-based or other platforms are absolutely fine.

Things that would make you stand out (not required)
- SBA 7(a) underwriting

The package
Base $72K-$88K, 401(k) with a 5% match, 20 days PTO plus holidays.

If the timing isn't right for you, I'd be grateful if you passed it on.`;
    const p = readPosting(text);
    expect(p.title?.text).toBe('Small Business Credit Analyst');
    const row = (has: string) => p.requirements.find((r) => r.text.includes(has));
    expect(row('three years analyzing')?.importance).toBe('must');
    expect(row('Strong Excel')?.importance).toBe('must');
    expect(row('SBA 7(a)')?.importance).toBe('nice');
    expect(row("don't count")).toBeUndefined();
    expect(row('absolutely fine')).toBeUndefined();
    expect(row('401(k)')).toBeUndefined();
    expect(row('timing')).toBeUndefined();
    // a short aside at a line's end does not make a one-word ask a heading
    const short = readPosting('Requirements:\n- Java\nEducation (a degree in computer science)\n- SQL');
    expect(short.requirements.some((r) => r.text.includes('degree in computer science'))).toBe(true);
  });

  it("reads a flattened Indeed page's title past its menu and crumbs, and a state's name inside its ask", () => {
    const text =
      "Skip to main content Find jobs Company reviews Salary guide Sign in | Employers / Post Job Home › Jobs › Real Estate Agent jobs in Scottsdale, AZ Real Estate Agent – Residential Sales (Licensed) Saguaro Key Realty Group 4.1 out of 5 stars Scottsdale, AZ 85251 Apply now Full job description What you must bring: An active Arizona real estate salesperson license in good standing. You have been practicing as a licensed agent for at least two years. Team-member deals count if you were the agent of record. Nice to have: Spanish at a conversational level.";
    const p = readPosting(text);
    expect(p.title?.text).toBe('Real Estate Agent');
    const licence = p.requirements.find((r) => r.text.includes('salesperson license'));
    expect(licence?.text.startsWith('An active Arizona')).toBe(true);
    expect(licence?.importance).toBe('must');
    expect(p.requirements.some((r) => r.text.includes('Team-member deals'))).toBe(false);
    const indeed = readPosting(
      'Skip to main content Indeed Home Company reviews Sign in What: veterinary technician Where: Westerville, OH Find jobs Credentialed Veterinary Technician (RVT / LVT / CVT) - Full Time Brookhollow Animal Hospital 3.9 out of 5 stars Requirements: An active credential is required. That means Ohio RVT, or an LVT in another state.',
    );
    expect(indeed.title?.text).toBe('Credentialed Veterinary Technician (RVT / LVT / CVT)');
    expect(indeed.requirements.some((r) => r.text === 'That means')).toBe(false);
  });

  it("reads a classifieds page's title below its crumbs, and LinkedIn's below its menu with Join now and Sign in", () => {
    const avito = readPosting(`Авито
Все категории  Поиск по объявлениям  Найти
Москва  Разместить объявление  Вход и регистрация
Главная › Москва › Работа › Вакансии › Агент по недвижимости

Агент по недвижимости (вторичный рынок, ЮЗАО)
от 150 000 ₽ за месяц

Требования:
- опыт продаж на вторичном рынке от 2 лет`);
    expect(avito.title?.text).toBe('Агент по недвижимости (вторичный рынок, ЮЗАО)');
    const linkedin = readPosting(`Skip to main content
LinkedIn
Search
Jobs
People
Learning
Join now
Sign in

Technical Translator (English–Russian)
Kestrel Ridge Engineering · Almaty (On-site)

About the job
Requirements:
- 3+ years of technical translation`);
    expect(linkedin.title?.text).toBe('Technical Translator (English–Russian)');
  });
});

describe('readPosting: a Habr Career page pasted as one paragraph', () => {
  const text =
    'Хабр Карьера Вакансии Специалисты Компании Зарплаты Войти Все вакансии / Мобильная разработка / iOS-разработчик iOS-разработчик Причал — сервис бронирования Зарплата от 280 000 до 380 000 ₽ Требования: Swift • SwiftUI • UIKit Местоположение и тип занятости: Москва • Можно удаленно • Полный рабочий день Описание вакансии Причал — это приложение для бронирования домиков. Чем предстоит заниматься: развивать поиск и карту; участвовать в код-ревью. Ожидания от кандидата: вы пишете под iOS за деньги не меньше трёх лет. Вы уверенно собираете интерфейсы на SwiftUI и при этом не боитесь UIKit. С асинхронщиной работаете через Combine или через async/await. Будет плюсом: опыт модуляризации проекта на SPM.';
  const p = readPosting(text);

  it('reads the title after its crumbs, the expectations as asks, and where and how one works as no ask', () => {
    expect(p.title?.text.startsWith('iOS-разработчик')).toBe(true);
    const years = p.requirements.find((r) => r.text.includes('не меньше трёх лет'));
    expect(years?.importance).toBe('must');
    expect(years?.kind).toBe('experience');
    expect(p.requirements.some((r) => /Москва|Можно удаленно|Полный рабочий день/.test(r.text))).toBe(false);
  });

  it('keeps a Latin name inside its Russian sentence', () => {
    expect(p.requirements.some((r) => r.text === 'Вы уверенно собираете интерфейсы на SwiftUI и при этом не боитесь UIKit')).toBe(true);
    expect(p.requirements.some((r) => r.text.startsWith('С асинхронщиной работаете через Combine'))).toBe(true);
  });
});

describe('readPosting: a SuperJob page as one paragraph', () => {
  it('reads the title after its crumbs and before its pay range', () => {
    const p = readPosting(
      'SuperJob Работа в Нижнем Новгороде Вакансии Резюме Компании Войти Главная / Вакансии / Банки, инвестиции, лизинг / Кредитный аналитик МСБ Кредитный аналитик МСБ 120 000 — 160 000 ₽ Нижний Новгород Требования: опыт работы кредитным аналитиком в банке от 3 лет; Excel на продвинутом уровне.',
    );
    expect(p.title?.text).toBe('Кредитный аналитик МСБ');
  });
});

describe("readPosting: a board's fields beside the asks, a council's flattened page, hh.ru's contacts", () => {
  it("drops a board's years and education fields that an ask says in full, and titles the post past its category crumb", () => {
    const p = readPosting(
      'Работа России Соискателям Работодателям Вакансии Войти Главная / Вакансии / Новоозёрский округ / Социальная защита и социальное обслуживание Специалист по социальной работе от 48 000 до 56 000 ₽ Требования к кандидату: Образование: высшее Опыт работы: от 1 года Требования: Высшее образование по направлению подготовки «Социальная работа». Опыт работы специалистом по социальной работе от 1 года. Будет плюсом: водительское удостоверение категории B.',
    );
    expect(p.title?.text).toBe('Специалист по социальной работе');
    expect(p.requirements.some((r) => r.text.startsWith('Опыт работы: от 1 года'))).toBe(false);
    expect(p.requirements.some((r) => r.text.startsWith('Образование: высшее'))).toBe(false);
    expect(p.requirements.find((r) => r.text.startsWith('Опыт работы специалистом'))?.years).toBe(1);
    // a years ask with a skill leaves the board's years overall asked
    const kept = readPosting('Требования:\n- Опыт работы: от 3 лет\n- 3+ years of experience with Kubernetes');
    expect(kept.experience.map((e) => e.years)).toEqual([3, 3]);
  });

  it('reads "What you need to bring" inline as the asks, what does not count as none, and hh.ru\'s contact block as no rows', () => {
    const council = readPosting(
      "Social Worker – Adults About the role You will hold your own caseload and lead safeguarding enquiries. What you need to bring You must be a qualified social worker, registered with Social Work England. You have at least two years' post-qualifying experience as a social worker in adult social care. Nice to have: a BIA qualification.",
    );
    expect(council.requirements.find((r) => r.text.startsWith('You have at least two years'))?.importance).toBe('must');
    const hh = readPosting(`Event-менеджер
Требования:
- опыт работы ивент-менеджером от 3 лет;
- ассистентский опыт и стажировки не считаем.

Ключевые навыки
Организация мероприятий
Составление смет

Контактная информация
Екатерина Л., руководитель отдела проектов
Москва, Спартаковская улица, 19с3`);
    expect(hh.requirements.some((r) => r.text.includes('не считаем'))).toBe(false);
    expect(hh.requirements.some((r) => /Екатерина|Спартаковская/.test(r.text))).toBe(false);
  });
});

describe('readPosting: a salon\'s social post, an Indeed page with its search filters, a plant\'s Telegram post', () => {
  it('reads a post\'s headings with an aside, its hired role as the title, and examples of one ask as one row', () => {
    const salon = readPosting(`Juniper & Rye Hair Studio
3h · 🌎

✨💇‍♀️ WE'RE GROWING — NOW HIRING A STYLIST! 💇‍♀️✨

🌿 Who we are
A small, color-focused studio.

✅ What we need from YOU (please read before you DM 🙏)
🔹 An ACTIVE Texas Cosmetology Operator license through TDLR.
🔹 At least 2 years behind the chair as a working stylist. School hours and assisting are amazing, but they don't count toward the 2 years.
🔹 Your own clientele.

🌟 Bonus points (not required!)
🔹 Extensions`);
    expect(salon.title?.text).toBe('STYLIST');
    const row = (has: string) => salon.requirements.find((r) => r.text.includes(has));
    expect(row('Your own clientele')?.importance).toBe('must');
    expect(row('2 years behind the chair')?.importance).toBe('must');
    expect(row('Extensions')?.importance).toBe('nice');
    expect(row("don't count")).toBeUndefined();
    const colour = readPosting('Требования:\n- Уверенные сложные окрашивания: балаяж, шатуш, airtouch, тонирование;\n- Женские стрижки');
    expect(colour.requirements.filter((r) => /балаяж|шатуш|airtouch/.test(r.text))).toHaveLength(1);
  });

  it("reads an Indeed page's title past its search filters, and a flattened heading with an aside before its first ask", () => {
    const p = readPosting(
      'Skip to main content Indeed Home Find jobs Company reviews Sign in Employers / Post Job What CNC machinist Where Greer, SC Find jobs Date posted Pay Job type Distance Back to search results CNC Machinist - 2nd Shift (Setup, Fanuc) Harlan Precision Components, Inc. 4.1 out of 5 stars Full job description The role On 2nd shift you will set up and run CNC lathes. What you need (must have) You have at least two years of work as a CNC machinist. Fanuc experience is required. Nice to have: Mastercam.',
    );
    expect(p.title?.text).toBe('CNC Machinist');
    expect(p.requirements.find((r) => r.text.startsWith('You have at least two years'))?.importance).toBe('must');
  });

  it('reads «Кого ждём (это обязательно):» as the asks, and LinkedIn\'s matched skills and buttons as none', () => {
    const plant = readPosting(`🔥 ВАКАНСИЯ: ОПЕРАТОР-НАЛАДЧИК СТАНКОВ С ЧПУ 🔥

🛠 Чем будете заниматься:
▫️ наладка токарных станков с ЧПУ

✅ Кого ждём (это обязательно):
• опыт работы оператором-наладчиком ЧПУ от 2 лет
• уверенно работаете на стойках Fanuc`);
    expect(plant.requirements.find((r) => r.text.startsWith('опыт работы оператором-наладчиком'))?.importance).toBe('must');
    const linkedin = readPosting(`Property Claims Adjuster II
Skills: Xactimate, Property Claims, Insurance Adjusting, +7 more
Show match details
Easy Apply

About the job
Requirements:
- 2+ years as a property claims adjuster`);
    expect(linkedin.requirements.some((r) => /Insurance Adjusting|Show match details/.test(r.text))).toBe(false);
  });
});

describe('readPosting: careers pages flattened behind their menus', () => {
  it("titles a careers site's post past its menu, and a council's past its menu and crumbs, without the place", () => {
    const workable = readPosting(
      'Skip to content Lumenfield Analytics Home Open roles Life at Lumenfield Benefits Log in Event Manager, Corporate Events & Conferences Austin, Texas, United States · Hybrid · Marketing · Full time Overview Requirements: You have at least 3 years as an event manager or event producer.',
    );
    expect(workable.title?.text).toBe('Event Manager, Corporate Events & Conferences');
    const council = readPosting(
      'Skip to main content Northbrook Borough Council Menu Residents Business Jobs and careers Sign in Home > Jobs and careers > Current vacancies > Social Worker – Adults Community Team Social Worker – Adults Community Team Reference: ASC-2611-047 What you need to bring You must be a qualified social worker.',
    );
    expect(council.title?.text).toBe('Social Worker');
  });
});

describe('readPosting: whom an employer turns away', () => {
  it('reads no ask from a restatement of the licence asked before it', () => {
    const p = readPosting(`Requirements:
- An active Arizona real estate salesperson license. We cannot consider pending licensees or out-of-state agents still waiting on their Arizona license.
- You hold an active Texas adjuster license. We are not able to start anyone on a pending license in this role.`);
    expect(p.requirements.filter((r) => r.kind === 'licence').map((r) => r.text)).toEqual(['An active Arizona real estate salesperson license', 'You hold an active Texas adjuster license']);
  });
});

describe('readPosting: reassurance', () => {
  it('reads no ask from how fast people settle in', () => {
    const p = readPosting('Requirements:\n- You work in Trados Studio or memoQ every day. We run Trados Studio 2022 with a shared termbase; memoQ people usually settle in within a week.');
    expect(p.requirements.some((r) => r.text.includes('settle in'))).toBe(false);
    expect(p.requirements.some((r) => r.text.startsWith('You work in Trados Studio'))).toBe(true);
  });
});

describe("readPosting: a Discord hiring board's post", () => {
  it('titles the post past its tags, and reads bold headings with an aside as headings', () => {
    const p = readPosting(`Gullwing Games
[HIRING] [PAID] [REMOTE] Unity Developer, mid-level — mobile roguelite — Gullwing Games

**What we need (the dealbreakers, sorry)**
- 3+ years as a Unity developer in a paid, professional setting
- solid C#

**Nice to have (not required, don't self-reject)**
- Addressables and remote content updates`);
    expect(p.title?.text).toBe('Unity Developer, mid-level');
    expect(p.requirements.find((r) => r.text.startsWith('3+ years'))?.importance).toBe('must');
    expect(p.requirements.find((r) => r.text.startsWith('Addressables'))?.importance).toBe('nice');
  });
});

describe("readPosting: a hiring manager's post and a flattened agency page", () => {
  it('reads a line that calls its list pluses as pluses, and what counts or is the same thing as no ask', () => {
    const post = readPosting(`Business Analyst
What I need:
✅ 3+ years as a business analyst on software products
✅ Jira and Confluence feel like home

Would be lovely, but won't stop me hiring you:
➕ Payments, banking or any regulated fintech domain
➕ Postman, or poking at APIs in a sandbox yourself`);
    const row = (has: string) => post.requirements.find((r) => r.text.includes(has));
    expect(row('3+ years')?.importance).toBe('must');
    expect(row('Payments, banking')?.importance).toBe('nice');
    expect(row('Postman')?.importance).toBe('nice');
    expect(row('Would be lovely')).toBeUndefined();
    const agency = readPosting(
      "Social Media Manager Requirements: At least 2 years as a social media manager looking after brand accounts. Agency side or in-house, both count; a personal or creator account doesn't count on its own. You've built and run paid social campaigns yourself in Meta Ads Manager. Boosting posts isn't the same thing. Native-level or fully fluent written English.",
    );
    expect(agency.requirements.some((r) => /both count|doesn't count|the same thing/.test(r.text))).toBe(false);
    expect(agency.requirements.some((r) => r.text === 'Native-level or fully fluent written English')).toBe(true);
  });
});

describe('readPosting: a years count in capitals', () => {
  it('keeps "3-5+ Years Experience." one ask, not the years and a bare "Experience"', () => {
    const p = readPosting('iOS Developer\nSkills:\n3-5+ Years Experience.\nDevelopment experience in Objective-C, Swift or Rx Swift.\nPassion for quality.');
    expect(p.requirements.map((r) => r.text)).toContain('3-5+ Years Experience');
    expect(p.requirements.some((r) => r.text === 'Experience')).toBe(false);
    expect(p.requirements.find((r) => r.text.startsWith('3-5+'))?.years).toBe(3);
  });
});

describe('readPosting: a heading with a dash for its colon', () => {
  it('reads «Условия работы — …» in a flattened page as the perks, not asks', () => {
    const p = readPosting('Системный аналитик Требования: Опыт работы системным аналитиком от 3 лет. Уверенно пишете SQL-запросы. Условия работы — белая зарплата, пересмотр дважды в год; удалёнка по РФ или гибрид; ДМС со стоматологией.');
    expect(p.requirements.some((r) => /зарплата|ДМС|удалёнка/.test(r.text))).toBe(false);
    expect(p.requirements.find((r) => r.text.startsWith('Опыт работы системным аналитиком'))?.importance).toBe('must');
  });
});

describe('readPosting: a gym\'s post, a grocer\'s careers page and an NHS person specification', () => {
  const texts = (text: string) => rowsOf(text).map((r) => `${r.importance} ${r.text}`);

  it('reads "What you NEED to have (a long aside):" as the asks\' heading, and an emphasis or a reason as no ask', () => {
    const post =
      "Personal Trainer\n\n📌 What you NEED to have (seriously, please read before you DM us):\n" +
      '👉 At least 2 years of experience training paying clients one-on-one.\n' +
      '👉 A current nationally accredited CPT. This one is NOT negotiable, our insurance carrier requires an NCCA-accredited certification for every trainer, no exceptions 🙏\n' +
      '👉 Current CPR/AED.\n\n' +
      "We don't care about degrees. Kinesiology degree, no degree, both fine.\n\n" +
      '💵 Pay + perks:\n🏋️ Free membership for you + 1 person\n🏥 Health insurance at 30+ hrs/week, PTO';
    expect(texts(post)).toEqual([
      'must At least 2 years of experience training paying clients one-on-one',
      'must A current nationally accredited CPT',
      'must Current CPR/AED',
    ]);
  });

  it('keeps an ask that names the sales of the store it was run in, and drops what only says when or where the candidate is asked', () => {
    const page =
      'Store Manager\n\nWhat you need to have\n\n' +
      '- 5+ years of management experience in retail, at least 2 of those running a store (in a store doing $15M+ a year). Grocery strongly preferred; big-box or drug also considered.\n' +
      '- Current ServSafe Food Protection Manager certification. This one is a must – Deschutes County requires a certified manager on site. If yours has lapsed, please renew before you apply.\n' +
      '- Availability for early mornings, nights, weekends and holidays.\n\nWhat we offer\n\n- Base pay range: $88,000 – $112,000 per year';
    expect(texts(page)).toEqual([
      'must 5+ years of management experience in retail, at least 2 of those running a store (in a store doing $15M+ a year)',
      'nice Grocery strongly preferred',
      'must Current ServSafe Food Protection Manager certification',
    ]);
  });

  it('reads an NHS person specification: its criteria under their headings, its checks and employer details no asks', () => {
    const nhs =
      'Counsellor\n\nPerson specification\n\nQualifications\nEssential criteria\n- Postgraduate diploma in counselling\nDesirable criteria\n- Additional training in IPT\n\n' +
      'Knowledge and skills\nEssential criteria\n- Routine use of outcome measures (PHQ-9, GAD-7)\nDesirable criteria\n- Ideally, experience within NHS Talking Therapies\n\n' +
      'Disclosure and Barring Service Check\nAn enhanced DBS check is required for this post.\n\nEmployer details\nEmployer name: Eastfield NHS Foundation Trust';
    expect(texts(nhs)).toEqual([
      'must Postgraduate diploma in counselling',
      'nice Additional training in IPT',
      'must Routine use of outcome measures (PHQ-9, GAD-7)',
      'nice experience within NHS Talking Therapies',
    ]);
  });

  it('reads whom a Russian post turns away, and what it says does not count, as no ask; a must-have it turns away without stays', () => {
    const post =
      'Клинический психолог\n\nЧто важно:\n' +
      '— высшее образование по клинической психологии. Это требование лицензии, поэтому профпереподготовку, к сожалению, рассмотреть не можем, даже очень хорошую.\n' +
      '— подготовка в КПТ от года. Пятидневные интенсивы, увы, не в счёт.\n' +
      '— опыт работы директором от 3 лет — обязательно, опыт заместителя директора не рассматриваем.\n' +
      '— Стажёров сейчас не берём.\n— Без медкнижки не рассматриваем.';
    expect(texts(post)).toEqual([
      'must высшее образование по клинической психологии',
      'must подготовка в КПТ от года',
      'must опыт работы директором от 3 лет — обязательно',
      'must Без медкнижки не рассматриваем',
    ]);
  });
});

describe('readPosting: titles below a page\'s crumbs, a channel\'s header or a Facebook page\'s', () => {
  it.each([
    ['Авито   Для бизнеса   Помощь\nИзбранное   Сообщения   Войти\n\nГлавная » Казань » Работа » Вакансии » Фитнес, салоны красоты » Тренер\n\nФитнес-тренер тренажёрного зала\n\nот 70 000 ₽ за месяц\n\nТребования:\n— опыт от 2 лет', 'Фитнес-тренер тренажёрного зала'],
    ['hh.ru  Екатеринбург\nВакансии   Резюме   Компании\nСоздать резюме   Войти\nГлавная / Вакансии / Строительство, недвижимость / Инженер-геодезист\n\nИнженер-геодезист (изыскания)\nот 120 000 ₽\n\nТребования:\n— опыт от 3 лет', 'Инженер-геодезист (изыскания)'],
    ['Хабр Карьера Вакансии Специалисты Компании Войти Вакансии / Разработка / Machine Learning / ML-инженер (рекомендательные системы) Лимонника Диджитал ML-инженер (рекомендательные системы) Зарплата от 350 000 до 480 000 ₽ на руки Требования: Python, SQL, опыт от 4 лет', 'ML-инженер (рекомендательные системы)'],
    ['Ясный берег | клиника психического здоровья\n4 812 подписчиков\n\n📌 Закреплённое сообщение\nЗапись на приём: @yasny_admin\n\nВАКАНСИЯ 🔥 Ищем клинического психолога во взрослое отделение\n\nЧто важно:\n— опыт от 3 лет', 'клинического психолога'],
    ["facebook\nSearch Facebook\nHome   Video   Marketplace   Groups\nIronbark Strength\n2.3K likes • 2.6K followers\nFollow   Message\n\nIronbark Strength\nNovember 17 at 9:12 AM · 🌎\n\n🚨 WE'RE HIRING 🚨\n\nOur team is growing and we're looking for a PERSONAL TRAINER for our Alder Crossing location.\n\nWhat you need:\n👉 CPR/AED", 'PERSONAL TRAINER'],
    ['Вакансии HoReCa Казань | Работа в ресторанах\n12 480 подписчиков\n\n🔥 ВАКАНСИЯ: КОНДИТЕР в кофейню-кондитерскую «Сахарный Клён»\n\nТребования:\n— опыт от года', 'КОНДИТЕР'],
    ['indeed Find jobs Company reviews Sign in What survey party chief Where Spokane Valley, WA Find jobs Date posted Pay Job type Survey Party Chief Cascade Benchline Surveying, Inc. 3.7 out of 5 stars Spokane Valley, WA 99216 $31 - $42 an hour - Full-time Apply now Full job description We need a party chief with 4 years of surveying.', 'Survey Party Chief'],
    // a channel's pinned line and the rule under its header
    ['Фарма Работа | НН и ПФО 💊\n12 483 подписчика\n\n📌 Закреплено: Правила канала и как разместить вакансию — читать тут 👆\n\n---\n\n🔥 ВАКАНСИЯ: Медицинский представитель (Rx + аптеки)\n📍 Нижний Новгород\n\n✅ Что обязательно:\n🎓 высшее медицинское образование', 'Медицинский представитель (Rx + аптеки)'],
    // hh.ru's menu pasted as one line before the title
    ['hh.ru Соискателям Работодателям Помощь Вакансии Резюме Компании Санкт-Петербург Войти Создать резюме Поиск работы Все вакансии Авиационный техник по ТО ВС (ПиД), RRJ-95 от 150 000 до 210 000 ₽ на руки ООО «Ладога Авиатехник» Требуемый опыт работы: 3–6 лет Требования: свидетельство (ФАП-147)', 'Авиационный техник по ТО ВС (ПиД), RRJ-95'],
    // Habr Career's crumbs end in a category; the company, then the title and its grade
    ['Хабр Карьера Вакансии Специалисты Компании Зарплаты Курсы Медиа Войти Регистрация Вакансии / Управление / Менеджер продукта Финмост Продакт-менеджер (платежи для малого бизнеса) Средний (Middle) Требуемые навыки Управление продуктом • Финтех • SQL Зарплата от 300 000 до 400 000 ₽', 'Продакт-менеджер (платежи для малого бизнеса)'],
    // Avito's header line over the ad
    ['Авито  Работа  Вакансии  Охрана, безопасность\n\nОхранник 4-6 разряда в ТЦ, график 2/2\n\nот 3 800 ₽ за смену\n\nТребования\nОпыт работы: Более 1 года', 'Охранник 4-6 разряда в ТЦ, график 2/2'],
    // a cookie banner and a menu line ("About us" in it is no heading) over "Home > Careers > …" crumbs
    ['We value your privacy\nWe use cookies to make our website work. Read our Cookie Policy.\nAccept all cookies   Reject non-essential   Cookie settings\n\nCalderbrook Security\nSkip to main content\nHome  Services  Sectors  About us  Careers  Contact us\n\nHome > Careers > Current vacancies > Security Officer – Corporate Headquarters\n\nSecurity Officer – Corporate Headquarters (Days & Nights)\n\nLocation: Leeds\n\nWhat you\'ll need\n• A valid SIA front-line licence', 'Security Officer'],
    // Indeed's flattened menu past "Find jobs", and a company with "&" and "LLC" after the role
    ['Skip to main content Indeed Home Company reviews Find salaries What Where Columbus, OH Find jobs Sign in Employers / Post Job Senior Tax Associate Hollister & Vance CPAs, LLC 4.1 out of 5 stars Columbus, OH 43215 Hybrid work $72,000 - $88,000 a year - Full-time Apply now Full job description Requirements: 3+ years preparing returns', 'Senior Tax Associate'],
  ])('titles %#', (text, title) => {
    expect(readPosting(text).title?.text).toBe(title);
  });
});

describe('readPosting: a channel post\'s «Что обязательно», a recruiter\'s sign-off, Avito\'s «Подробнее»', () => {
  it('reads «Что обязательно:» as the must-haves, and driving years as the licence\'s, not the work\'s', () => {
    const p = readPosting(
      '🔥 ВАКАНСИЯ: Медицинский представитель\n\n👀 Чем заниматься:\n▫️ визиты к педиатрам\n\n✅ Что обязательно:\n🎓 высшее медицинское или фармацевтическое образование\n💼 опыт работы медпредставителем от 1 года\n🚗 права категории B и реальный стаж вождения от 2 лет\n\n➕ Будет плюсом:\n▪️ опыт в педиатрии\n',
    );
    const must = p.requirements.filter((r) => r.importance === 'must');
    expect(must.map((r) => r.kind)).toEqual(['education', 'experience', 'licence']);
    expect(p.minYears).toBe(1);
    // a driver's own work is driving: its years are the job's
    expect(yearsAsked('Minimum 2 years of verifiable Class A driving experience')).toBe(2);
    expect(yearsAsked('стаж вождения категории CE от 3 лет')).toBe(3);
    // a profession's own schooling is a discipline the resume must show, not a kind any degree meets
    expect(p.education[0]).toMatchObject({ level: 'higher', discipline: 'медицинское или фармацевтическое' });
  });

  it('ends a recruiter\'s e-mail at its sign-off, and reads "Process:" and "Start:" as no asks', () => {
    const p = readPosting(
      'Hi Anna,\n\nWhat they need:\n- At least 2 years as a medical representative\n- Higher education in Medicine or Pharmacy\n\nNice to have:\n- Kazakh language\n\nProcess: short call with me > HR screening > final interview. Start: mid-January.\n\nKind regards,\n\nGulnara Abenova\nSenior Consultant, Life Sciences & Healthcare\nTalentBridge Search Central Asia\nKoktem Park Business Centre, office 1204\n',
    );
    const rows = p.requirements.map((r) => r.text);
    expect(rows).toEqual(['At least 2 years as a medical representative', 'Higher education in Medicine or Pharmacy', 'Kazakh language']);
    expect(p.education[0]).toMatchObject({ level: 'higher', discipline: 'Medicine or Pharmacy' });
  });

  it("reads Avito's «Подробнее» as the end of its fields, and a firm's \"Why people stay\" as its offer", () => {
    const avito = readPosting('Охранник\n\nТребования\nОпыт работы: Более 1 года\n\nПодробнее\n\nЧОО набирает охранников на ТЦ.\nОбъект спокойный, коллектив адекватный.\n\nЧто нужно от вас:\n▪️ удостоверение частного охранника\n');
    expect(avito.requirements.map((r) => r.text)).not.toContain('Объект спокойный');
    expect(avito.requirements.map((r) => r.text)).toContain('удостоверение частного охранника');
    const flat = readPosting('Senior Tax Associate. Requirements: Advanced Excel. Nice to have QuickBooks Online Why people stay Busy season capped at 55 hours, summer Fridays.');
    expect(flat.requirements.map((r) => r.text).join(' | ')).not.toMatch(/Fridays|people stay/);
  });

  it("reads a flattened Habr Career page: the title before the company's legal form, «Условия —» and «Как проходит отбор:» as no asks", () => {
    const habr =
      'Хабр Карьера Вакансии Специалисты Компании Зарплаты Образование Курсы Журнал Войти Регистрация Вакансии / Разработка / Встраиваемые системы Программист микроконтроллеров (Embedded C, STM32) ООО «Теплоавтоматика» · Приборостроение · 210 сотрудников от 250 000 ₽ на руки Описание вакансии Мы делаем контроллеры для котельных. Мы ожидаем — коммерческий опыт разработки под микроконтроллеры на C от 3 лет; — опыт разработки под FreeRTOS. Будет плюсом — CANopen или J1939. Условия — оформление по ТК РФ, белая зарплата; — ДМС со стоматологией после испытательного срока; — гибридный формат. Как проходит отбор: звонок с HR, техническое интервью. Тестовое задание по желанию. Откликнуться В избранное Пожаловаться Опубликована 12 ноября 2026 · 287 просмотров · 19 откликов Похожие вакансии Инженер-программист (Linux, C) АО «Радиосвязь» от 220 000 ₽';
    const p = readPosting(habr);
    expect(p.title?.text).toBe('Программист микроконтроллеров (Embedded C, STM32)');
    const rows = p.requirements.map((r) => `${r.importance} ${r.text}`);
    expect(rows).toEqual([
      'must коммерческий опыт разработки под микроконтроллеры на C от 3 лет',
      'must опыт разработки под FreeRTOS',
      'nice CANopen или J1939',
    ]);
    // («Опыт — от 3 лет» stays an ask: a dash makes a heading of a section's name only)
    expect(readPosting('Повар в ресторан. Требования: знание техкарт. Опыт — от 3 лет в ресторане. Образование — профильное.').requirements.map((r) => r.text)).toContain('Опыт — от 3 лет в ресторане');
  });

  it('reads «✅ Что ждём:» as the asks and a post\'s title without the emoji after it', () => {
    const p = readPosting('⚡🔧 ВАКАНСИЯ: ИНЖЕНЕР АСУ ТП 🔧⚡\n\n📌 Что делать:\n▫️ сопровождать АСУ ТП цехов\n\n✅ Что ждём:\n• опыт инженером АСУ ТП от 3 лет\n• уверенная работа в TIA Portal\n');
    expect(p.title?.text).toBe('ИНЖЕНЕР АСУ ТП');
    expect(p.requirements.filter((r) => r.importance === 'must').map((r) => r.text)).toEqual(['опыт инженером АСУ ТП от 3 лет', 'уверенная работа в TIA Portal']);
  });

  it("reads a flattened Indeed page searched from a UK place, and keeps a credential's name whole after its body's acronym", () => {
    const p = readPosting(
      "Skip to main content Indeed Home Company reviews Find salaries Sign in Employers / Post Job What: health and safety advisor Where: Leeds, West Yorkshire Find jobs Health & Safety Advisor – Construction (Yorkshire Region) Calderbrook Construction Ltd 3.7 out of 5 stars Leeds LS11 £42,000 - £48,000 a year Full job description Who we are: a main contractor building schools across Yorkshire and running eight live projects at a time with a small safety team. Requirements: NEBOSH National Certificate in Construction Health and Safety, or the NEBOSH National General Certificate together with clear construction experience – one of these is essential. A minimum of 3 years' experience working as a health and safety advisor in construction, ideally with a main contractor. Technical Membership of IOSH (Tech IOSH) as a minimum; Grad IOSH, CertIOSH or CMIOSH welcome. Authorization to work in the UK and the ability to be at our Hunslet office on Fridays. Nice to have: SMSTS. ISO 45001 internal auditor training.",
    );
    expect(p.title?.text).toBe('Health & Safety Advisor');
    const rows = p.requirements.map((r) => `${r.importance} ${r.text}`);
    expect(rows[0]).toBe('must NEBOSH National Certificate in Construction Health and Safety, or the NEBOSH National General Certificate together with clear construction experience – one of these is essential');
    // higher grades "welcome" are no must-have, and the right to work is no ask a resume shows
    expect(rows).toContain('nice Grad IOSH, CertIOSH or CMIOSH welcome');
    expect(rows.join(' | ')).not.toMatch(/Authorization/);
  });

  it('reads "BOTH X AND Y" as two asks where each side names its own skills, and "both" of one skill as one', () => {
    const p = readPosting(
      'Requirements:\n- Hands-on programming on BOTH platforms: Allen-Bradley Logix in Studio 5000 (ladder and structured text) AND Siemens S7-1200/1500 in TIA Portal\n- Comfortable with both front-end and back-end work in React\n',
    );
    expect(p.requirements.map((r) => r.text)).toEqual([
      'Hands-on programming on BOTH platforms: Allen-Bradley Logix in Studio 5000 (ladder and structured text)',
      'Siemens S7-1200/1500 in TIA Portal',
      'Comfortable with both front-end and back-end work in React',
    ]);
  });

  it("reads an NHS Jobs page: the title under the site's menu, «Essential» as a heading, a doctorate as an education ask", () => {
    const p = readPosting(
      'Skip to main content\nNHS Jobs\nSearch for jobs  |  Saved jobs  |  Sign in\nBack to search results\n\nClinical or Counselling Psychologist - Adult Community Mental Health Team\nHartmoor NHS Foundation Trust\n\nJob summary\n\nWe are recruiting a Band 7 psychologist.\n\nMain duties of the job\n\n- Provide psychological assessment and formulation\n\nPerson Specification\n\nQualifications\nEssential\nDoctorate in Clinical Psychology or Counselling Psychology\nCurrent registration with the HCPC as a Practitioner Psychologist\nDesirable\nEMDR training\n\nPhysical Demands\nStanding for long periods\n',
    );
    expect(p.title?.text).toBe('Clinical or Counselling Psychologist');
    const rows = p.requirements.filter((r) => r.kind !== 'duty').map((r) => `${r.importance} ${r.kind} ${r.text}`);
    expect(rows).toEqual([
      'must education Doctorate in Clinical Psychology or Counselling Psychology',
      'must licence Current registration with the HCPC as a Practitioner Psychologist',
      'nice skill EMDR training',
    ]);
    expect(p.education[0]?.level).toBe('doctorate');
  });

  it('reads the role of a careers page under a menu that names a heading ("Benefits"): a universal banker', () => {
    const p = readPosting(
      'Copperline Bank Careers\nSkip to main content\nSearch Jobs   Join Our Talent Community   Benefits   Login\n\n< Back to Search Results   Previous Job   Next Job >\n\nUniversal Banker II (SIE Required) - Easton Town Center\n\nJob Locations\nUS-OH-Columbus\n\nQualifications\n\n- 2+ years of cash handling experience as a bank teller\n',
    );
    expect(p.title?.text).toBe('Universal Banker II (SIE Required)');
  });

  it('reads no ask in what an employer turns away, what does not count, a condition of keeping the job and what to write in the reply', () => {
    const p = readPosting(
      'Qualifications:\n- 2+ years of cash handling experience as a bank teller. Retail or restaurant cashier experience alone does not meet this requirement.\n- Passed FINRA SIE exam. Copperline does not sponsor the SIE; candidates who have not yet passed it will not be considered for this requisition.\n- Within 120 days of hire you will be sponsored for the Series 6 and 63. Passing both is a condition of continued employment in this role.\n- Active PE license. EIT candidates will not be considered for this opening.\n- You will need to obtain Colorado licensure by comity within six months.\n- Dutch or German — nice, never required.\n\nТребования:\n— от 3 лет частной практики. Учебные часы, практика на курсах и волонтёрство в стаж не идут.\n— медкнижка обязательна. Без неё к смене не допустим.\n— регулярная супервизия. Напишите, у кого и как часто проходите.\n— обучение КПТ от года. Если учились в Институте Бека — супер.\n',
    );
    const rows = p.requirements.map((r) => `${r.importance} ${r.text}`);
    expect(rows.join(' | ')).not.toMatch(/does not meet|does not sponsor|will not be considered|condition of continued|never required|в стаж не идут|Без неё|Напишите/);
    expect(rows).toContain('must 2+ years of cash handling experience as a bank teller');
    expect(rows).toContain('must Active PE license');
    expect(rows).toContain('nice You will need to obtain Colorado licensure by comity within six months');
    expect(rows).toContain('nice Если учились в Институте Бека — супер');
    expect(rows).toContain('must медкнижка обязательна');
  });

  it('reads an hh.ru page pasted as one paragraph: the title past «Ищу работу Ищу сотрудников», no asks in its tail', () => {
    const p = readPosting(
      'hh.ru Самара Ищу работу Ищу сотрудников Помощь Войти Создать резюме Поиск вакансий Сетевой инженер от 180 000 ₽ на руки АО «Фарма» Самара Требуемый опыт работы: 3–6 лет Обязанности: администрирование сети. Требования: опыт работы сетевым инженером от 3 лет; знание OSPF и BGP. Ключевые навыки OSPF BGP Маршрутизация Английский язык — A2 — Элементарный Задайте вопрос работодателю Вам ответят в чате Где предстоит работать Самара, Московское шоссе, 43 Вакансия опубликована 27 ноября 2026',
    );
    expect(p.title?.text).toBe('Сетевой инженер');
    const rows = p.requirements.map((r) => r.text);
    expect(rows.join(' | ')).not.toMatch(/Элементарный|ответят в чате|Московское шоссе/);
    expect(rows).not.toContain('A2');
  });

  it("reads no ask in LinkedIn's save button named after the post", () => {
    const p = readPosting(
      'Dijkstra B.V.\nSenior Network Engineer\nRotterdam · 6 days ago · 74 applicants\nEasy Apply\nSave\nSave Senior Network Engineer at Dijkstra B.V.\n\nAbout the job\nWe run a port network.\n\nWhat you need to bring (must-have)\n- A valid CCNP Enterprise\n',
    );
    expect(p.requirements.map((r) => r.text)).toEqual(['A valid CCNP Enterprise']);
  });
});

describe('readPosting: degrees offered as alternatives', () => {
  it('reads "Qualification : BE/BTech, MCA, MCS" as one ask at the lowest level named', () => {
    const p = readPosting('Node JS Developer\nExperience : 3+ yrs\nSkills : Javascript, nodejs, mongodb\nQualification : BE/BTech, MCA, MCS\nJob Type : Full-time');
    const degrees = p.requirements.filter((r) => r.kind === 'education');
    expect(degrees).toHaveLength(1);
    expect(degrees[0]!.text).toBe('Qualification : BE/BTech, MCA, MCS');
    expect(degrees[0]!.education?.level).toBe('bachelor');
    expect(p.education).toHaveLength(1);
  });

  it('reads degrees on lines of their own under one heading as one ask, a degree\'s field after a dash with it', () => {
    const p = readPosting('Django Developer\nSkills Required : Python, Django, Flask\nQualifications\nBE / B.Tech Engineering - Computer Science / IT\nB.Sc. Computer Science');
    const degrees = p.requirements.filter((r) => r.kind === 'education');
    expect(degrees).toHaveLength(1);
    expect(degrees[0]!.education).toMatchObject({ level: 'bachelor', field: 'Computer Science / IT' });
    expect(p.requirements.some((r) => r.text === 'Computer Science / IT')).toBe(false);
  });

  it('keeps degrees asked differently apart: a bachelor\'s required and a master\'s preferred', () => {
    const p = readPosting("Data Analyst\nRequirements:\n- Bachelor's degree in Statistics\n- Master's degree preferred\n- SQL");
    const degrees = p.requirements.filter((r) => r.kind === 'education');
    expect(degrees.map((r) => [r.importance, r.education?.level])).toEqual([
      ['must', 'bachelor'],
      ['nice', 'master'],
    ]);
  });

  it('keeps a degree apart from a sentence that asks more than a degree', () => {
    const p = readPosting("Nurse\nRequirements:\n- Bachelor of Science in Nursing\n- Master's degree in Nursing Administration and five years leading a unit of twenty beds or more");
    expect(p.requirements.filter((r) => r.kind === 'education' || r.kind === 'experience').length).toBe(2);
  });
});

describe('readPosting: what a board says beside the asks', () => {
  it('asks nothing by the number of openings or by what is left for the interview', () => {
    const p = readPosting('Wordpress Developer\nMust have knowledge of OOPS Concepts.\nRest job profile will be discussed.\nExperience :\n2 to 3 Years\nPosition :\n6 Position\nLocation :\nAhmedabad');
    const rows = p.requirements.map((r) => r.text);
    expect(rows).not.toContain('6 Position');
    expect(rows.some((r) => /discussed/.test(r))).toBe(false);
    expect(rows).toContain('Must have knowledge of OOPS Concepts');
    // a flattened page runs the count and the remark together; "Rest" there is no REST
    const flat = readPosting('MERN Stack Developer Desired Candidate Profile Strong knowledge of React and Node.js. Number of Positions: 4 Rest of the details will be discussed in the interview. Education UG: B.Tech/B.E. in Any Specialization');
    expect(flat.requirements.some((r) => /Positions|discussed/.test(r.text) || r.skills.includes('rest'))).toBe(false);
    const ru = readPosting('Бухгалтер\nТребования:\n- знание 1С:Бухгалтерия\n- Детали обсудим на собеседовании\n- Количество вакансий: 2');
    expect(ru.requirements.map((r) => r.text)).toEqual(['знание 1С:Бухгалтерия']);
  });

  it("reads India's school levels: «Secondary(10th Pass)», «Higher Secondary(12th Pass)», a board's «Diploma»", () => {
    const p = readPosting('Data Entry Operator\nEducation:\nSecondary(10th Pass) (Preferred)\nHigher Secondary(12th Pass) (Required)\nDiploma (Preferred)');
    expect(p.requirements.map((r) => [r.kind, r.importance, r.education?.level])).toEqual([
      ['education', 'nice', 'secondary'],
      ['education', 'must', 'secondary'],
      ['education', 'nice', 'vocational'],
    ]);
  });

  it('reads "user experience" as a field, not as years of work', () => {
    const p = readPosting('Full Stack Developer\nRequirements:\n- user experience and user interface\n- Experience with React');
    expect(p.requirements.find((r) => r.text.startsWith('user experience'))?.kind).not.toBe('experience');
    expect(p.requirements.find((r) => r.text === 'Experience with React')?.kind).toBe('skill');
    expect(readPosting('Designer\nRequirements:\n- Experience in user experience design').requirements[0]?.kind).toBe('experience');
  });

  it('reads "Technical Requirement:" as a heading, not a row "Technical"', () => {
    const p = readPosting('PHP Developer\nRequirements:\nProficient understanding of Git\nTechnical Requirement: *\nExcellent knowledge of PHP, MySQL, JavaScript, JQuery, AJAX, XML.');
    expect(p.requirements.some((r) => r.text === 'Technical')).toBe(false);
    expect(p.requirements.find((r) => r.text === 'JQuery')?.skills).toEqual(['jquery']);
  });
});

describe('readPosting: a flattened Russian headline with its employer', () => {
  it('reads the title without the employer named by its legal form', () => {
    const p = readPosting('Бухгалтер по расчёту заработной платы ООО «СеверСтройМонтаж» Зарплата от 85 000 ₽ на руки Требуемый опыт работы: 3–6 лет Полная занятость, полный день Обязанности: начисление заработной платы на 350 сотрудников в 1С:ЗУП 3.1. Требования: опыт работы бухгалтером-расчётчиком от 3 лет; уверенное знание 1С:ЗУП.');
    expect(p.title?.text).toBe('Бухгалтер по расчёту заработной платы');
    // a payroll accountant's years are a payroll accountant's, not a structural engineer's
    expect(p.requirements.find((r) => r.years === 3)?.skills).toEqual(['payroll']);
  });
});
