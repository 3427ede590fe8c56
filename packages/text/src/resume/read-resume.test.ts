import { describe, expect, it } from 'vitest';
import { readResume, yearsWhere } from './index.ts';

const now = new Date('2026-11-15T12:00:00Z');
const read = (text: string) => readResume(text, { now });
const dates = (text: string) => read(`Experience\n${text}`).jobs.map((j) => [j.start, j.end]);

describe('dates as people write them', () => {
  it.each([
    ['2019 – present', { year: 2019 }, 'present'],
    ['03/2017–11/2020', { year: 2017, month: 3 }, { year: 2020, month: 11 }],
    ['Jan 2015 - Dec 2018', { year: 2015, month: 1 }, { year: 2018, month: 12 }],
    ['January 2015 to March 2016', { year: 2015, month: 1 }, { year: 2016, month: 3 }],
    ['Январь 2019 — по настоящее время', { year: 2019, month: 1 }, 'present'],
    ['03.2016–11.2018', { year: 2016, month: 3 }, { year: 2018, month: 11 }],
    ['2016-2018', { year: 2016 }, { year: 2018 }],
    ['с 2014 г. по 2017 г.', { year: 2014 }, { year: 2017 }],
    ['сентябрь 2012 — май 2014 (1 год 9 месяцев)', { year: 2012, month: 9 }, { year: 2014, month: 5 }],
    ['Март 2018 — настоящее время 5 лет 2 месяца', { year: 2018, month: 3 }, 'present'],
    ['2017 - н.в. водитель', { year: 2017 }, 'present'],
    ['05/2022 – н.в. | HR-бизнес-партнер', { year: 2022, month: 5 }, 'present'],
    ['Sept. 2010 – Jun. 2012', { year: 2010, month: 9 }, { year: 2012, month: 6 }],
    ['2019-03 – 2021-07', { year: 2019, month: 3 }, { year: 2021, month: 7 }],
    ['01/09/2021–Present  Data Scientist', { year: 2021, month: 9 }, 'present'],
    ['15.01.2019–31.08.2021', { year: 2019, month: 1 }, { year: 2021, month: 8 }],
    ['03/15/2016 - 06/30/2018', { year: 2016, month: 3 }, { year: 2018, month: 6 }],
    ['since 2020, Acme', { year: 2020 }, 'present'],
    ['2014–17 Acme', { year: 2014 }, { year: 2017 }],
    // two months of one year
    ['ООО «ТверьСтройМаркет», бухгалтерия, март–апрель 2019 г. — разноска первичных документов', { year: 2019, month: 3 }, { year: 2019, month: 4 }],
    ['Summer intern, June – August 2021', { year: 2021, month: 6 }, { year: 2021, month: 8 }],
    ['Winter job, December – February 2022', { year: 2021, month: 12 }, { year: 2022, month: 2 }],
  ])('%s', (text, start, end) => {
    expect(dates(text)).toEqual([[start, end]]);
  });

  it('joins a range a PDF broke over lines', () => {
    expect(dates('Октябрь 2021 —\nнастоящее время\nООО «Ромашка»')).toEqual([[{ year: 2021, month: 10 }, 'present']]);
    expect(dates('Acme Ltd Sep\n2022 – Present')).toEqual([[{ year: 2022, month: 9 }, 'present']]);
  });

  it('takes no range from a single date, a phone number or a backwards range', () => {
    expect(dates('Резюме обновлено 12 октября 2023')).toEqual([]);
    expect(dates('Tel: +7 (916) 2015-2018-11')).toEqual([]);
    expect(dates('2020 – 2015')).toEqual([]);
  });
});

describe('total years', () => {
  it('counts named months whole and overlaps once', () => {
    const f = read('Experience\nAcme, developer\n03/2017–11/2020\nBeta (part-time)\n01/2019–06/2019\nGamma\n12/2020 – 02/2021');
    // Mar 2017 – Feb 2021 without a gap: 48 months; the part-time job inside adds nothing
    expect(f.totalYears).toBe(4);
  });

  it('leaves gaps out and runs "present" to the end of the current month', () => {
    const f = read('Work experience\nJan 2010 - Dec 2011 Acme\nJan 2025 – present Beta');
    // Jan 2010 – Dec 2011 is 24 months, Jan 2025 – Nov 2026 is 23
    expect(f.totalYears).toBe(3.92);
  });

  it('is null without dated jobs, and education dates are not jobs', () => {
    expect(read('Опыт работы\nВодитель, без дат\nОбразование\n2008–2012 МГУ').totalYears).toBeNull();
  });

  it('reads jobs in a resume with no headings, but not its dated study', () => {
    const f = read('Петров П.П.\n2015 - 2020 водитель, ООО "Трансавто"\n2010 - 2014 Автотранспортный техникум');
    expect(f.jobs).toHaveLength(1);
    expect(f.totalYears).toBe(5);
  });

  it('skips dates inside a sentence of a job description', () => {
    const f = read('Experience\nJan 2018 – Dec 2019 Acme Ltd\nLed the migration of the billing platform that had been running on the old mainframe since the long project of 2001 – 2005 was finished by another team.');
    expect(f.jobs).toHaveLength(1);
  });
});

describe('jobs', () => {
  it("reads the role under a dates-only line before the employer's legal form, and a guard's hh.ru title past its industry", () => {
    const [job] = read('WORK EXPERIENCE\n\n04.2023 – present\nSecurity Officer, grade 4 – Private security company "Argus-M" (LLC), Moscow\nSite: business centre\n- Shift work 2/2').jobs;
    expect(job?.title).toBe('Security Officer');
    expect(job?.employer).toContain('Argus-M');
    const hh = read('Опыт работы — 9 лет\n\nМарт 2019 — Июль 2022\n3 года 5 месяцев\nЧОО «Вектор Безопасности»\nМосковская область\nОхрана, безопасность\n• Охранная деятельность\nОхранник 6 разряда\nОхрана логистического комплекса.');
    expect(hh.jobs[0]?.title).toBe('Охранник 6 разряда');
    // the industry's item in brackets, a blank line, then a title that runs on with its promotion
    const rep = read('Опыт работы — 10 лет 5 месяцев\n\nМарт 2020 — настоящее время\n6 лет 9 месяцев\nФармЛогистик-Волга\nНижний Новгород\nОптовая торговля\n• Лекарственные препараты, медицинские изделия (оптовая торговля)\n\nТорговый представитель по аптечному направлению, с 2023 — старший торговый представитель\nДистрибуция лекарственных препаратов в аптеки.');
    expect(rep.jobs[0]?.title).toBe('Торговый представитель по аптечному направлению, с 2023 — старший торговый представитель');
  });

  it('reads title and employer from the dated line', () => {
    const [job] = read('Experience\nSenior Developer, Acme Corp — Jan 2019 – present\n- Java').jobs;
    expect(job).toMatchObject({ title: 'Senior Developer', employer: 'Acme Corp' });
  });

  it('reads the role from its own line beside a dated line that names only the employer and its city', () => {
    const below = read(
      'Опыт работы\nс 04.2019 по настоящее время — ООО «Климат-Сервис Поволжье», г. Самара\nСервисный инженер по холодильному оборудованию\n- монтаж сплит-систем;\n\n' +
        '2011 – 2015 — ООО «Волжский Пивзавод», г. Самара\nСлесарь-ремонтник 4 разряда\n- ремонт насосов;',
    );
    expect(below.jobs.map((j) => [j.title, j.employer])).toEqual([
      ['Сервисный инженер по холодильному оборудованию', 'ООО «Климат-Сервис Поволжье»'],
      ['Слесарь-ремонтник 4 разряда', 'ООО «Волжский Пивзавод»'],
    ]);
    const above = read(
      'Work Experience\n\nPharmacy Clerk / Front Store Cashier\nValley Drug & Variety, Salem, OR — May 2024 to present\n- Ring up prescriptions\n\n' +
        'Cashier\nSalem Fresh Market, Salem, OR — 2022 to 2024\n- Register, returns',
    );
    expect(above.jobs.map((j) => [j.title, j.employer])).toEqual([
      ['Pharmacy Clerk / Front Store Cashier', 'Valley Drug & Variety'],
      ['Cashier', 'Salem Fresh Market'],
    ]);
    // the next entry's dated line below is no role, and a bakery is no baker
    const next = read('Опыт\n2018 — н.в. — сеть кафе-пекарен «Булочная», шеф-повар (3 точки)\n2014 – 2018 — ресторан «Кёнигсберг», повар\n');
    expect(next.jobs.map((j) => j.title)).toEqual(['шеф-повар (3 точки)', 'повар']);
  });

  it("reads a PDF whose two columns were merged line by line: the left column's heading and job, not the right column's text", () => {
    const f = read(
      'DEREK HOLT\nEXPERIENCE                                         SKILLS\nAccounts Payable Specialist                        SAP Business One\n' +
        'Crestline Foodservice Distributors — Springfield, OH    QuickBooks Enterprise\n09/2021 – present                                  Excel (pivot tables,\n' +
        '• Process 1,800 vendor invoices a month                  VLOOKUP, SUMIFS)\n',
    );
    expect(f.jobs.map((j) => j.title)).toEqual(['Accounts Payable Specialist']);
    // Europass sets the role right of the dates, past a wide gap: it stays the title
    const europass = read('WORK EXPERIENCE\n\n01/11/2021 – Present          Electrician for repair and maintenance of electrical equipment\n                              LLC "Uralmetiz-Service", Magnitogorsk\n');
    expect(europass.jobs[0]?.title).toBe('Electrician for repair and maintenance of electrical equipment');
    // and Russian roles of a site and of a contract service
    const ru = read('ОПЫТ РАБОТЫ\n\n2019.06 — н.в.\nООО «Исеть-Генстрой» (генподрядчик)\nПроизводитель работ\n• Руковожу работами\n\n2015.03 — 2019.05\nООО «УралЖилСтрой»\nМастер строительно-монтажных работ\n• Кладка\n');
    expect(ru.jobs.map((j) => j.title)).toEqual(['Производитель работ', 'Мастер строительно-монтажных работ']);
  });

  it('reads the title above a line that names only the city, not the city', () => {
    const f = read(
      'Work Experience:\nWordPress Developer - XYZ Company\nAhmedabad, India\nJune 2019 - Present\n- Developed custom WordPress plugins\n\n' +
        'WordPress Developer - ABC Agency\nAhmedabad, India\nJanuary 2018 - May 2019\n- Built themes\n',
    );
    expect(f.jobs.map((j) => [j.title, j.employer])).toEqual([
      ['WordPress Developer', 'XYZ Company'],
      ['WordPress Developer', 'ABC Agency'],
    ]);
  });

  it("keeps a bracket in a title whole, and closes up a bracket the dates were taken out of", () => {
    const f = read(
      'Experience\nData Engineer (started as Junior Data Engineer, promoted Jun 2020)          Jan 2019 – Mar 2022\nCorvane Retail Group\n- Wrote Python ingestion.\n\n' +
      'Seasonal Packer (5 months)   Jun 2015 – Oct 2015\n- Packed orders.',
    );
    expect(f.jobs.map((j) => j.title)).toEqual(['Data Engineer (started as Junior Data Engineer, promoted Jun 2020)', 'Seasonal Packer']);
  });

  it('reads an hh.ru entry: dates, length, employer, city, title', () => {
    const f = read(
      'Опыт работы —9 лет 8 месяцев\nИюнь 2021 —\nнастоящее время\n5 лет 6 месяцев\nСбер\nНижний Новгород, www.sberbank.ru\nВедущий Java-разработчик\nРазработка сервисов.\n' +
        'Март 2017 —\nМарт 2018\n1 год 1 месяц\nИнтернет-магазин «Техномир»\nПрограммист PHP\nПоддержка интернет-магазина на Bitrix.',
    );
    expect(f.jobs.map((j) => [j.employer, j.title])).toEqual([
      ['Сбер', 'Ведущий Java-разработчик'],
      ['Интернет-магазин «Техномир»', 'Программист PHP'],
    ]);
  });

  it("reads an hh.ru entry's title past the industry's own bulleted items", () => {
    const f = read(
      'Опыт работы — 4 года\n\nАпрель 2023 — по настоящее время\n2 года 9 месяцев\nГриль-бар «Угли и Соль»\nМосква\nРестораны, общественное питание, кейтеринг\n• Ресторан\nПовар горячего цеха\nРесторан на 90 посадочных мест.',
    );
    expect(f.jobs.map((j) => [j.employer, j.title])).toEqual([['Гриль-бар «Угли и Соль»', 'Повар горячего цеха']]);
  });

  it("reads a nurse's hh.ru title («Медицинская сестра палатная») past the employer's industry and its item", () => {
    const f = read(
      'Опыт работы — 11 лет 4 месяца\n\nСентябрь 2018 — по настоящее время\n8 лет 3 месяца\nГБСУ СО «Новоозёрский дом-интернат»\nНовоозёрск\nГосударственные организации\n• Социальное обслуживание\nМедицинская сестра палатная (постовая)\n— Сестринский уход за проживающими.',
    );
    expect(f.jobs.map((j) => [j.employer, j.title])).toEqual([['ГБСУ СО «Новоозёрский дом-интернат»', 'Медицинская сестра палатная (постовая)']]);
  });

  it("reads an hh.ru entry's title past the employer's industry line", () => {
    const f = read(
      'Опыт работы — 8 лет 2 месяца\nМарт 2021 — по настоящее время\n5 лет 9 месяцев\nТехноПлитка\nКазань, www.tehnoplitka.example\n' +
        'Оптовая торговля керамической плиткой и сантехникой\nВедущий специалист отдела снабжения\n' +
        'Закупка керамической плитки, керамогранита и сантехники у 40 поставщиков (Россия, Беларусь, Казахстан).\n',
    );
    expect(f.jobs.map((j) => [j.employer, j.title])).toEqual([['ТехноПлитка', 'Ведущий специалист отдела снабжения']]);
  });

  it('reads an entry under its dates with no length line by the line that names a role, above or below the employer', () => {
    const f = read(
      'Опыт работы\nМарт 2022 — по настоящее время\nГастробар «Печка и Погреб», Москва\nПовар горячего цеха\nГотовлю горячие блюда, веду заготовки.\n\n' +
        'Ноябрь 2019 — Февраль 2022\nМладший программист, НИИ «Гидроприбор-Сервис», Санкт-Петербург\nПоддержка учётной системы.\n\n' +
        'Октябрь 2018 — Октябрь 2019\nКафе «Хинкальная №1»\nЗаготовки, мойка.\n',
    );
    expect(f.jobs.map((j) => [j.employer, j.title])).toEqual([
      ['Гастробар «Печка и Погреб», Москва', 'Повар горячего цеха'],
      ['НИИ «Гидроприбор-Сервис», Санкт-Петербург', 'Младший программист'],
      [undefined, undefined],
    ]);
  });

  it("reads LinkedIn's export, whose employer stands above the title, by the line that names a role", () => {
    const f = read(
      'Experience\n\nTessaly\nSenior Customer Support Specialist\nApril 2022 - Present (2 years 8 months)\nWrocław, Poland (remote)\n- Handle 45–60 conversations a day\n\n' +
        'Kalendo Systems\nCustomer Support Agent, Tier 1 → Tier 2\nSeptember 2019 - March 2022 (2 years 7 months)\n- Phone and chat support',
    );
    expect(f.jobs.map((j) => [j.employer, j.title])).toEqual([
      ['Tessaly', 'Senior Customer Support Specialist'],
      ['Kalendo Systems', 'Customer Support Agent, Tier 1 → Tier 2'],
    ]);
    // a title over its employer stays so
    expect(read('EXPERIENCE\nStaff Nurse\nCity Hospital\n07/2017 – 02/2020\n• ICU care').jobs[0]).toMatchObject({ title: 'Staff Nurse', employer: 'City Hospital' });
  });

  it('keeps the title lines above the dates in the entry, and the description below', () => {
    const text = 'EXPERIENCE\nStaff Nurse\nCity Hospital\n07/2017 – 02/2020\n• ICU care\n\nCharge Nurse\nSt Mary\n03/2020 – present\n• Led a team';
    const f = read(text);
    expect(f.jobs.map((j) => j.text)).toEqual(['Staff Nurse\nCity Hospital\n07/2017 – 02/2020\n• ICU care\n\n', 'Charge Nurse\nSt Mary\n03/2020 – present\n• Led a team']);
    expect(f.jobs[0]).toMatchObject({ title: 'Staff Nurse', employer: 'City Hospital' });
    for (const j of f.jobs) expect(text.slice(j.span[0], j.span[1])).toBe(j.text);
  });

  it("keeps a stage of an entry, its dates in brackets inside the entry's own dates, in that entry", () => {
    const text =
      'Опыт работы\n05.2026 — по настоящее время\nПАО «Банк Приволжский», Самара\nОперационист (с 07.2026), до этого — стажёр (05.2026–06.2026)\n• Кассовые операции физлиц.\n\n09.2023 — 04.2026\nКофейня «Зерно», Самара\nБариста-кассир\n• Работа на кассе.';
    const f = read(text);
    expect(f.jobs.map((j) => [j.start, j.end])).toEqual([
      [{ year: 2026, month: 5 }, 'present'],
      [{ year: 2023, month: 9 }, { year: 2026, month: 4 }],
    ]);
    expect(f.jobs[0]!.text).toContain('Кассовые операции');
    // dates in brackets that are not inside the entry's are an entry of their own
    const apart = read(text.replace('(05.2026–06.2026)', '(01.2020–06.2021)'));
    expect(apart.jobs).toHaveLength(3);
  });
});

describe('yearsWhere', () => {
  it('unions the jobs whose text passes the predicate', () => {
    const f = read(
      'Опыт работы\nЯнварь 2015 — Декабрь 2017\nJava-разработчик\nJava, Spring\nЯнварь 2017 — Декабрь 2019\nPython-разработчик\nPython, Java\nЯнварь 2020 — Декабрь 2020\nМенеджер',
    );
    expect(yearsWhere(f, (t) => /java/i.test(t))).toBe(5);
    expect(yearsWhere(f, (t) => t.includes('Python'))).toBe(3);
    expect(yearsWhere(f, () => false)).toBe(0);
    expect(f.totalYears).toBe(6);
  });
});

describe('stated years', () => {
  it.each([
    ['Опыт работы —7 лет 3 месяца', 7.25],
    ['Backend engineer with 10+ years of experience in Java', 10],
    ['Общий стаж 12 лет', 12],
    ['Experience: five years in retail', 5],
    ['Опыт работы — 11 месяцев', 0.92],
  ])('%s', (line, years) => {
    expect(read(`Иван\n${line}\n`).statedYears).toBe(years);
  });

  it('takes the largest stated career, not a job length or an age', () => {
    expect(read('Мужчина, 35 лет\nОпыт работы —8 лет 2 месяца\n3 years of experience with Kafka').statedYears).toBe(8.17);
  });
});

describe('sections', () => {
  it('finds headings in both languages, hh.ru notes and inline headings', () => {
    const text = 'Иван\nОпыт работы —7 лет 3 месяца\n2019 – н.в. Acme\nTools: Jira, Git\nРазработка API\nОБРАЗОВАНИЕ\nМГУ\nKey skills\nJava\nLanguages: English B2';
    const names = read(text).sections.map((s) => s.name);
    expect(names).toEqual(['experience', 'skills', 'experience', 'education', 'skills', 'languages']);
  });

  it('reads headings the table does not list by their key word', () => {
    const names = read('Clinical experience\nJan 2019 – present Acme\nEducation and qualifications\nBA (Hons) Accounting, 2006 – 2009').sections.map((s) => s.name);
    expect(names).toEqual(['experience', 'education']);
  });

  it('keeps a heading a PDF repeats ("Experience (continued)") in the same kind of section', () => {
    const f = read('Experience\nJan 2019 – present Acme\nEducation\nBSc Physics\nExperience (continued)\nJan 2010 – Dec 2012 Beta');
    expect(f.jobs).toHaveLength(2);
  });

  it('lists the skills lines', () => {
    const text = 'Skills\nJava, Kotlin\n• Docker\n\nEducation\nBSc';
    const f = read(text);
    expect(f.skillsLines.map((s) => text.slice(s.start, s.end))).toEqual(['Java, Kotlin', 'Docker']);
  });
});

describe('education', () => {
  it.each([
    ['Education\nBSc (Hons) in Computer Science, University of Sheffield, 2013 – 2016', 'bachelor', 'Computer Science'],
    ['Образование\nВысшее образование (Магистр)\n2014 ВГУ', 'master', undefined],
    ['Образование\nНовосибирский автотранспортный колледж, 2009 - 2012', 'vocational', undefined],
    ['Education\nPhD in Chemistry, ETH Zürich', 'phd', 'Chemistry'],
    ['Education\nJoliet West High School, diploma 2007', 'secondary', undefined],
    ['Образование\n2010–2015 СПбГУ, специалист, «Психология»', 'master', undefined],
    ['Образование\nНеоконченное высшее', null, undefined],
    ['Образование\nКубГУ, факультет романо-германской филологии, «Лингвистика», 2019', 'bachelor', undefined],
    ['Опыт работы — 9 лет\nОбразование: РЭУ им. Г. В. Плеханова, маркетинг, 2015\nЯзыки: английский — B2', 'bachelor', undefined],
    ['Образование\nМГТУ им. Н. Э. Баумана, 2012', 'bachelor', undefined],
    // a study under way is no degree held, the school finished to enter it is
    ['ОБРАЗОВАНИЕ\n2024 – по настоящее время\nСибирский государственный университет путей сообщения, заочно\nНаправление «Технология транспортных процессов», сейчас 3 курс', 'secondary', undefined],
    ['Education: B.S. Integrative Physiology, University of Colorado Boulder (expected 2028)', 'secondary', undefined],
    ['Образование\n2023 — н. в. СамГТУ, «Информатика», заочно, 3 курс\n2023 — Самарский колледж связи, диплом техника', 'vocational', undefined],
    ['Education\nCare Certificate (2022) · NVQ Level 2 Health and Social Care (2024), Level 3 in progress', 'vocational', undefined],
    ['Образование\n2013 – 2017 КФУ, бакалавр, «Экономика»\n2021 Курс «Аналитик данных», Яндекс Практикум', 'bachelor', undefined],
    // India's degrees by their abbreviations
    ['Education\nM.Tech, Computer Science (Computer Vision), IIT Bombay, 2021\nB.E. Electronics, University of Pune, 2019', 'master', undefined],
    ['Education\nB.Tech in Computer Science, VIT, 2018', 'bachelor', 'Computer Science'],
    ['Education\nMCA, Gujarat Technological University, 2017', 'master', undefined],
    // a medical academy is a university; a doctor of medicine's degree is above a bachelor's
    ['EDUCATION\nPrivolzhsk State Medical Academy, Nizhny Novgorod - General Medicine, 2012 - 2018', 'bachelor', undefined],
    ['Education\nMBBS, Grant Medical College, Mumbai, 2016', 'master', undefined],
  ])('%s', (text, level, field) => {
    const f = read(text);
    expect(f.educationLevel).toBe(level);
    if (field) expect(f.education[0]?.field).toBe(field);
  });

  it('takes a plainly named degree outside an education section, and not a Scrum Master', () => {
    expect(read('Summary\nCertified Scrum Master with a Master of Science in Physics').educationLevel).toBe('master');
    expect(read('Summary\nCertified Scrum Master, ten years in retail').educationLevel).toBeNull();
  });

  it("takes India's \"BE\" by its capitals and what follows it, in a summary or an education section, and not the verb", () => {
    expect(read('Summary:\nExperienced Django developer with over 2 years in web services. BE in Computer Science Engineering.').educationLevel).toBe('bachelor');
    expect(read('Education\nBE (Mechanical), Anna University, 2015').educationLevel).toBe('bachelor');
    expect(read('Education\nBE - IT, Pune University, 2016').educationLevel).toBe('bachelor');
    expect(read('Summary:\nI want to BE in London next year and to be in a team that ships.').educationLevel).toBeNull();
    expect(read('Summary:\nData scientist. Possesses a Masters\'s degree in Mathematics.').educationLevel).toBe('master');
    // (at the end of a summary written as one long paragraph)
    const long = `Summary:\nData Scientist with over 12 years of experience. ${'Skilled in R, Python and SQL to manipulate large data sets. '.repeat(10)}Possesses a Master's degree in Mathematics.`;
    expect(read(long).educationLevel).toBe('master');
  });
});

describe('languages', () => {
  it('reads hh.ru, Europass-like and plain lists with their levels', () => {
    const f = read('Знание языков\nРусский — Родной\nАнглийский — B2 — Средне-продвинутый\nнемецкий — базовый');
    expect(f.languages.map((l) => [l.name, l.level])).toEqual([['Russian', 'native'], ['English', 'B2'], ['German', 'A1']]);
    const g = read('Languages: English (native), Spanish (upper-intermediate), French');
    expect(g.languages.map((l) => [l.name, l.level])).toEqual([['English', 'native'], ['Spanish', 'B2'], ['French', undefined]]);
    // Europass: the language on its line, its levels on the next
    const e = read('LANGUAGE SKILLS\n\nMother tongue(s): Polish\n\nOther language(s):\n\nEnglish\nUnderstanding Listening B2 Reading C1 Speaking Spoken production B2\n\nGerman\nUnderstanding Listening A2 Reading A2');
    expect(e.languages.map((l) => [l.name, l.level])).toEqual([['Polish', 'native'], ['English', 'B2'], ['German', 'A2']]);
    // a language named as not spoken is none
    const h = read('ЯЗЫКИ\nРусский – родной.\nАнглийский – не владею (школьная программа, на уровне отдельных слов).');
    expect(h.languages.map((l) => l.name)).toEqual(['Russian']);
  });

  it('outside a languages section, needs a level next to the language', () => {
    expect(read('Summary\nFluent English and German').languages.map((l) => l.name)).toEqual(['English', 'German']);
    expect(read('Experience\n2019 – 2021 Russian Railways, engineer').languages).toEqual([]);
  });
});

describe('licences', () => {
  it('reads "cat. B" as a driving category, and a "Credentials & exams" heading as no licence of its own', () => {
    const f = read('OTHER\nDriving licence cat. B since 2014, own car\n\nCREDENTIALS & EXAMS\n• PTIN holder since 2022');
    expect(f.licences.find((l) => l.kind === 'driving')?.categories).toEqual(['B']);
    expect(f.licences.map((l) => l.name)).not.toContain('CREDENTIALS & EXAMS');
  });

  it('reads driving categories in both scripts, НАКС and certificates', () => {
    const f = read('Водитель\nПрава категории В, С, СЕ\nАттестация НАКС: РД, РАД\nCertifications\nAWS Certified Solutions Architect');
    expect(f.licences.map((l) => [l.kind, l.categories ?? null])).toEqual([
      ['driving', ['B', 'C', 'CE']],
      ['naks', null],
      ['certificate', null],
    ]);
  });

  it("reads a tractor driver's or forklift licence with its categories as a certificate, not a driving licence", () => {
    const f = read('Водитель погрузчика\nУдостоверение тракториста-машиниста категории «C» (2017)\nВодительские права категории B');
    expect(f.licences.map((l) => [l.kind, l.categories ?? null])).toEqual([
      ['certificate', null],
      ['driving', ['B']],
    ]);
  });

  it("takes no licence from a PDF's page footer, and ends the certifications at a heading of talks", () => {
    const f = read(
      'CERTIFICATIONS\nSnowPro Core Certification, Snowflake — 2023\n\nTALKS AND OTHER\n"Forty cron jobs and a funeral" — Denver Data Meetup, Nov 2023\n\nPriya N. — page 2 of 2',
    );
    expect(f.licences.map((l) => l.name)).toEqual(['SnowPro Core Certification, Snowflake — 2023']);
  });

  it('reads a driving licence named plainly outside a licences section, without its categories', () => {
    const f = read('Daniel O\nProject Manager\n\nOther\nValid California driver\'s license.');
    expect(f.licences.map((l) => [l.kind, l.categories ?? null])).toEqual([['driving', []]]);
  });

  it('takes no licence from a line that says the person has none', () => {
    const f = read('Обо мне\nВодительского удостоверения нет, поездки по городу — на такси.\n\nOther\nNo driver\'s license yet.\nВодительские права категории B');
    expect(f.licences.map((l) => [l.kind, l.categories ?? null])).toEqual([['driving', ['B']]]);
    // (a licence line that says some other thing was not done still names the licence held)
    const driver = read('Водитель\nПрава категории C, CE. На международных рейсах не работал.');
    expect(driver.licences.map((l) => [l.kind, l.categories ?? null])).toEqual([['driving', ['C', 'CE']]]);
  });

  it('takes no licence from a job duty or A/B tests', () => {
    const f = read('Experience\n2019 – 2021 Quality engineer\nPrepared certificates of conformity; driving A/B tests');
    expect(f.licences).toEqual([]);
  });
});

describe('contacts', () => {
  it('finds e-mails, phones, links, handles and address lines', () => {
    const text = 'Ivan Petrov\nivan.petrov@java.dev | +7 (916) 123-45-67 | github.com/ipetrov | tg @ivan_petrov\nАдрес: г. Тула, ул. Болдина, 12\nPhone: 8 903 211 45 67';
    const f = read(text);
    expect(f.contactSpans.map((c) => [c.kind, text.slice(c.start, c.end)])).toEqual([
      ['email', 'ivan.petrov@java.dev'],
      ['phone', '+7 (916) 123-45-67'],
      ['link', 'github.com/ipetrov'],
      ['handle', '@ivan_petrov'],
      ['address', 'Адрес: г. Тула, ул. Болдина, 12'],
      ['phone', '8 903 211 45 67'],
    ]);
  });

  it('does not take years in a row for a phone number', () => {
    expect(read('Experience\n2015-2018 2019-2020 Acme').contactSpans).toEqual([]);
  });
});

describe('readResume: an hh.ru-style entry under «Опыт работы 10 лет 3 месяца»', () => {
  const text = `Мельникова Ольга
Ассистент ветеринарного врача

Опыт работы 10 лет 3 месяца

Ассистент ветеринарного врача (стационар и хирургия)
Круглосуточная ветеринарная клиника «Юго-Запад Вет», Москва
Февраль 2021 — по настоящее время (5 лет 9 месяцев)
— Ставлю периферические катетеры кошкам и собакам, веду стационар на 14 мест.
— Ультразвуковая санация ротовой полости под общим наркозом (с 2023 года самостоятельно, врач проверяет результат).

Лаборант клинико-диагностической лаборатории
Городская поликлиника № 214, Москва
Сентябрь 2016 — Январь 2021 (4 года 5 месяцев)
— Общий анализ крови и мочи, мазки.

Образование
Высшее

Водительское удостоверение: категория B, стаж вождения 14 лет`;
  const r = readResume(text, { now });

  it('reads the heading with its length as the section, so each entry has its title above the employer and dates', () => {
    expect(r.jobs.map((j) => j.title)).toEqual(['Ассистент ветеринарного врача (стационар и хирургия)', 'Лаборант клинико-диагностической лаборатории']);
  });

  it('reads no job from a bullet that says since when inside its sentence, and no work years from a driving record', () => {
    expect(r.jobs).toHaveLength(2);
    expect(r.statedYears).toBeCloseTo(10.25, 1);
  });
});

describe("readResume: a LinkedIn export's producer", () => {
  it('reads the employer over a title that names a producer', () => {
    const r = readResume(
      `Dana Ruiz
Experience
Brightwater Collective
Senior Producer, Live Experiences
January 2022 - Present (4 years 11 months)
Dallas, Texas, United States
I lead programs for SaaS clients.`,
      { now },
    );
    expect(r.jobs[0]?.title).toBe('Senior Producer, Live Experiences');
    expect(r.jobs[0]?.employer).toBe('Brightwater Collective');
  });
});

describe("readResume: a job's bullets that carry years of their own", () => {
  it("reads no job from a project's years in brackets, nor from a sentence that runs on into its year", () => {
    const r = read(`Tyler Brandt
Controls Engineer

EXPERIENCE

Controls Engineer II – Three Rivers Integration, Inc., Fort Wayne, IN
Aug 2021 – present
Rockwell-only integrator, 35 people, municipal water/wastewater and food & beverage.
- City water treatment plant upgrade (2023–2024): replaced 6 SLC 5/05 panels with
  CompactLogix 5380 and a new FactoryTalk View SE system
- Drive ~30,000 km a year between sites (category B licence since 2012)
- Wrote our company template for PowerFlex drive faceplates and AOIs, used on every job since 2024

Electrical Engineering Co-op – Hoosier Packaging Systems, Elkhart, IN
May 2019 – Aug 2019
- Panel build support, I/O checkout`);
    expect(r.jobs.map((j) => j.title)).toEqual(['Controls Engineer II', 'Electrical Engineering Co-op']);
    // (a job listed as a bullet of its own still is one)
    const listed = read(`Experience
- Sales assistant, Hollis Books (2015–2017): tills, stock, customer orders
- Barista, Good Grind Coffee (2017–2019)`);
    expect(listed.jobs).toHaveLength(2);
  });

  it("reads an hh.ru job's title past its employer's industries on one line, set apart by bullets", () => {
    const r = read(`Опыт работы — 7 лет 2 месяца

Октябрь 2021 — по настоящее время
5 лет 2 месяца
ООО «Балтийские системы управления»
Санкт-Петербург, www.balt-su.example
Электроника, приборостроение, бытовая техника • Промышленное оборудование, электрооборудование (производство)
Ведущий инженер-программист
Шкафы управления насосными станциями, своя линейка контроллеров.`);
    expect(r.jobs[0]?.title).toBe('Ведущий инженер-программист');
  });

  it("reads a CV's current post and earlier experience, each entry's title on its dates' line or above them", () => {
    const r = read(`Dr Jane Doe
Clinical Psychologist

CURRENT POST
Clinical Psychologist (Band 7)                                      Jan 2023 – present
Adult CMHT, Westmere Partnership NHS Trust
• Caseload of 16–18 adults.

Clinical Psychologist (Band 7)                                      Oct 2020 – Dec 2022
Early Intervention in Psychosis Team
• CBTp for people aged 18–65.

TRAINING AND QUALIFICATIONS
Doctorate in Clinical Psychology (DClinPsy)                                2017 – 2020
University of Leeds

EARLIER EXPERIENCE
Assistant Psychologist – Acute Adult Inpatient Wards, Westmere Partnership NHS Trust
Sep 2015 – Aug 2017
Psychology groups on the ward.

Support Worker – Thornfield Supported Housing, Leeds
Sep 2013 – Aug 2015

PROFESSIONAL MEMBERSHIPS
HCPC Practitioner Psychologist (Clinical), registered since October 2020`);
    expect(r.jobs.map((j) => j.title)).toEqual(['Clinical Psychologist (Band 7)', 'Clinical Psychologist (Band 7)', 'Assistant Psychologist', 'Support Worker']);
    expect(r.education.map((e) => e.level)).toContain('phd');
  });
});
