/** How much a requirement's words matter for coverage: skill names most, the generic vocabulary of job ads least. */
import { findSkills, impliedSkills, SKILL_TERMS, stem } from '@rc/text';

/** Words every job ad uses around the skills; a resume that lacks "production" still covers "Docker in production". */
const GENERIC_WORDS = {
  en: `develop development developer design build team product production system project application service solution
  environment process tool technology practice code coding software engineer engineering modern large high scale
  commercial company business client customer based related various best quality fast complex write support implement
  implementation maintain create ensure across environment platform framework principle concept task plus
  understanding hands end`.split(/\s+/),
  ru: `разработка разработчик разрабатывать проект продукт система сервис команда решение инструмент технология
  коммерческий бизнес клиент задача процесс код программный обеспечение создание поддержка принцип современный
  высокий написание платформа фреймворк понимание продакшн`.split(/\s+/),
};

const GENERIC = new Set([
  ...GENERIC_WORDS.en.map((w) => stem(w, 'en')),
  ...GENERIC_WORDS.ru.map((w) => stem(w, 'ru')),
]);

export const SKILL_FACTOR = 1.5;
/** Terms that stand for a vocabulary skill under any of its names ("skill:postgresql" for Postgres, PostgreSQL). */
export const SKILL_TERM_PREFIX = 'skill:';
export const GENERIC_FACTOR = 0.35;

export function termFactor(term: string): number {
  if (term.startsWith(SKILL_TERM_PREFIX) || SKILL_TERMS.has(term)) return SKILL_FACTOR;
  if (GENERIC.has(term)) return GENERIC_FACTOR;
  return 1;
}

/**
 * A skill that shows a broader one: "GitLab CI/CD" shows CI/CD, "Power BI" shows a BI system, PostgreSQL shows SQL.
 * Only for the resume side: a posting that asks for SQL is met by PostgreSQL, one that asks for PostgreSQL is not
 * met by SQL.
 */
export const SHOWS: Readonly<Record<string, readonly string[]>> = {
  // (and a GitHub or GitLab pipeline runs on Git)
  gitlab_ci: ['cicd', 'git'],
  github_actions: ['cicd', 'git'],
  jenkins: ['cicd'],
  postgresql: ['sql'],
  mysql: ['sql'],
  mssql: ['sql'],
  django: ['python'],
  fastapi: ['python'],
  flask: ['python'],
  spring: ['java'],
  react: ['javascript'],
  // Next.js and Redux are React's
  nextjs: ['react', 'javascript'],
  redux: ['react'],
  vue: ['javascript'],
  angular: ['javascript'],
  typescript: ['javascript'],
  // Terraform and Ansible are infrastructure as code
  terraform: ['iac'],
  ansible: ['iac'],
  // a warehouse is queried in SQL, dbt models are SQL, and an orchestrator's DAGs are Python pipelines
  snowflake: ['sql', 'dwh'],
  bigquery: ['sql', 'dwh'],
  redshift: ['sql', 'dwh'],
  clickhouse: ['sql'],
  dbt: ['sql', 'etl'],
  airflow: ['python', 'etl'],
  dagster: ['python', 'etl'],
  pandas: ['python'],
  databricks: ['spark'],
  power_bi: ['bi'],
  tableau: ['bi'],
  // a model built with scikit-learn, XGBoost or PyTorch is machine learning
  sklearn: ['ml'],
  gradient_boosting: ['ml'],
  pytorch: ['ml', 'dl'],
  tensorflow: ['ml', 'dl'],
  dl: ['ml'],
  nlp: ['ml'],
  // a test framework's user writes tests
  junit: ['unit_testing'],
  jest: ['unit_testing'],
  pytest: ['unit_testing'],
  mockito: ['unit_testing'],
  testcontainers: ['unit_testing'],
  // an Excel, Office, 1C or CRM user is a PC user
  excel: ['pc_literacy'],
  ms_office: ['pc_literacy'],
  crm: ['pc_literacy'],
  '1c_accounting': ['pc_literacy'],
  '1c_zup': ['pc_literacy'],
  '1c_ut': ['pc_literacy'],
  '1c_erp': ['pc_literacy'],
  // a UI test framework's user automates tests, and test automation, test cases and bug reports are QA work
  selenium: ['test_automation', 'qa'],
  playwright: ['test_automation', 'qa'],
  cypress: ['test_automation', 'qa'],
  test_automation: ['qa'],
  test_design: ['qa'],
  bug_reporting: ['qa'],
  // a hygienist, a dental assistant and dental X-rays work in dentistry
  dental_hygiene: ['dentistry'],
  dental_assisting: ['dentistry'],
  dental_radiography: ['dentistry'],
  // Diadoc and SBIS are electronic document exchange
  diadoc: ['edo'],
  sbis: ['edo'],
  // desktop support is help-desk work
  it_support: ['customer_support'],
  // a declarant clears goods through customs
  customs_declaration: ['customs'],
  // a car diagnosed is a car repaired
  car_diagnostics: ['car_repair'],
  prometheus: ['observability'],
  grafana: ['observability'],
  // a driving licence of a category is driving, under the rules of the road
  driving_b: ['driving', 'traffic_rules'],
  driving_c: ['driving', 'traffic_rules'],
  driving_ce: ['driving', 'traffic_rules'],
  driving_d: ['driving', 'traffic_rules'],
  // a Siemens, Rockwell, CODESYS or Russian controller's programmer programs PLCs
  tia_portal: ['siemens_plc', 'plc'],
  siemens_plc: ['plc'],
  rockwell_plc: ['plc'],
  codesys: ['plc'],
  ru_plc: ['plc'],
  acad_electrical: ['autocad'],
  // a seller on Wildberries, Ozon, Yandex Market or Amazon works on marketplaces
  wildberries: ['marketplaces'],
  ozon: ['marketplaces'],
  yandex_market: ['marketplaces'],
  amazon_seller: ['marketplaces'],
  // firmware on a microcontroller or an RTOS is embedded work
  mcu: ['embedded'],
  rtos: ['embedded'],
  // a safety qualification, RIDDOR reports, accident investigations, SOUT and ISO 45001 are occupational safety work
  nebosh: ['occupational_safety'],
  iosh: ['occupational_safety'],
  riddor: ['occupational_safety'],
  cdm: ['occupational_safety'],
  accident_investigation: ['occupational_safety'],
  sout: ['occupational_safety'],
  iso_45001: ['occupational_safety'],
  lockout_tagout: ['occupational_safety'],
  // routing protocols, a network vendor's gear and firewalls are network work; a CCNP holder has passed the CCNA's level
  bgp: ['networking'],
  ospf: ['networking'],
  cisco_networking: ['networking'],
  ru_network_vendors: ['networking'],
  juniper: ['networking'],
  firewalls: ['networking'],
  network_engineering: ['networking'],
  ccnp: ['ccna'],
  // a teller's drawer is cash handling
  bank_teller: ['cash_register'],
  // a structural analysis program's user designs structures
  etabs_sap: ['structural_engineering'],
  lira_scad: ['structural_engineering'],
};

/**
 * Products that stand in for one another: a resume that shows one of a group shows an ask for another in part (a
 * Primavera P6 scheduler for "MS Project", Vue for React, MySQL for PostgreSQL, Azure for AWS): the same work in
 * another product, which a recruiter reads as partly met, not as missing.
 */
export const PEERS: readonly (readonly string[])[] = [
  ['ms_project', 'primavera'],
  ['react', 'vue', 'angular'],
  ['wildberries', 'ozon', 'yandex_market'],
  ['siemens_plc', 'rockwell_plc', 'codesys', 'ru_plc'],
  ['eplan', 'acad_electrical'],
  ['quickbooks', 'xero'],
  ['postgresql', 'mysql', 'mssql', 'oracle_db'],
  ['aws', 'azure', 'gcp'],
  ['jenkins', 'gitlab_ci', 'github_actions'],
  ['tableau', 'power_bi', 'looker', 'superset'],
  ['django', 'flask', 'fastapi'],
  ['express', 'nestjs'],
  ['kafka', 'rabbitmq'],
  ['cypress', 'playwright', 'selenium'],
  ['pytorch', 'tensorflow'],
  ['snowflake', 'bigquery', 'redshift', 'databricks'],
  ['airflow', 'dagster'],
  ['diadoc', 'sbis'],
  ['iiko', 'r_keeper', 'restaurant_pos'],
  ['etabs_sap', 'lira_scad'],
  ['cisco_networking', 'ru_network_vendors', 'juniper'],
];

const PEERS_OF = new Map<string, string[]>();
for (const group of PEERS) for (const id of group) PEERS_OF.set(id, group.filter((other) => other !== id));

/** The products that stand in for a skill (none for most skills). */
export function peersOf(id: string): readonly string[] {
  return PEERS_OF.get(id) ?? [];
}

/** The vocabulary skills a text names, under their ids. */
export function skillsAsked(text: string): Set<string> {
  return new Set(findSkills(text).map((m) => m.id));
}

/** The broader skills that the named ones show (PostgreSQL shows SQL), each once, none of them named already. */
export function broaderShown(named: readonly string[]): string[] {
  return [...new Set(named.flatMap((id) => SHOWS[id] ?? []))].filter((id) => !named.includes(id));
}

/**
 * The skill ids a resume's text shows, in order: each one it names (as often as it names it), those its words show
 * without a name (a monolith split into services: microservices), then the broader ones they show (PostgreSQL shows
 * SQL).
 */
export function shownIds(text: string): string[] {
  const named = findSkills(text).map((m) => m.id);
  for (const id of impliedSkills(text)) if (!named.includes(id)) named.push(id);
  return [...named, ...broaderShown(named)];
}

/** The vocabulary skills a text shows: those it names or implies and the broader ones they show. */
export function skillsShown(text: string): Set<string> {
  return new Set(shownIds(text));
}
