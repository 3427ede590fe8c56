/**
 * The structured asks inside one requirement: years of experience, education level and field, spoken languages and
 * their level, licences and certificates. Every pattern has bounded repeats and runs over one requirement at a time.
 */
import type { EducationAsk, EducationLevel, LanguageAsk, LicenceAsk } from './types.ts';

// JavaScript's \b does not see Cyrillic letters, so word edges are written as lookarounds.
const L = '(?<![\\p{L}\\p{N}])';
const R = '(?![\\p{L}\\p{N}])';

const WORD_NUMBERS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, twelve: 12,
  одного: 1, один: 1, двух: 2, два: 2, трех: 3, три: 3, четырех: 4, пяти: 5, пять: 5, шести: 6, семи: 7, десяти: 10,
  года: 1, полугода: 0.5,
};

const NUM = '(\\d{1,2}(?:[.,]5)?|one|two|three|four|five|six|seven|eight|nine|ten|twelve)';
// (not a deadline or a recency: "willingness to obtain within 5 years of hire", "in the last 2 years")
const EN_YEARS = new RegExp(
  `${L}(?<!(?:within|in the (?:last|past|first)|over the (?:last|past)|after)\\s{1,3})${NUM}\\s{0,2}(?:\\+|plus|or more|or above)?\\s{0,2}(?:(?:-|–|to)\\s{0,2}\\d{1,2}\\s{0,2})?(?:\\+\\s{0,2})?(years?|yrs?|months?)${R}(?!\\s{0,2}(?:old|of age))`,
  'iu',
);
const RU_YEARS = new RegExp(
  `${L}(?<!(?:в течение|в течении|за последние|через)\\s{1,3})(?:(?:от|не менее|не меньше|более|больше|свыше|минимум|min|стаж)\\s{1,3})?(\\d{1,2}(?:[.,]5)?|одного|двух|трех|трёх|четырех|пяти|шести|семи|десяти)\\s{0,2}(?:-?х\\s{0,2}|\\+\\s{0,2})?(?:(?:-|–|до)\\s{0,2}\\d{1,2}\\s{0,2})?(лет|года?|г\\.|месяц\\p{L}{0,3})${R}`,
  'iu',
);
/** "опыт от года", "не менее полугода" */
const RU_ONE_YEAR = new RegExp(`${L}(?:от|не менее|не меньше|более|минимум)\\s{1,3}(года|полугода)${R}`, 'iu');
const EXPERIENCE_CONTEXT = new RegExp(
  `experience|experienced|background|track record|worked|working|(?:years?|yrs) (?:of|in|with|as|writing|building|designing|developing|running|managing|leading|selling|teaching|doing)\\s|${L}(?:опыт\\p{L}{0,4}|стаж\\p{L}{0,3}|работ\\p{L}{0,4})${R}`,
  'iu',
);
const AGE_CONTEXT = /years old|years of age|возраст|лет от роду|(?:старше|младше)\s{1,3}\d/iu;
/**
 * Years behind the wheel, not in the work: «стаж вождения от 2 лет», "2+ years' driving experience", "held a full
 * licence for 3 years" (the row is the licence's)
 */
/** A driver's work: years of commercial driving are the job's ("2 years of CDL-A driving experience", «стаж вождения категории CE от 3 лет»). */
const DRIVING_WORK = /\bcdl\b|\bclass\s?[abc]\b|commercial|tractor|trailer|truck|lorry|\bhgv\b|\botr\b|(?<![\p{L}])(?:категори\p{L}{0,3}|кат\.?)\s{0,2}[«"]?(?:[CСDД]|[BВCС][EЕ])(?![\p{L}])|грузов|фур|автобус|такси|тягач/iu;
const DRIVING_YEARS = /(?:стаж|опыт)\p{L}{0,3}\s{1,3}вождени|водительск\p{L}{0,3}\s{1,3}стаж|driving\s{1,3}experience|(?:held|holding)\s{1,3}(?:an?\s{1,3}|your\s{1,3})?(?:full\s{1,3})?(?:uk\s{1,3})?(?:driving\s{1,3})?licen[cs]e\s{1,3}for|licen[cs]e\s{1,3}held\s{1,3}for/iu;

/**
 * Years that are the whole of an item, or a field's value: a board's "Experience:" fields ("iOS: 1 year (Preferred)",
 * "total work: 3 years"), "Exp. : 2-4 years", a bare "2-4 years" under a heading.
 */
const FIELD_YEARS = new RegExp(`^(?:[^:\\n]{1,40}[:：]\\s{0,3})?${NUM}\\s{0,2}(?:(?:-|–|to)\\s{0,2}\\d{1,2}\\s{0,2})?\\+?\\s{0,2}(?:years?|yrs?|months?)(?:\\s{0,2}\\((?:preferred|required)\\))?[\\s*.]*$`, 'iu');

/** Years of experience a requirement asks for, or null. */
export function yearsAsked(text: string): number | null {
  if (AGE_CONTEXT.test(text) || (DRIVING_YEARS.test(text) && !DRIVING_WORK.test(text))) return null;
  const en = EN_YEARS.exec(text);
  if (en && (EXPERIENCE_CONTEXT.test(text) || /\+|plus|minimum|at least/i.test(text) || FIELD_YEARS.test(text.trim()))) {
    const raw = en[1]!.toLowerCase();
    let n = WORD_NUMBERS[raw] ?? Number(raw.replace(',', '.'));
    if (/^month/i.test(en[2]!)) n = Math.round((n / 12) * 10) / 10;
    if (Number.isFinite(n) && n > 0 && n <= 40) return n;
  }
  const ru = RU_YEARS.exec(text);
  // "Python от 2 лет": "от / не менее N лет" asks for years even without the word "опыт"
  if (ru && (EXPERIENCE_CONTEXT.test(text) || /^(?:от|не менее|не меньше|более|свыше|минимум|стаж)\s/iu.test(ru[0]))) {
    const raw = ru[1]!.toLowerCase().replace('ё', 'е');
    let n = WORD_NUMBERS[raw] ?? Number(raw.replace(',', '.'));
    if (/^месяц/i.test(ru[2]!)) n = Math.round((n / 12) * 10) / 10;
    if (Number.isFinite(n) && n > 0 && n <= 40) return n;
  }
  const one = RU_ONE_YEAR.exec(text);
  if (one && EXPERIENCE_CONTEXT.test(text)) return WORD_NUMBERS[one[1]!.toLowerCase()] ?? null;
  // spoken, the count after its noun: «вешал сплиты хотя бы года два»
  const spoken = RU_SPOKEN_YEARS.exec(text);
  if (spoken) return WORD_NUMBERS[spoken[1]!.toLowerCase().replace('ё', 'е')] ?? null;
  return null;
}

const RU_SPOKEN_YEARS = new RegExp(`${L}(?:хотя бы|минимум|не меньше|не менее)\\s{1,3}(?:года|лет)\\s{1,3}(два|двух|три|трех|трёх|пять)${R}`, 'iu');

const EDUCATION_LEVELS: Array<[EducationLevel, RegExp]> = [
  ['doctorate', new RegExp(`${L}(?:ph\\.?d|doctorate|doctoral degree|кандидат\\p{L}{0,3} наук|учён\\p{L}{0,3} степен\\p{L}{0,2})${R}`, 'iu')],
  // (a bare "Master" is a trade's grade or a title: "ASE Master Technician", "Master Electrician", "Scrum Master")
  ['master', new RegExp(`${L}(?:master['’]?s|master(?=\\s{1,2}(?:degree|of (?:arts|science|business|engineering|education|public|fine|laws)|in\\s))|msc|m\\.sc|m\\.s\\.|mba|m\\.?tech|mca|mcs|m\\.e\\.|m\\.com|магистр\\p{L}{0,5})${R}`, 'iu')],
  ['bachelor', new RegExp(`${L}(?:bachelor'?s?|bsc|b\\.sc|b\\.s\\.|bsn|b\\.a\\.|b\\.?tech|b\\.e(?:\\.|(?=\\s{0,2}[/,]))|bca|bba|b\\.com|undergraduate degree|four-year degree|бакалавр\\p{L}{0,5})${R}`, 'iu')],
  ['associate', new RegExp(`${L}associate(?:'s)?(?: or [\\p{L}']{1,12})?\\s{1,2}degree${R}`, 'iu')],
  ['vocational', new RegExp(`${L}(?:средн\\p{L}{0,3}[ -]{1,2}(?:профессиональн|специальн|техническ|медицинск|фармацевтическ)\\p{L}{0,4}|средн\\p{L}{0,3}(?=\\s(?:\\([^)]{0,30}\\)\\s)?(?:или|либо)\\s(?:\\p{L}+\\s)?высш)|спо|начальн\\p{L}{0,3} профессиональн\\p{L}{0,4}|техникум\\p{L}{0,3}|колледж\\p{L}{0,3}|technical certificate|vocational|trade school|diploma(?=\\s{0,2}\\((?:preferred|required)\\))|graduate of (?:an? )?(?:accredited |approved |recognized )?[\\p{L} -]{0,40}?(?:program(?:me)?|school|college))${R}`, 'iu')],
  ['higher', new RegExp(`${L}(?:высш\\p{L}{0,3}|higher education|неоконченн\\p{L}{0,3} высш\\p{L}{0,3}|degree|university|диплом\\p{L}{0,3} (?:вуза|о высшем))${R}`, 'iu')],
  ['secondary', new RegExp(`${L}(?:high school|ged|secondary school|(?:higher\\s)?secondary(?=\\s{0,2}\\(\\s{0,2}1[02]th)|1[02]th\\s{0,2}pass|средн\\p{L}{0,3} (?:общ\\p{L}{0,3} )?образовани\\p{L}{0,2})${R}`, 'iu')],
];

const BE_RE = /(?<![\p{L}])BE(?=\s{0,2}\/\s{0,2}B\.?Tech|\s{0,2}\/\s{0,2}B\.?E|\s{1,2}in\s\p{Lu})/u;
const EN_FIELD = /\b(?:degree|diploma|bachelor'?s?|master'?s?|bsc|msc|associate'?s?|certificate|[Hh]igher education)(?: [a-z]{1,12}){0,2} in ((?:[A-Z][\p{L}]{1,20}|TESOL|IT)(?:(?:,? (?:or |and |& )?| )(?:[A-Z][\p{L}]{1,20}|TESOL|IT)){0,4})/u;
const PROFESSION_KIND_RE = /^(?:медицинск|фармацевтическ|юридическ|ветеринарн|психологическ)\p{L}*$/iu;
const RU_FIELD = /(?:специальност\p{L}{0,2}|направлени\p{L}{0,2})\s{1,2}«([^»\n]{1,60})»|(?:высш\p{L}{0,3}|средн\p{L}{0,3}(?: профессиональн\p{L}{0,3})?)\s{1,2}([\p{L}-]{3,30}(?:ое|ее)(?:,?\s{1,2}(?:или|либо|и)\s{1,2}[\p{L}-]{3,30}(?:ое|ее))?)\s{1,2}образовани|образовани\p{L}{0,2}\s{0,2}\(([^)\n]{1,40})\)/iu;

const KIND_OF_EDUCATION_RE = /(?<![\p{L}])(?!дополнительн|общ|школьн)[\p{L}-]{3,30}(?:ое|ее)\s{1,2}образовани/iu;
/** The education levels in order: a bachelor's above a college diploma, a master's above both. */
export const LEVEL_RANK: Record<EducationLevel, number> = { secondary: 1, vocational: 2, associate: 2, bachelor: 3, higher: 3, master: 4, doctorate: 5 };
const RU_DISCIPLINE = /по (?:профилю|специальности|направлению)\s{1,2}«([^»\n]{2,60})»/iu;
/** An ask that takes a neighbouring field too: its discipline is not checked by words. */
const RELATED_FIELD_RE = /related|relevant|equivalent|similar|comparable|смежн|аналогичн|родственн|близк/iu;

/** Education level (and field) a requirement asks for, or null. */
export function educationAsked(text: string): EducationAsk | null {
  if (!/degree|diploma|bachelor|master|ph\.?d|doctorate|doctoral|bsc|msc|b\.sc|m\.sc|bsn|mba|b\.?tech|m\.?tech|b\.e[./,\s]|bca|bba|mca|mcs|high school|ged|secondary|1[02]th pass|education|vocational|graduate of|certificate in|образовани|диплом|бакалавр|магистр|высше|средне|колледж|техникум/iu.test(text)) return null;
  // levels offered as alternatives ("Associate or Bachelor's degree", «среднее (фармацевт) или высшее (провизор)»): the
  // lowest of them is what is asked
  let offered = EDUCATION_LEVELS.filter(([, re]) => re.test(text)).map(([level]) => level);
  // India's "BE" (Bachelor of Engineering), told from the verb by its capitals and a degree beside it: "BE/BTech"
  if (BE_RE.test(text) && !offered.includes('bachelor')) offered.push('bachelor');
  // ("degree" of "Master's degree" names no level of its own)
  if (!/высш/iu.test(text) && offered.some((l) => l !== 'higher' && l !== 'secondary' && l !== 'vocational')) offered = offered.filter((l) => l !== 'higher');
  // (else the first in EDUCATION_LEVELS' order, the highest named)
  // an education of a kind with no level named («педагогическое образование (дошкольное)», «профильное образование»):
  // a college's diploma of that kind meets it, so the lowest level that gives one is asked
  const kindOnly = offered.length === 0 && KIND_OF_EDUCATION_RE.test(text) ? 'vocational' : undefined;
  const level = kindOnly ?? (offered.length > 1 && /\s(?:or|или|либо)\s|\//iu.test(text) ? offered.reduce((a, b) => (LEVEL_RANK[b] < LEVEL_RANK[a] ? b : a)) : offered[0]);
  // "technical certificate" names a vocational level only in an education line
  if (!level || (level === 'higher' && /^\s*degree\s*$/i.test(text))) return null;
  const en = EN_FIELD.exec(text);
  const ru = RU_FIELD.exec(text);
  const named = RU_DISCIPLINE.exec(text);
  const field = named?.[1] ?? en?.[1] ?? ru?.[1] ?? ru?.[2] ?? ru?.[3] ?? null;
  // a degree "in" something, or one «по профилю «…»», names a discipline; an adjective («педагогическое») a kind
  // (save the kinds that are a profession's own schooling: a medical, pharmaceutical, legal, veterinary or psychological
  // education is not an economist's)
  const ownKind = ru?.[2] && ru[2].split(/,?\s+(?:или|либо|и)\s+/u).every((k) => PROFESSION_KIND_RE.test(k)) ? ru[2] : undefined;
  const discipline = (named?.[1] ?? en?.[1] ?? ru?.[1] ?? ownKind)?.trim();
  return { level, field: field ? field.trim() : null, ...(discipline && !RELATED_FIELD_RE.test(text) ? { discipline } : {}) };
}

const LANGUAGES: Array<[string, RegExp]> = [
  ['en', /english|английск\p{L}{0,3}/iu],
  ['ru', /(?<![\p{L}])russian|(?<![\p{L}])русск\p{L}{0,3}/iu],
  ['es', /spanish|испанск\p{L}{0,3}/iu],
  ['pt', /portuguese|португальск\p{L}{0,3}/iu],
  ['fr', /french|французск\p{L}{0,3}/iu],
  ['de', /german|немецк\p{L}{0,3}/iu],
  ['ar', /arabic|арабск\p{L}{0,3}/iu],
  ['zh', /chinese|mandarin|китайск\p{L}{0,3}/iu],
  ['it', /italian|итальянск\p{L}{0,3}/iu],
  ['ja', /japanese|японск\p{L}{0,3}/iu],
  ['tr', /turkish|турецк\p{L}{0,3}/iu],
  ['pl', /(?<![\p{L}])polish(?! (?:the|your|our|a|and)\b)|польск\p{L}{0,3}/iu],
  ['uk', /ukrainian|украинск\p{L}{0,3}/iu],
  ['ko', /korean|корейск\p{L}{0,3}/iu],
  ['hi', /(?<![\p{L}])hindi|хинди/iu],
  ['nl', /(?<![\p{L}])dutch|нидерландск\p{L}{0,3}|голландск\p{L}{0,3}/iu],
  ['ka', /georgian|грузинск\p{L}{0,3}/iu],
  ['kk', /kazakh|казахск\p{L}{0,3}/iu],
  ['uz', /uzbek|узбекск\p{L}{0,3}/iu],
];
const CEFR = /(?<![\p{L}\p{N}])([ABC][12])(?![\p{L}\p{N}])|(?<![\p{L}])([АВС][12])(?![\p{L}\p{N}])/u;
const LEVEL_WORDS: Array<[string, RegExp]> = [
  ['native', /native|родн\p{L}{0,3}|носител\p{L}{0,2}/iu],
  ['fluent', /fluent|fluency|bilingual|proficien|свободн\p{L}{0,3}|advanced|upper[ -]intermediate|продвинут\p{L}{0,3}/iu],
  ['conversational', /conversational|intermediate|разговорн\p{L}{0,3}|средн\p{L}{0,3}/iu],
  ['reading', /reading|чтени\p{L}{0,2}|техническ\p{L}{0,3} документаци|технический английский/iu],
  ['basic', /basic|elementary|базов\p{L}{0,3}|начальн\p{L}{0,3}/iu],
];
const LANGUAGE_CONTEXT = /language|speak|spoken|written|verbal|fluent|bilingual|conversational|native|level|уровн|язык|владени|свободн|разговорн|[ABCАВС][12]|(?:read|understand|write)(?: and (?:understand|write|speak|read))? (?:basic |simple )?(?:english|spanish|russian|french|german)/iu;

/** Spoken language and level a requirement asks for, or null. */
export function languageAsked(text: string): LanguageAsk | null {
  if (!LANGUAGE_CONTEXT.test(text)) return null;
  const named = LANGUAGES.filter(([, re]) => re.test(text)).map(([code]) => code);
  if (named.length === 0) return null;
  const code = named[0]!;
  // several languages, one of them asked: "A second European language (German, French, Spanish or Dutch)"
  // (a second language listed by examples, «второго иностранного языка (китайский, немецкий, французский)», is one of them)
  const either = named.length > 1 && /(?<![\p{L}])(?:or|или|либо|any of|one of|одн\p{L}{1,2} из|second|another|additional|втор\p{L}{2,3}|дополнительн\p{L}{2,3})(?![\p{L}])/iu.test(text);
  // several languages, all asked: "Bilingual English/Spanish", «свободный русский и английский»
  const or = named.length > 1 ? (either ? { or: named.slice(1) } : { and: named.slice(1) }) : {};
  const cefr = CEFR.exec(text);
  if (cefr) {
    // Cyrillic А/В/С typed for the Latin letters
    const level = (cefr[1] ?? cefr[2]!).replace('А', 'A').replace('В', 'B').replace('С', 'C');
    return { language: code, level, ...or };
  }
  const word = LEVEL_WORDS.find(([, w]) => w.test(text));
  return { language: code, level: word ? word[0] : null, ...or };
}

const DRIVING_RU = /(?:категори\p{L}{0,2}|кат\.)\s{0,3}((?:[ABCDEАВСДЕ]{1,2}1?|C\+E|С\+Е)(?:\s{0,2}[,/и]\s{0,2}(?:[ABCDEАВСДЕ]{1,2}1?|C\+E|С\+Е)){0,5})(?![\p{L}])/iu;
const DRIVING_EN = /(?:class|category)\s{0,2}([ABCDE]{1,2})(?![\p{L}])|CDL(?:[\s-]{0,2}(?:class\s{0,2})?([ABC])(?![\p{L}]))?/u;
const LICENCES: Array<[LicenceAsk['type'], RegExp]> = [
  // a tractor driver's or forklift licence has categories too («удостоверение тракториста-машиниста категории B или
  // C»): read before the driving licence, whose categories it would otherwise be taken for
  ['forklift', /forklift (?:certification|licen[cs]e|certified)|удостоверени\p{L}{0,2} (?:водителя )?(?:погрузчика|стропальщика|тракториста)/iu],
  ['driving', /driver'?s?'? licen[cs]e|driving licen[cs]e|driving record|\bcdl\b|\bmvr\b|водительск\p{L}{0,3} (?:удостоверени|прав)|(?<![\p{L}])прав\p{L}{0,2} (?:кат|категори)|категори\p{L}{0,2} [ABCDEАВСДЕ](?![\p{L}])|кат\. ?[ABCDEАВСДЕ](?![\p{L}])|карт\p{L}{0,2} водителя|стаж вождения/iu],
  ['welding', /накс|naks|aws d1\.1|certified welder|welding certification|welder certification/iu],
  ['medical', /(?:rn|nurse|nursing|medical|practical nurse|lpn|pharmacist) licen[cs]|basic life support|advanced (?:cardiovascular|cardiac) life support|(?:базов|расширенн)\p{L}{0,3} сердечно-л[её]гочн\p{L}{0,3} реанимаци|licensed (?:practical|vocational|registered)|\bbls\b|\bacls\b|\bpals\b|\bcpr\b|сертификат\p{L}{0,2} специалиста|аккредитаци\p{L}{0,2}|(?:specialist|primary|periodic) accreditation|медицинск\p{L}{0,3} (?:книжк|сертификат)|медкнижк|санитарн\p{L}{0,3} книжк|medical (?:record )?book|health certificate|квалификационн\p{L}{0,3} категори/iu],
  ['electrical', /групп\p{L}{0,2} (?:допуска )?по электробезопасности|допуск\p{L}{0,2} по электробезопасности|электробезопасност/iu],
  ['teaching', /teaching (?:licen[cs]e|certificat|credential)|teacher certification|state certification|qts/iu],
  ['certificate', /certification|certificate|certified|servsafe|food handler['’]?s? (?:card|permit|certificate)|(?<![\p{L}])master (?:technician|electrician|plumber)|journeyman (?:licen|card)|licen[cs]ure|licen[cs]e|endorsement|credential|(?:registration|registered) with (?:the )?[\p{L}& ]{2,60}(?:council|board|society)|(?<![\p{L}])(?:hcpc|nmc|gphc|gmc)(?![\p{L}])|membership of (?:the )?[\p{L}& ]{2,40}(?:society|institute|association|college)|сертификат|удостоверени|свидетельств|допог|аттестат|аттестаци|допуск(?!\p{L}{0,3}\s{1,2}(?:и\s{1,2}посад|форм|расположени|на\s{1,2}размер))/iu],
];

/**
 * Medical credentials under their abbreviations and their names ("BLS", "Basic Life Support (AHA)"), so that an ask
 * for one is met by a licence line that spells it out, and the other way round.
 */
const CREDENTIALS: Array<[string, RegExp]> = [
  ['rn', /(?<![\p{L}])rn(?![\p{L}])|registered (?:professional )?nurse/iu],
  ['lpn', /(?<![\p{L}])(?:lpn|lvn)(?![\p{L}])|licensed (?:practical|vocational) nurse/iu],
  ['bls', /(?<![\p{L}])bls(?![\p{L}])|basic life support|базов\p{L}{0,3} сердечно-л[её]гочн\p{L}{0,3} реанимаци/iu],
  ['acls', /(?<![\p{L}])acls(?![\p{L}])|advanced (?:cardiovascular|cardiac) life support|расширенн\p{L}{0,3} сердечно-л[её]гочн\p{L}{0,3} реанимаци/iu],
  ['pals', /(?<![\p{L}])pals(?![\p{L}])|pediatric advanced life support/iu],
];

/** The medical credentials a text names (ids: rn, lpn, bls, acls, pals). */
export function credentialsNamed(text: string): string[] {
  return CREDENTIALS.filter(([, re]) => re.test(text)).map(([id]) => id);
}

const GROUP_WORDS: Record<string, string> = { втор: 'II', трет: 'III', четверт: 'IV', четвёрт: 'IV', пят: 'V' };

/** An electrical-safety group a text names, as a Roman numeral: «IV группа», «группа не ниже третьей», «3 группа». */
export function electricalGroup(text: string): string | null {
  const roman = /(?<![\p{L}])(I{1,3}V?|IV|V|[1-5])(?![\p{L}\p{N}])/u.exec(text);
  if (roman) return /^\d$/.test(roman[1]!) ? ['I', 'II', 'III', 'IV', 'V'][Number(roman[1]) - 1]! : roman[1]!;
  const word = /(?<![\p{L}])(втор|трет|четв[её]рт|пят)\p{L}{0,4}(?![\p{L}])/iu.exec(text);
  return word ? GROUP_WORDS[word[1]!.toLowerCase()] ?? null : null;
}

/**
 * Whether a text names a licence or a credential, as the posting reader reads a licence ask: a resume line that names
 * one can show a licence ask; "maintenance managers" or «Медицинская сестра» names the trade, not its licence.
 */
export function namesLicence(text: string): boolean {
  return licenceAsked(text) !== null || credentialsNamed(text).length > 0;
}

/** Licence or certificate a requirement asks for, or null. */
export function licenceAsked(text: string): LicenceAsk | null {
  for (const [type, re] of LICENCES) {
    if (!re.test(text)) continue;
    const categories: string[] = [];
    if (type === 'driving') {
      const ru = DRIVING_RU.exec(text);
      const en = DRIVING_EN.exec(text);
      const list = ru?.[1] ?? en?.[1] ?? en?.[2];
      if (list) {
        for (const c of list.split(/\s{0,2}[,/и]\s{0,2}/)) {
          const latin = c.toUpperCase().replace(/[АВСДЕ]/g, (ch) => ({ А: 'A', В: 'B', С: 'C', Д: 'D', Е: 'E' })[ch]!).replace('+', '');
          if (latin) categories.push(latin);
        }
      }
    }
    if (type === 'medical') categories.push(...credentialsNamed(text));
    if (type === 'electrical') {
      const group = electricalGroup(text);
      if (group) categories.push(group);
    }
    return { type, categories };
  }
  return null;
}
