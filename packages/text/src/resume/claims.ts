/**
 * Sentences of a resume that say the person has not done something, or is only learning it or wants to: "I haven't
 * worked on payments yet", «Коммерческого опыта с Kafka нет», "Learning now: Kafka, design patterns", «хочу получить
 * удостоверение на погрузчик». They name what a posting asks, but they are no evidence of it, so the requirement
 * matching never takes them as a row's evidence.
 */
const NOT_DONE_EN =
  /\b(?:have|has|had)(?:n['’]t|\s+not|\s+never)\s+(?:yet\s+)?(?:worked|used|done|built|touched|written|managed|designed|prepared|filed|submitted|handled|led|owned)\b|\bnever\s+(?:worked|used|done|built|filed|submitted|handled|led|owned)\b|\bno\s+(?:prior\s+|commercial\s+|professional\s+|hands-on\s+|real\s+|production\s+)?experience\b|\bwithout\s+(?:any\s+)?experience\b|\bnot\s+(?:yet\s+)?(?:worked|used)\b|\b(?:did\s+not|didn['’]t|have\s+not|haven['’]t)\s+(?:yet\s+)?(?:set\s+up|configured|run|managed|tried)\b|\b(?:don['’]t|do\s+not)\s+have\s+(?:any\s+)?(?:experience|hands-on)\b/i;
const NOT_DONE_RU =
  /(?<![\p{L}])не\s+(?:работал\p{L}*|имел\p{L}*|использовал\p{L}*|сталкивал\p{L}*|доводилось|довелось|приходилось|настраивал\p{L}*|пробовал\p{L}*|вел|вёл|вела|вели|вёл\p{L}*|делал\p{L}*|занимал\p{L}*|участвовал\p{L}*|применял\p{L}*|внедрял\p{L}*|разрабатывал\p{L}*|администрировал\p{L}*|пользовал\p{L}*|знаком\p{L}*|владею|оформлял\p{L}*|заполнял\p{L}*|подавал\p{L}*|составлял\p{L}*|выполнял\p{L}*|проводил\p{L}*)|(?<![\p{L}])(?:нет|не\s+было)\s+(?:коммерческого\s+|практического\s+|реального\s+)?опыта|опыта[^.;!?]{0,40}(?<![\p{L}])нет(?![\p{L}])|(?<![\p{L}])без\s+опыта/iu;
// a wish to learn or obtain something is no evidence of having it, nor is working toward it: "I plan to get my
// forklift certification", "working toward the journeyman exam", «Хочу
// дальше расти на складе: научиться приёмке, работе в 1С, получить удостоверение на погрузчик»
const LEARNING =
  /\b(?:learning\s+now|currently\s+learning|eligible\s+to\s+(?:apply\s+for|register|sit|take)\b|due\s+to\s+(?:qualify|complete|graduate)\b|(?:i['’]m\s+|i\s+am\s+)?(?:signed\s+up|booked|enrolled|registered)\s+(?:for|on|onto)\s+(?:an?\s+|the\s+|my\s+)?(?:[\w'’+-]+\s+){0,3}(?:class|course|exam|test|training)\s+(?:on|in|for|starting|next)\b|(?:work(?:ing|s)?\s+towards?|studying\s+for|preparing\s+for)\s+(?:the\s+|my\s+|an?\s+)?(?:[\w'’+-]+\s+\(?){0,3}(?:exams?|licen[cs]es?|certifications?|certificates?|degree|diploma|qualifications?|journeyman|CPA|ACCA|CFA)|(?:want|would\s+like|plan|planning|hope|aim|intend|looking)\s+to\s+(?:learn|get|obtain|earn|gain|move\s+into|grow\s+into|transition\s+(?:into|to)|switch\s+to)|(?:exam|test|part\s+\d)\s+(?:is\s+)?(?:scheduled|booked|planned)\s+for|(?:one|an?|two|a\s+couple\s+of)\s+(?:exams?|papers?|parts?|modules?)\s+away\s+from|on\s+track\s+to\s+(?:become|get|earn|obtain|qualify)|(?:exam|review)\s+prep(?:aration)?\s+course|(?:registered|signed\s+up|booked|sitting)\s+(?:for\s+)?(?:the\s+|my\s+)?(?:[\w'’+-]+\s+){0,2}exam|(?:exam|course|degree|certificat\w*|licen[cs]e|diploma|qualification|accreditation)[^.\n]{0,40}?\(?in\s+progress)\b|(?<![\p{L}])(?:готовлюсь\s+к\s+(?:сдаче|экзамен\p{L}*)|в\s+процессе\s+получения|сейчас\s+изучаю|изучаю\s+сейчас|(?:хочу|планирую|собираюсь|мечтаю)\s+(?:[^.;!?\n]{0,60}?[\s:,])?(?:изучить|освоить|научиться|получить|пройти\s+обучение|сдать|перейти\s+в|подать\s+(?:заявку|документы))|в\s+процессе\s+накопления|курс\p{L}{0,2}\s+подготовки\s+к\s+(?:сдаче\s+)?(?:экзамен|аттестаци)\p{L}*)(?![\p{L}])/iu;

/** A licence the person says they do not hold: «Водительского удостоверения нет», «Прав пока нет», "No driver's license". */
const NO_LICENCE =
  /(?<![\p{L}])(?:водительск\p{L}{0,3}\s+)?(?:удостоверени\p{L}{0,2}|прав|лицензи\p{L}{0,2}|сертификат\p{L}{0,2}|аккредитаци\p{L}{0,2})\s+(?:пока\s+)?нет(?![\p{L}])|\bnot\s+(?:yet\s+)?(?:accredited|licen[cs]ed|certified)\b|(?<![\p{L}])(?:нет|не\s+имею)\s+(?:водительск\p{L}{0,3}\s+)?(?:прав|удостоверени\p{L}{0,2}|лицензи\p{L}{0,2})(?![\p{L}])|\b(?:don['’]t|do\s+not)\s+(?:yet\s+)?have\s+(?:an?\s+|my\s+)?(?:driver['’]?s?\s+licen[cs]e|licen[cs]e|certification)\b|\bno\s+(?:driver['’]?s?\s+|driving\s+)licen[cs]e\b/iu;

/** Whether a resume sentence says the person has not done what it names, or is only learning it. */
export function isNotDoneClaim(text: string): boolean {
  return NOT_DONE_EN.test(text) || NOT_DONE_RU.test(text) || LEARNING.test(text) || NO_LICENCE.test(text);
}

/**
 * Whether a line says the person holds no licence, or only wants one: no licence of theirs, though the line may name
 * one («Водительского удостоверения нет», «Хочу … получить удостоверение на погрузчик»). A line that also says some
 * other thing was not done ("Права категории C. На международных рейсах не работал") still names the licence held.
 */
export function isNoLicenceClaim(text: string): boolean {
  return NO_LICENCE.test(text) || LEARNING.test(text);
}

/**
 * A sentence that says what it names was done in a pet, study or course project, or learned in an online course
 * («Пет-проект: метеостанция на STM32 под FreeRTOS», "Side project: a budget app in React Native", "Started the free
 * TIA Portal self-paced course"): it shows the skill in part, not work experience with it.
 */
const SIDE_PROJECT =
  /(?<![\p{L}])(?:pet[- ]projects?|side[- ]projects?|personal projects?|hobby projects?|пет[- ]проект\p{L}{0,3}|учебн\p{L}{0,3}\s+проект\p{L}{0,3}|курсов\p{L}{0,3}\s+проект\p{L}{0,3}|домашн\p{L}{0,3}\s+проект\p{L}{0,3}|в\s+рамках\s+(?:онлайн-)?курса|(?:online|self-paced|video)\s+course|онлайн-курс\p{L}{0,3})(?![\p{L}])/iu;

export function isSideProjectClaim(text: string): boolean {
  return SIDE_PROJECT.test(text);
}
