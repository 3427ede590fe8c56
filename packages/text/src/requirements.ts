/**
 * Requirements of a vacancy: the bullets, numbered lines and skill lists under its requirement headings, each marked
 * must-have or nice-to-have, with offsets into the vacancy text. Company blurb, benefits and salary lines are skipped.
 */
import { looksLikeContact, stripRuns } from './scan.ts';
import { sentencesOfSpan, splitLines, type LineSpan, type TextSpan } from './sentences.ts';
import { SKILL_TERMS, terms } from './tokens.ts';

export type Importance = 'must' | 'nice';

export interface Requirement extends TextSpan {
  importance: Importance;
}

export interface SplitRequirementsOptions {
  /** At most this many requirements (default 40). */
  max?: number;
}

type Section = 'req' | 'nice' | 'resp' | 'offer' | 'about' | 'skip' | 'other';

/** Section kinds by heading wording, checked in order: "Preferred qualifications" is nice, not req. */
const SECTION_PATTERNS: Array<[Exclude<Section, 'other'>, RegExp]> = [
  ['skip', /^(?:job type|schedule|shifts?|work remotely|remote|industry|location|job location|work location|salary|pay|contact|application questions?|ability to (?:commute|relocate)|speak with the employer|график|адрес|контакты|зарплата|доход|локация|формат работы)\b/i],
  ['nice', /nice[\s-]to[\s-]have|(?:will|would) be (?:a |an )?(?:plus|bonus|advantage)|is a plus|\bplus\b|\bbonus\b|preferred|desired|desirable|advantage|good to have|optional|будет плюсом|плюсом будет|будет преимуществом|преимуществом|желательно|приветствуется|дополнительн|плюсом/i],
  ['offer', /\boffer|benefits|perks|compensation|why (?:join|us|work)|what you(?:'ll| will) get|предлагаем|услови[яй]|что мы (?:даем|даём)|бонусы|компенсаци|плюшки|льготы/i],
  ['about', /^about\b|who we are|our company|the company|^о (?:нас|компании|проекте|команде)|кто мы/i],
  ['resp', /responsibilit|duties|what you(?:'ll| will) do|your (?:role|tasks|day)|role description|\btasks\b|you will contribute|обязанност|задачи|чем (?:предстоит|нужно|ты будешь|вы будете) заниматься|что (?:нужно|предстоит) делать|функционал/i],
  ['req', /requirement|qualification|must[\s-]have|required|skill|what you (?:bring|need|have)|what we(?:'re| are)? (?:looking|expect)|we expect|you (?:have|are|bring)|who you are|good fit|ideal candidate|essential|mandatory|competenc|experience|education|language|knowledge|expertise|certification|licen[cs]e|tech(?:nical)? stack|technolog|требовани|ожида|ждем|ждём|обязательн|необходим|навык|квалификац|что нужно|от (?:вас|тебя)|кого (?:мы )?ищем|мы ищем|подходишь|образование|опыт|знания|стек|технологи/i],
];

/** Words a heading without a colon may consist of; "Good communication skills" has other words, so it is an item. */
const HEADING_VOCABULARY = new Set(
  `requirements requirement qualifications qualification skills skill skillset must have nice to will would be a an
  the plus bonus what we you our your offer offers expect expecting are is looking for bring need about us company
  team responsibilities responsibility duties role tasks key basic minimum preferred desired additional technical
  required essential benefits perks and job description education experience languages language knowledge who
  ideal candidate mandatory core main do day stack tech profile desirable good optional competencies attributes
  & / - требования требование к кандидату кандидата обязанности условия мы предлагаем ожидаем будет плюсом
  желательно обязательно задачи о компании нас что нужно делать основные ключевые навыки твои ваши наши ожидания от
  вас тебя преимуществом необходимые знания опыт дополнительные дополнительно бонусы проекте команде чем предстоит
  заниматься обязательные требуемый будешь ты ждем ждём хотим видеть кого ищем нам подходишь работы и для стек
  технологий технологии предлагаем`.split(/\s+/),
);

const SKIP_LINE_RE = new RegExp(
  '^(?:job type|employment(?: type| status)?|schedule|shift|salary|pay|ctc|stipend|package|salary package|' +
    'compensation|location|job location|work location|city|address|contact|email|e-mail|phone|mobile|website|' +
    'published(?: on)?|posted(?: on)?|vacancy|vacancies|no\\.? of (?:positions|openings)|openings|' +
    // "last date" takes any words before its colon, but a bounded number: `.*` before `\s*` made this quadratic.
    'interview(?: venue| date)?|expected start date|start date|application deadline|deadline|last date.{0,80}?|' +
    'work remotely|industry|functional area|department|company|joining|bond|position type|job code|job id|reference|' +
    '(?:total )?work|зарплата|заработная плата|оклад|доход|вознаграждение|локация|город|адрес|место работы|' +
    'график(?: работы)?|занятость|тип занятости|формат работы|контакты|телефон|почта|опубликовано)\\s*(?::|-\\s)',
  'i',
);
const MONEY_RE = /(?:[$€£₽₹]\s*\d|\d\s*(?:[$€£₽₹]|руб|тыс|k\b|lpa\b)|\bper (?:year|month|annum|hour)\b|в месяц|на руки|\bgross\b)/i;
const NICE_ITEM_RE = /\b(?:plus|preferred|preferably|nice to have|bonus|advantage|advantageous|desirable|desired|optional|good to have)\b|желательно|будет плюсом|плюсом|преимуществ|приветствуется|не обязательн/i;
const MUST_ITEM_RE = /\b(?:mandatory|required|must|non-negotiable)\b|обязательн|необходим/i;
const BLURB_RE = /\b(?:we|our|us|we're|join)\b|(?:^|\s)(?:мы|наш\p{L}*|нас|компани\p{L}*)(?=\s|$|[.,!])/iu;
const REQUIREMENT_CUE_RE = /(?:looking for|we need|seeking|hiring) (?:a|an|someone)\b|ищем|нужен|нужна|требуется|experience|knowledge|skill|proficien|familiar|understanding|ability|must|should|required|degree|years|expert|fluent|опыт|знани|умени|навык|понимани|владени|должен|должна|требуется|лет\b/i;
const PERK_RE = /salary|\bctc\b|perks?\b|benefit|bonus|insurance|vacation|holiday|paid leave|flexible|work from home|relocat|зарплат|оклад|отпуск|\bдмс\b|бонус|преми[ия]|компенсаци|удал[её]нн|гибкий график|офис|печеньки/i;

interface Candidate extends TextSpan {
  importance: Importance;
  primary: boolean;
}

function classify(head: string): Exclude<Section, 'other'> | null {
  for (const [kind, re] of SECTION_PATTERNS) if (re.test(head)) return kind;
  return null;
}

function cleanHead(s: string): string {
  // A scan, not /[…]+$/: that regex retries from every character of a long run of such characters.
  return stripRuns(s, '*#_=', '*#_=:：-–').trim();
}

function wordCount(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

interface Heading {
  kind: Section;
  /** Content after "Heading:" on the same line, as a span of the source. */
  inline: TextSpan | null;
}

function asHeading(source: string, line: LineSpan): Heading | null {
  const text = line.text;
  // "Requirements:" / "*Required Skills*: - Android, Flutter" / "Требования: Python, Django"
  const inline = /^([^:]{2,60}?)[\s*_]{0,20}[:：]\s*(?:[-–]\s*)?/.exec(text);
  if (inline) {
    const head = cleanHead(inline[1]!);
    const rest = text.slice(inline[0].length);
    if (!rest.trim()) return wordCount(head) <= 10 ? { kind: classify(head) ?? 'other', inline: null } : null;
    const kind = classify(head);
    if (kind && wordCount(head) <= 6 && !line.bullet) {
      const start = line.start + inline[0].length;
      return { kind, inline: { text: rest, start, end: line.end } };
    }
    return null;
  }
  if (line.bullet || /[.!?;,]$/.test(text)) return null;
  const head = cleanHead(text);
  const words = head.toLowerCase().split(/[\s/]+/).filter(Boolean);
  if (words.length === 0 || words.length > 6) return null;
  const kind = classify(head);
  if (!kind) return null;
  const allCaps = head === head.toUpperCase() && /\p{Lu}/u.test(head) && words.length >= 2;
  if (allCaps || words.every((w) => HEADING_VOCABULARY.has(w))) return { kind, inline: null };
  return null;
}

/** Split a requirement line into list items: always at ";" and " | ", at commas when every part is a short skill. */
function splitList(source: string, span: TextSpan): TextSpan[] {
  const parts = splitAtDepthZero(source, span, /[;|•]/);
  return parts.flatMap((part) => {
    const pieces = splitAtDepthZero(source, part, /,/);
    // "Python, Django, PostgreSQL" or "Experience with Python, Django, Flask": a lead phrase and short skills.
    if (pieces.length < 3) return [part];
    if (pieces.every((p) => wordCount(p.text) <= 4)) return pieces;
    const [lead, ...rest] = pieces;
    const skillLike = rest.filter((p) => wordCount(p.text) <= 4 && looksLikeSkill(p.text)).length;
    return wordCount(lead!.text) <= 10 && rest.every((p) => wordCount(p.text) <= 4) && skillLike >= rest.length * 0.75
      ? pieces
      : [part];
  });
}

/** A named skill rather than a phrase of prose: "Django", "CI/CD", "c++", "k8s", "машинное обучение" as an alias. */
function looksLikeSkill(text: string): boolean {
  return /^[\p{Lu}\d.]|[+#./]/u.test(text) || terms(text).some((t) => SKILL_TERMS.has(t));
}

function splitAtDepthZero(source: string, span: TextSpan, separator: RegExp): TextSpan[] {
  const out: TextSpan[] = [];
  let depth = 0;
  let from = span.start;
  for (let i = span.start; i < span.end; i++) {
    const ch = source[i]!;
    if (ch === '(' || ch === '[') depth++;
    else if ((ch === ')' || ch === ']') && depth > 0) depth--;
    else if (depth === 0 && separator.test(ch)) {
      pushPiece(out, source, from, i);
      from = i + 1;
    }
  }
  pushPiece(out, source, from, span.end);
  return out;
}

function pushPiece(out: TextSpan[], source: string, start: number, end: number): void {
  // Trim spaces, list punctuation and connector words left over from the split ("and CI", "и Docker").
  for (;;) {
    const before = [start, end];
    while (start < end && /[\s,;:|•\-–]/.test(source[start]!)) start++;
    while (end > start && /[\s,;:|.•\-–]/.test(source[end - 1]!)) end--;
    const lead = /^(?:and|or|и|или)\s+/i.exec(source.slice(start, end));
    if (lead) start += lead[0].length;
    if (before[0] === start && before[1] === end) break;
  }
  if (end > start) out.push({ text: source.slice(start, end), start, end });
}

function isNoise(text: string): boolean {
  return SKIP_LINE_RE.test(text) || MONEY_RE.test(text) || looksLikeContact(text);
}

/**
 * Requirements of a vacancy, in order, deduplicated, at most `max`. Uses the requirement sections when the vacancy
 * has them; adds responsibilities and unheaded lines when those sections are thin; falls back to all sentences.
 */
export function splitRequirements(vacancyText: string, options: SplitRequirementsOptions = {}): Requirement[] {
  const max = options.max ?? 40;
  const lines = splitLines(vacancyText);
  const candidates: Candidate[] = [];
  const fallback: Candidate[] = [];
  let section: Section = 'other';

  const addItems = (span: TextSpan, kind: Section, isFirstLine: boolean) => {
    if (isNoise(span.text)) return;
    if (kind === 'offer' || kind === 'about' || kind === 'skip') return;
    for (const sentence of sentencesOfSpan(vacancyText, span)) {
      if (isNoise(sentence.text)) continue;
      const unheaded = kind === 'other' || kind === 'resp';
      fallback.push({ ...sentence, importance: 'must', primary: false });
      if (unheaded) {
        if (PERK_RE.test(sentence.text)) continue;
        if (BLURB_RE.test(sentence.text) && !REQUIREMENT_CUE_RE.test(sentence.text)) continue;
        // A short first line without punctuation is the job title, not a requirement.
        if (isFirstLine && wordCount(sentence.text) <= 6 && !/[.!?;]$/.test(sentence.text)) continue;
      }
      const sentenceNice = NICE_ITEM_RE.test(sentence.text);
      for (const item of splitList(vacancyText, sentence)) {
        if (isNoise(item.text)) continue;
        let importance: Importance = kind === 'nice' || sentenceNice ? 'nice' : 'must';
        if (importance === 'nice' && kind !== 'nice' && MUST_ITEM_RE.test(item.text) && !NICE_ITEM_RE.test(item.text)) {
          importance = 'must';
        }
        if (kind === 'nice' && MUST_ITEM_RE.test(item.text)) importance = 'must';
        candidates.push({ ...item, importance, primary: kind === 'req' || kind === 'nice' });
      }
    }
  };

  lines.forEach((line, index) => {
    const heading = asHeading(vacancyText, line);
    if (heading) {
      section = heading.kind;
      if (heading.inline) addItems(heading.inline, section, false);
      return;
    }
    addItems(line, section, index === 0 && lines.length >= 3);
  });

  const primary = candidates.filter((c) => c.primary);
  let chosen = primary.length >= 4 ? primary : candidates;
  if (chosen.length === 0) chosen = fallback;

  const seen = new Set<string>();
  const out: Requirement[] = [];
  for (const c of chosen) {
    const key = [...new Set(terms(c.text))].sort().join(' ');
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push({ text: c.text, importance: c.importance, start: c.start, end: c.end });
    if (out.length >= max) break;
  }
  return out;
}
