import { describe, expect, it } from 'vitest';
import { fastestPair } from '@rc/testing/hostile';
import { findSkills, impliedSkills, skillById, skillIds, SKILLS } from './index.ts';

const named = (text: string) => findSkills(text).map((m) => `${m.id}=${text.slice(m.start, m.end)}`);
const ids = (text: string) => new Set(findSkills(text).map((m) => m.id));
/** Each skill named by its English words and by its Russian ones. */
const expectBothLanguages = (pairs: Array<[string, string, string]>) => {
  for (const [en, ru, id] of pairs) {
    expect(ids(en).has(id), en).toBe(true);
    expect(ids(ru).has(id), ru).toBe(true);
  }
};

describe('skill vocabulary', () => {
  it('has the common skills of every field the product serves, with Russian names', () => {
    const fields = new Set(SKILLS.map((s) => s.field));
    for (const f of ['software', 'data', 'accounting', 'medicine', 'driving', 'warehouse', 'sales', 'teaching', 'welding', 'hr', 'marketing']) {
      expect(fields).toContain(f);
      const russian = SKILLS.filter((s) => s.field === f && s.names.some((n) => /[а-я]/i.test(n)));
      expect(russian.length, f).toBeGreaterThanOrEqual(3);
    }
    expect(SKILLS.filter((s) => s.esco).length).toBeGreaterThan(50);
  });

  it('reads a skill list one skill at a time', () => {
    expect(named('Требования: Java 17+, Spring Boot, микросервисы, Kafka, PostgreSQL')).toEqual([
      'java=Java',
      'spring=Spring Boot',
      'microservices=микросервисы',
      'kafka=Kafka',
      'postgresql=PostgreSQL',
    ]);
    expect(skillIds('Java, C#, SQL, HTTPS, Apache, Eclipse')).toEqual(['java', 'csharp', 'sql', 'https', 'apache_http', 'eclipse']);
  });

  it('knows the aliases people write', () => {
    const same = (a: string, b: string) => expect(skillIds(a), `${a} / ${b}`).toEqual(skillIds(b));
    same('Postgres', 'PostgreSQL');
    same('JS', 'JavaScript');
    same('k8s', 'Kubernetes');
    same('1С:ЗУП', '«1С:Зарплата и управление персоналом»');
    same('1С: ЗУП', '1C ЗУП');
    same('1С:ЗУП 3.1', '1C:Salary and HR Management 3.1');
    same('НДС', 'VAT');
    same('ОСНО', 'general taxation system (OSNO)');
    same('компания на ОСН', 'ОСНО');
    same('списания в iiko', 'Айко');
    // (an abbreviation that is a word's stem is matched as written: «основы» is no ОСНО)
    expect(skillIds('знание основ доступности')).toEqual([]);
    same('РД', 'ручная дуговая сварка');
    same('опыт ручной дуговой сварки', 'SMAW');
    same('права категории CE', 'категория CE');
    // roles by their names in both languages, and the craft they practise
    const named = (id: string, ...texts: string[]) => texts.forEach((t) => expect(skillIds(t), t).toEqual([id]));
    named('cost_estimating', 'Инженер-сметчик', 'Lead Cost Estimator');
    named('law', 'опыт работы юристом', 'Legal Counsel');
    named('car_repair', 'Автослесарь', 'Automotive Technician');
    named('car_repair', 'ремонт ходовой', 'brake repair', 'a 6-bay independent repair shop');
    named('car_diagnostics', 'компьютерная диагностика', 'drivability concerns', 'OBD-II scan tools');
    named('litigation', 'сама веду дела в Арбитражном суде', 'Arbitrazh Court of Appeal', 'commercial litigation');
    named('edo', 'электронный документооборот', 'EDI with customers');
    named('product_marking', 'маркировка «Честный ЗНАК»', 'Chestny ZNAK labelling');
    named('retail_chains', 'работа с сетевыми покупателями', 'retail chains');
    named('customs_declaration', 'оформлял ДТ в Альте', 'customs broker');
    named('incoterms', 'базис поставки', 'Incoterms 2020');
    named('iac', 'Infrastructure as code', 'Pulumi');
    named('preschool_teaching', 'опыт работы воспитателем', 'Preschool teacher');
    named('childcare', 'няня', 'full-time nanny');
    named('active_directory', 'Entra ID', 'Active Directory');
    named('it_support', 'desktop support', 'ИТ-поддержка');
    named('customer_support', 'Customer Care Agent', 'специалист службы поддержки');
    named('sla', 'SLAs', 'response-time targets');
    named('qa', 'Тестировщик', 'Software Tester');
    named('test_design', 'составляла тест-кейсы', 'test cases');
    named('financial_planning', 'Финансовый аналитик', 'FP&A');
    named('financial_modeling', 'финансовая модель', 'Financial Modelling');
    named('graphic_design', 'Графический дизайнер', 'Graphic Designer');
    named('brand_identity', 'айдентика', 'brand identity');
    named('plumbing', 'Слесарь-сантехник', 'Journeyman Plumber');
    named('dental_hygiene', 'гигиенист стоматологический', 'Dental Hygienist');
    named('dental_assisting', 'ассистент стоматолога', 'Dental Assistant');
    named('front_desk', 'Администратор службы приёма и размещения', 'Front Desk Agent');
    named('hotel_pms', 'Opera PMS', 'Fidelio');
    named('night_audit', 'ночной аудит', 'Night Audit');
    named('forecasting', 'monthly reforecast', 'прогнозирование');
    named('retail', 'розничная торговля', 'retail');
    named('user_research', 'юзабилити-тестирование', 'usability testing');
    named('prototyping', 'прототипирование', 'interactive prototypes');
    named('design_systems', 'дизайн-система', 'design system');
    named('budgeting', 'I own the operating budget', 'бюджетирование');
    same('BSN', 'Bachelor of Science in Nursing');
    expect(skillIds('кат. CE')).toEqual(['driving_ce']);
    // a C listed after a category is the next category; C alone in a list of languages stays the language
    expect(skillIds('категории B или C')).toEqual(['driving_b', 'driving_c']);
    expect(skillIds('права категории B, C')).toEqual(['driving_b', 'driving_c']);
    expect(skillIds('Python, C and Go')).toContain('c');
    expect(skillIds('опыт работы на ричтраке')).toEqual(['forklift']);
    expect(skillIds('машинного обучения')).toEqual(['ml']);
    // marketing: targeted and search ads, video editing, in both languages
    expect(skillIds('опыт настройки таргета ВКонтакте')).toEqual(['targeted_ads']);
    expect(skillIds('таргет в VK Рекламе')).toEqual(['targeted_ads']);
    expect(skillIds('Key Account Manager (федеральные сети)')).toEqual(['account_management', 'retail_chains']);
    expect(skillIds('Бухгалтер по расчётам с поставщиками')).toEqual(['accounting', 'accounts_payable']);
    expect(skillIds('new-hire paperwork and I-9s; keep employee files')).toEqual(['kadrovoe']);
    expect(skillIds('voice picking headset and RF gun')).toEqual(['order_picking', 'rf_scanner']);
    expect(skillIds('Load and unload trucks')).toEqual(['shipping_receiving']);
    expect(skillIds('уверенная самостоятельная работа в Яндекс Директ')).toEqual(['search_ads']);
    expect(skillIds('умение снимать и монтировать видео на телефон')).toEqual(['video_editing']);
  });

  it('matches the longest name and never a part of a word', () => {
    expect(named('JavaScript and Java')).toEqual(['javascript=JavaScript', 'java=Java']);
    expect(named('C++ and C#, then C.')).toEqual(['cpp=C++', 'csharp=C#', 'c=C']);
    expect(named('ASP.NET Core')).toEqual(['dotnet=ASP.NET Core']);
    expect(skillIds('Javanese postgresqlish')).toEqual([]);
  });

  it('matches words that are also everyday words only as the product is written', () => {
    expect(skillIds('Go and Rust')).toEqual(['go', 'rust']);
    expect(skillIds('we go on, rust never sleeps, every spring')).toEqual([]);
    expect(skillIds('РД, рд')).toEqual(['smaw']);
    expect(skillIds('Canva and Figma')).toEqual(['canva', 'figma']);
    expect(skillIds('WebGL or canvas rendering; монтаж металлоконструкций')).toEqual([]);
  });

  it('does not run a name across a comma, a list break or a blank line', () => {
    expect(skillIds('machine, learning')).toEqual([]);
    expect(skillIds('Machine\nLearning')).toEqual([]);
    expect(skillIds('- machine\n- learning')).toEqual([]);
    expect(skillIds('machine\n\nlearning')).toEqual([]);
    expect(skillIds('machine,\nlearning')).toEqual([]);
    expect(skillIds('machine learning')).toEqual(['ml']);
  });

  it('reads microservice work from a monolith split into services, in English and Russian, not from any monolith', () => {
    expect(impliedSkills('Split a 600k-line settlement monolith into eleven services over two years')).toEqual(['microservices']);
    expect(impliedSkills('Moved from a monolith to microservices')).toEqual(['microservices']);
    expect(impliedSkills('Распилили монолит на 12 сервисов')).toEqual(['microservices']);
    expect(impliedSkills('Участвовал в распиле монолита')).toEqual(['microservices']);
    expect(impliedSkills('Migrated the monolith to Kubernetes.')).toEqual([]);
    expect(impliedSkills('Поддерживал монолит на Rails')).toEqual([]);
    expect(impliedSkills('Java, Spring, Kafka')).toEqual([]);
  });

  it('runs a name across a line wrapped inside a sentence, as a PDF leaves it', () => {
    expect(skillIds('a service at 20k requests per\nsecond')).toEqual(['highload']);
    expect(skillIds('built machine\r\n  learning pipelines')).toEqual(['ml']);
    const text = 'опыт разработки высоконагруженных\nсистем';
    const [m] = findSkills(text);
    expect(m?.id).toBe('highload');
    expect(text.slice(m!.start, m!.end)).toBe('высоконагруженных\nсистем');
  });

  it("reads a design engineer's tools and methods in both languages under one name each", () => {
    expect(skillIds('Расчёт размерных цепей методом максимума-минимума')).toEqual(['tolerance_stackup']);
    expect(skillIds('Experience performing tolerance stack-up analysis')).toEqual(['tolerance_stackup']);
    expect(skillIds('Do worst-case and statistical (RSS) stack-ups in a spreadsheet')).toEqual(['tolerance_stackup']);
    expect(skillIds('I model every day in SOLIDWORKS')).toEqual(['solidworks']);
    expect(skillIds('КОМПАС-3D, ЕСКД, SolidWorks PDM')).toEqual(['kompas_3d', 'eskd', 'plm']);
    expect(skillIds('Lead DFMEAs for new designs')).toEqual(['fmea']);
    // (a compass is no CAD system)
    expect(skillIds('Ориентируюсь по компасу')).toEqual([]);
  });

  it("names a trade's role the same in both languages, so a title in one meets a CV's headline in the other", () => {
    expect(skillIds('DevOps-инженер (Middle+/Senior)')).toEqual(['devops']);
    expect(skillIds('Site Reliability Engineer (DevOps)')).toEqual(['devops']);
    expect(skillIds('Специалист по планированию спроса')).toEqual(['demand_planning']);
    expect(skillIds('Demand Planning Analyst')).toEqual(['demand_planning']);
    expect(skillIds('took part in the monthly S&OP cycle')).toEqual(['sop']);
    expect(skillIds('Помощник руководителя')).toEqual(['executive_assistant']);
    expect(skillIds('Executive Assistant to the CEO')).toContain('executive_assistant');
    expect(skillIds('Медицинский регистратор (администратор)')).toEqual(['medical_reception']);
    expect(skillIds('Patient Services Representative / Lead Front Desk')).toContain('medical_reception');
  });

  it("names the tenth and eleventh checks' trades alike in both languages, and not their common words", () => {
    expectBothLanguages([
      ['consecutive interpreting at audits', 'устный последовательный перевод на аудитах', 'interpreting'],
      ['property claims adjuster', 'специалист по урегулированию убытков', 'claims_adjusting'],
      ['credit memos for small business loans', 'кредитные заключения по МСБ', 'credit_analysis'],
      ['balayage and babylights', 'балаяж и шатуш', 'hair_colouring'],
      ['corporate events and conferences', 'организация мероприятий', 'event_management'],
      ['social worker in adult social care', 'специалист по социальной работе', 'social_work'],
      ['HPLC assay and impurities', 'ВЭЖХ, определение примесей', 'hplc'],
      ['paid social in Meta Ads Manager', 'таргетированная реклама во ВК Реклама', 'paid_social'],
    ]);
    // a developer's words that the trades' names hold are none of them
    expect([...ids('Interpreter pattern; translated business requirements; machine setup; marketing collateral')]).toEqual([]);
    // a listing portal is no MLS
    expect(ids('ЦИАН и Авито').has('mls')).toBe(false);
  });

  it("names a store's P&L and a kitchen's food hygiene certificate, and no years ask by them", () => {
    for (const t of ['Genuine P&L ownership', 'Full P&L accountability for a $31M store', 'profit and loss', 'отчёт о прибылях и убытках']) {
      expect(ids(t).has('pnl'), t).toBe(true);
    }
    for (const t of ['Level 2 Food Hygiene certificate (Level 3 preferred)', 'Level 3 Food Safety in Catering (2022)', 'санминимум сдан']) {
      expect(ids(t).has('food_hygiene'), t).toBe(true);
    }
    // «опыт от 2 лет» of every Russian posting names no skill; nor do a kitchen's food safety audits name a certificate
    expect([...ids('опыт от 2 лет'), ...ids('Опыт работы')]).toEqual([]);
    expect(ids('Led food safety audits').has('food_hygiene')).toBe(false);
  });

  it("names the fifteenth check's trades alike in both languages, in their inflected forms, and not a collaborator or a UK check", () => {
    expectBothLanguages([
      ['EHS Engineer, occupational safety', 'специалист по охране труда', 'occupational_safety'],
      ['led 7 accident investigations', 'расследования несчастных случаев на производстве', 'accident_investigation'],
      ['firmware on STM32 and nRF52 under FreeRTOS', 'прошивки для микроконтроллеров под ОСРВ', 'mcu'],
      ['Hands-on RTOS experience: FreeRTOS or Zephyr', 'опыт разработки под операционных систем реального времени', 'rtos'],
      ['HMI/SCADA in WinCC and Ignition SCADA', 'мнемосхем в MasterSCADA 4D', 'hmi_scada'],
      ['Seller Central account, Sponsored Products', 'личный кабинет на Wildberries, внутренняя реклама маркетплейсов', 'marketplace_ads'],
      ['listing optimisation, A+ content', 'заполнение карточек товаров', 'product_listings'],
      ['office manager at a law firm', 'офис-менеджером в юридической фирме', 'office_management'],
    ]);
    // a microcontroller by its part number shows microcontrollers, as a resume writes them
    for (const t of ['ПО контроллера на STM32F407', 'gen-2 firmware on nRF52840', 'ESP32-S3 board']) expect(impliedSkills(t), t).toContain('mcu');
    expect(impliedSkills('PLC S7-1500 and a GD-32 cable')).not.toContain('mcu');
    // (a word's stems differ by its case: «охрана» and «охране» are both named)
    for (const t of ['охрана труда', 'по охране труда', 'охраны труда']) expect(ids(t).has('occupational_safety'), t).toBe(true);
    // a tech posting's collaborators, a UK vetting check and the seller's own couriers are none of them
    expect([...ids('bring engineers and product managers along'), ...ids('enhanced DBS check'), ...ids('Multi-drop or courier experience')]).toEqual([]);
  });

  it('names an event manager by the events they run in either language, and no «события» of other kinds', () => {
    expectBothLanguages([
      ['Corporate events producer', 'Продюсер корпоративных событий', 'event_management'],
      ['event manager at an agency', 'Агентство деловых событий «Паруса»', 'event_management'],
    ]);
    for (const t of ['опыт работы ивент-менеджером от 3 лет', 'организация деловых мероприятий']) expect(ids(t).has('event_management'), t).toBe(true);
    expect([...ids('события безопасности в SIEM'), ...ids('журнал событий Windows')]).not.toContain('event_management');
  });

  it("names a web developer's everyday tools, and a stack's name only in its capitals", () => {
    expectBothLanguages([
      ['jQuery and AJAX', 'вёрстка на джейквери', 'jquery'],
      ['MERN stack developer', 'разработчик на MERN-стеке', 'mern_stack'],
      ['MEAN stack', 'опыт с MEAN-стеком', 'mean_stack'],
    ]);
    for (const [t, id] of [['Webpack, Gulp', 'webpack'], ['npm packages', 'npm'], ['XML and XSLT', 'xml']] as const) expect(ids(t).has(id), t).toBe(true);
    expect([...ids('what we mean by ownership'), ...ids('the mean of the distribution')]).not.toContain('mean_stack');
    // REST by its capitals or with its API; "the rest of the team" is no skill
    for (const t of ['REST APIs in Express', 'a RESTful service', 'Rest API design']) expect(ids(t).has('rest'), t).toBe(true);
    for (const t of ['Rest of the details will be discussed', 'the rest of the team', 'rest breaks']) expect(ids(t).has('rest'), t).toBe(false);
  });

  it('tells a payroll accountant («бухгалтер-расчётчик») from a structural engineer («инженер-расчётчик»)', () => {
    for (const t of ['бухгалтер-расчётчик', 'Бухгалтер-расчетчик, участок зарплаты']) expect([...ids(t)], t).toEqual(['payroll']);
    for (const t of ['инженер-расчётчик металлоконструкций', 'Инженер-расчетчик']) expect(ids(t).has('structural_engineering'), t).toBe(true);
  });

  it('marks the credentials under their own names, and no tool or trade', () => {
    const credentials = SKILLS.filter((s) => s.credential).map((s) => s.id);
    expect(credentials).toEqual(expect.arrayContaining(['ccna', 'nebosh', 'finra_licence', 'pe_licence', 'alcohol_service']));
    for (const id of ['java', 'excel', 'welding', 'event_management']) expect(skillById(id)?.credential ?? false, id).toBe(false);
  });

  it('gives spans into the text', () => {
    const text = 'Опыт работы с Postgres от 2 лет';
    const [m] = findSkills(text);
    expect(text.slice(m!.start, m!.end)).toBe('Postgres');
    expect(skillById(m!.id)?.name).toBe('PostgreSQL');
  });

  it('reads hostile input in linear time', () => {
    // CPU time of this process, not the wall clock: on a loaded machine a long run is cut into many time slices
    // while a short one fits in one, so wall-clock ratios grow with the machine's load, not with the code's work.
    // Small and large runs interleaved, the fastest of five of each.
    const times = (small: string, big: string) => fastestPair(findSkills, small, big);
    for (const ch of ['@', '.', ',', 'a', 'я', '+', 'C++ ', 'Spring ', 'категория ']) {
      const small = ch.repeat(Math.ceil(20_000 / ch.length));
      const big = ch.repeat(Math.ceil(100_000 / ch.length));
      const [smallMs, ms] = times(small, big);
      expect(ms, ch).toBeLessThan(1000);
      // five times the input may not cost twenty-five times the time, as a quadratic scan would
      expect(ms, ch).toBeLessThan(Math.max(50, smallMs * 15));
    }
    for (const ch of ['monolith into ', 'split the ', 'монолит на ', 'распил ']) {
      const [smallMs, ms] = fastestPair(impliedSkills, ch.repeat(Math.ceil(20_000 / ch.length)), ch.repeat(Math.ceil(100_000 / ch.length)));
      expect(ms, ch).toBeLessThan(1000);
      expect(ms, ch).toBeLessThan(Math.max(50, smallMs * 15));
    }
  });
});
