// The Resume Checker page: check one resume against one vacancy, or rank the saved vacancies for a resume.
// Talks only to this server's /v1 API; progress comes from its Server-Sent Events. DOM is built with
// textContent only, since resumes, vacancies and LLM advice are all untrusted text.
import { hiddenTextLine, initialLanguage, translator } from './i18n.js';

const $ = (id) => document.getElementById(id);
const SVG_NS = 'http://www.w3.org/2000/svg';
const TERMINAL = new Set(['done', 'failed']);
const LANG_KEY = 'rc.lang';
const API_KEY = 'rc.apiKey';

const storage = {
  get(k) {
    try {
      return localStorage.getItem(k);
    } catch {
      return null;
    }
  },
  set(k, v) {
    try {
      if (v == null || v === '') localStorage.removeItem(k);
      else localStorage.setItem(k, v);
    } catch {
      // Private mode: the choice lasts for this visit only.
    }
  },
};

const state = {
  lang: 'en',
  t: translator('en'),
  apiKey: storage.get(API_KEY) ?? '',
  /** Re-drawn when the language changes. */
  renderers: new Map(),
  check: { resumes: new Map(), vacancies: new Map(), busy: false },
  rank: { vacancies: [], nextCursor: null, unticked: new Set(), resumes: [], busy: false },
};
const t = (key, values) => state.t(key, values);

// ---------------------------------------------------------------- DOM helpers

/** el('p', { class: 'x', 'aria-label': '…' }, 'text', child, …): text children become text nodes. */
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) if (c != null && c !== false) node.append(c instanceof Node ? c : String(c));
  return node;
}

function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}

const percent = (x) => Math.round(Math.max(0, Math.min(1, Number(x) || 0)) * 100);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** A header a CV opens with, not its owner's name: LinkedIn's "Contact", «РЕЗЮМЕ», "Curriculum Vitae", Europass. */
const CV_HEADER = /^(?:(?:contact|contacts|контакты|resume|résumé|cv|curriculum vitae|резюме|europass|personal information|личная информация|top skills)\s*:?$|(?:резюме обновлено|resume updated|updated)\s)/i;
/** A contact line: an e-mail, a phone number, a link. */
const CONTACT_LINE = /@|^\+?[\d\s().-]{7,}$|^(?:https?:\/\/|www\.)|linkedin\.com/i;
/** The name a pasted resume is saved under: its first line that is no header and no contact. */
const resumeNameOf = (s, max) => (s.split(/\r?\n/).map((l) => l.trim()).find((l) => l && !CV_HEADER.test(l) && !CONTACT_LINE.test(l)) ?? '').slice(0, max);
const formatDate = (iso) => new Intl.DateTimeFormat(state.lang, { dateStyle: 'medium' }).format(new Date(iso));
const formatSize = (bytes) =>
  new Intl.NumberFormat(state.lang, { style: 'unit', unit: bytes < 1024 * 1024 ? 'kilobyte' : 'megabyte', maximumFractionDigits: 1 }).format(
    bytes < 1024 * 1024 ? bytes / 1024 : bytes / 1024 / 1024,
  );

// ---------------------------------------------------------------- API

class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** A client-side problem with the form, shown like an API error. */
const inputError = (key) => new ApiError(0, 'input', t(key));

async function api(path, { method = 'GET', json, form } = {}) {
  const headers = { accept: 'application/json' };
  if (state.apiKey) headers.authorization = `Bearer ${state.apiKey}`;
  let body;
  if (json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(json);
  } else if (form) body = form;
  let res;
  try {
    res = await fetch(path, { method, headers, body });
  } catch {
    throw new ApiError(0, 'network', '');
  }
  if (res.status === 204) return null;
  const text = await res.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    // A proxy's HTML error page: fall through with the status.
  }
  if (!res.ok) throw new ApiError(res.status, data?.error?.code ?? 'default', data?.error?.message ?? `HTTP ${res.status}`);
  return data;
}

function uploadResume(file) {
  const form = new FormData();
  form.append('file', file, file.name);
  return api('/v1/resumes/upload', { method: 'POST', form });
}

/**
 * Follows an analysis's or ranking's progress until it finishes. Server-Sent Events when possible; polling when an
 * API key must be sent (EventSource cannot send headers) or when the stream breaks.
 */
function watch(kind, id, onProgress) {
  return new Promise((resolve) => {
    let finished = false;
    const finish = () => {
      if (!finished) {
        finished = true;
        resolve();
      }
    };
    const poll = async () => {
      while (!finished) {
        try {
          const s = await api(`/v1/${kind}/${id}`);
          onProgress(s);
          if (TERMINAL.has(s.status)) return finish();
        } catch (err) {
          if (err.status >= 400 && err.status < 500 && err.status !== 429) return finish();
        }
        await sleep(700);
      }
    };
    if (state.apiKey || typeof EventSource === 'undefined') return void poll();
    const events = new EventSource(`/v1/${kind}/${id}/events`);
    events.addEventListener('progress', (e) => {
      const data = JSON.parse(e.data);
      onProgress(data);
      if (TERMINAL.has(data.status)) {
        events.close();
        finish();
      }
    });
    events.addEventListener('end', () => {
      events.close();
      finish();
    });
    events.addEventListener('error', () => {
      if (finished) return;
      events.close();
      void poll();
    });
  });
}

// ---------------------------------------------------------------- errors and progress

function showError(box, err) {
  if (!err) {
    state.renderers.delete(box.id);
    box.replaceChildren();
    return;
  }
  const draw = () => {
    const code = err.code ?? 'default';
    if (code === 'input') return box.replaceChildren(el('strong', {}, err.message));
    const known = t(`error.${code}`) !== `error.${code}`;
    const title = known ? t(`error.${code}`) : t('error.default');
    const detail = code === 'network' ? '' : err.message;
    box.replaceChildren(el('strong', {}, title), detail ? el('span', { class: 'error-detail' }, detail) : '');
  };
  draw();
  state.renderers.set(box.id, draw);
  if (err.code === 'missing_api_key' || err.code === 'invalid_api_key') document.querySelector('.api-key').open = true;
}

const ANALYSIS_STEP = { uploading: 0, queued: 0, scoring: 1, scored: 1, advising: 2, done: 3 };
const RANKING_STEP = { uploading: 0, queued: 0, running: 1, done: 2 };

function showProgress(box, stepOf, status, progress) {
  const draw = () => {
    box.hidden = false;
    const pct = percent(progress);
    const bar = box.querySelector('[role=progressbar]');
    const label = t('progressText', { step: t(`status.${status}`), percent: pct });
    bar.setAttribute('aria-valuenow', String(pct));
    bar.setAttribute('aria-valuetext', label);
    box.querySelector('.progress-fill').style.width = `${pct}%`;
    box.classList.toggle('is-failed', status === 'failed');
    box.querySelector('.progress-text').textContent = label;
    const current = status === 'done' ? Infinity : (stepOf[status] ?? 0);
    box.querySelectorAll('.steps li').forEach((li, i) => {
      li.classList.toggle('is-done', i < current || status === 'done');
      li.classList.toggle('is-current', i === current);
      if (i === current) li.setAttribute('aria-current', 'step');
      else li.removeAttribute('aria-current');
    });
  };
  draw();
  state.renderers.set(box.id, draw);
}

function setBusy(form, button, busy) {
  form.setAttribute('aria-busy', String(busy));
  button.disabled = busy;
  button.classList.toggle('is-busy', busy);
}

// ---------------------------------------------------------------- file inputs

function wireFileInput(input) {
  const chosen = $(`${input.id}-chosen`);
  const zone = input.closest('.drop-zone');
  const update = () => {
    const file = input.files?.[0];
    chosen.hidden = !file;
    zone.classList.toggle('has-file', !!file);
    const draw = () => {
      if (file) chosen.querySelector('span').textContent = t('fileChosen', { name: file.name, size: formatSize(file.size) });
    };
    draw();
    state.renderers.set(`${input.id}-chosen`, draw);
  };
  input.addEventListener('change', update);
  chosen.querySelector('button').addEventListener('click', () => {
    input.value = '';
    update();
    input.focus();
  });
  zone.addEventListener('dragover', (e) => {
    e.preventDefault();
    zone.classList.add('is-over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('is-over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('is-over');
    if (e.dataTransfer?.files?.length) {
      input.files = e.dataTransfer.files;
      update();
    }
  });
}

/** The resume of a form: the chosen file, else the pasted text; created once per distinct input. */
async function resumeFrom(fileInput, textArea, cache) {
  const file = fileInput.files?.[0];
  const text = textArea.value.trim();
  if (!file && !text) throw inputError('needResume');
  const key = file ? `file:${file.name}:${file.size}:${file.lastModified}` : `text:${text}`;
  if (cache.has(key)) return cache.get(key);
  const resume = file ? await uploadResume(file) : await api('/v1/resumes', { method: 'POST', json: { name: resumeNameOf(text, 80) || 'Resume', content: text } });
  cache.set(key, resume);
  return resume;
}

// ---------------------------------------------------------------- the result of one analysis

function gauge(score, verdict) {
  const pct = percent(score);
  const label = t('gaugeLabel', { percent: pct, verdict: t(`verdict.${verdict}`) });
  const arc = 'M 20 100 A 80 80 0 0 1 180 100';
  return svg(
    'svg',
    { class: `gauge verdict-${verdict}`, viewBox: '0 0 200 116', role: 'img', 'aria-label': label },
    svg('title', {}, label),
    svg('path', { d: arc, class: 'gauge-track', pathLength: 100 }),
    svg('path', { d: arc, class: 'gauge-value', pathLength: 100, 'stroke-dasharray': `${pct} 100` }),
    svg('text', { x: 100, y: 94, 'text-anchor': 'middle', class: 'gauge-number' }, `${pct}%`),
  );
}

const ICONS = {
  met: 'M7.5 12.5l3 3 6-7',
  partial: 'M12 5a7 7 0 0 1 0 14z',
  missing: 'M8.5 8.5l7 7M15.5 8.5l-7 7',
};

function statusBadge(status) {
  const icon = svg(
    'svg',
    { viewBox: '0 0 24 24', class: 'status-icon', 'aria-hidden': 'true', focusable: 'false' },
    svg('circle', { cx: 12, cy: 12, r: 10 }),
    svg('path', { d: ICONS[status] ?? ICONS.missing }),
  );
  return el('span', { class: `status status-${status}` }, icon, el('span', {}, t(`req.${status}`)));
}

/** The resume line around the evidence, with the evidence itself marked. */
function evidenceView(content, evidence, basis) {
  if (!evidence) return el('span', { class: 'muted' }, t(basis ? `basis.${basis}` : 'noEvidence'));
  let { start, end } = evidence;
  if (!content || content.slice(start, end) !== evidence.text) {
    const at = content ? content.indexOf(evidence.text) : -1;
    if (at < 0) return el('q', { class: 'evidence' }, el('mark', {}, evidence.text));
    start = at;
    end = at + evidence.text.length;
  }
  const lineStart = start === 0 ? 0 : content.lastIndexOf('\n', start - 1) + 1;
  let lineEnd = content.indexOf('\n', end);
  if (lineEnd < 0) lineEnd = content.length;
  // A list marker before the sentence is layout, not context.
  let before = content.slice(lineStart, start).replace(/^\s*(?:[-–—•*·▪●]|\d+[.)])?\s*/, '');
  let after = content.slice(end, lineEnd).trimEnd();
  const MAX = 80;
  if (before.length > MAX) before = `…${before.slice(-MAX).replace(/^\S*\s/, '')}`;
  if (after.length > MAX) after = `${after.slice(0, MAX).replace(/\s\S*$/, '')}…`;
  return el('q', { class: 'evidence' }, before, el('mark', {}, content.slice(start, end)), after);
}

const yearsText = (x) => new Intl.NumberFormat(state.lang, { maximumFractionDigits: 1 }).format(x);

function requirementsTable(requirements, resumeContent) {
  if (!requirements.length) return el('p', { class: 'muted' }, t('noRequirements'));
  const cols = ['requirement', 'importance', 'status', 'match', 'evidence'];
  return el(
    'div',
    { class: 'table-wrap' },
    el(
      'table',
      { class: 'req-table' },
      el('caption', { class: 'visually-hidden' }, t('requirementsTitle')),
      el('thead', {}, el('tr', {}, cols.map((c) => el('th', { scope: 'col', class: `col-${c}` }, t(`col.${c}`))))),
      el(
        'tbody',
        {},
        requirements.map((r) =>
          el(
            'tr',
            { class: `row-${r.status}` },
            el('th', { scope: 'row', class: 'col-requirement', 'data-label': t('col.requirement') }, r.text),
            el(
              'td',
              { 'data-label': t('col.importance') },
              el('span', { class: `importance importance-${r.importance}` }, t(`importance.${r.importance}`)),
              // analyses stored before the posting reader have no kind
              r.kind ? el('span', { class: `req-kind req-kind-${r.kind}` }, t(`kind.${r.kind}`)) : '',
            ),
            el('td', { 'data-label': t('col.status') }, statusBadge(r.status)),
            el('td', { class: 'col-match', 'data-label': t('col.match') }, `${percent(r.score)}%`),
            el(
              'td',
              { class: 'col-evidence', 'data-label': t('col.evidence') },
              // a years ask shows what the dates add up to, beside the job that shows it
              r.years ? el('p', { class: 'req-years' }, t('rowYears', { shown: yearsText(r.years.shown), asked: yearsText(r.years.asked) })) : '',
              // a craft skill the words never name, read from the years of jobs in the field
              r.implied ? el('p', { class: 'req-years req-implied' }, t('rowImplied', { years: yearsText(r.implied.years) })) : '',
              evidenceView(resumeContent, r.evidence, r.basis),
            ),
          ),
        ),
      ),
    ),
  );
}

function adviceCard(key, items, kind) {
  return el(
    'section',
    { class: `card advice advice-${kind}`, 'aria-labelledby': `advice-${kind}` },
    el('h3', { id: `advice-${kind}` }, t(key)),
    items.length ? el('ul', {}, items.map((s) => el('li', {}, s))) : el('p', { class: 'muted' }, t('emptyList')),
  );
}

function sourceNote(analysis) {
  const lines = [];
  const src = analysis.advice_source;
  if (src) {
    lines.push(el('p', {}, t('adviceBy', { source: t(`source.${src.source}`), model: src.model, version: src.prompt_version })));
    if (src.fallback_reason) lines.push(el('p', {}, t('fallback', { reason: src.fallback_reason })));
    if (src.dropped_claims?.length) lines.push(el('p', {}, t('dropped', { n: src.dropped_claims.length })));
  }
  if (analysis.scorer) lines.push(el('p', {}, t('scoredBy', { engine: t(`engine.${analysis.scorer.engine}`), model: analysis.scorer.model })));
  return el('section', { class: 'card source', 'aria-labelledby': 'advice-source' }, el('h3', { id: 'advice-source' }, t('adviceSourceTitle')), lines);
}

// Language names as the resume reader gives them, to the ISO codes Intl.DisplayNames names in the page's language.
const LANGUAGE_CODES = {
  English: 'en', Russian: 'ru', German: 'de', French: 'fr', Spanish: 'es', Italian: 'it', Chinese: 'zh', Japanese: 'ja',
  Korean: 'ko', Turkish: 'tr', Arabic: 'ar', Portuguese: 'pt', Polish: 'pl', Ukrainian: 'uk', Kazakh: 'kk', Uzbek: 'uz',
  Belarusian: 'be', Hebrew: 'he', Hindi: 'hi', Dutch: 'nl', Swedish: 'sv', Finnish: 'fi', Czech: 'cs', Armenian: 'hy',
  Georgian: 'ka', Azerbaijani: 'az', Tatar: 'tt', Romanian: 'ro', Greek: 'el', Kyrgyz: 'ky', Tajik: 'tg',
};

function languageName(name) {
  const code = LANGUAGE_CODES[name];
  if (!code) return name;
  try {
    return new Intl.DisplayNames([state.lang], { type: 'language' }).of(code) ?? name;
  } catch {
    return name;
  }
}

/** One line of what the resume reader found: "7.3 years of experience · master's degree · English B2". */
function resumeFactsLine(facts) {
  if (!facts) return '';
  const parts = [];
  if (facts.total_years != null) {
    const years = new Intl.NumberFormat(state.lang, { maximumFractionDigits: 1 }).format(facts.total_years);
    parts.push(t('factsYears', { n: facts.total_years, years }));
  } else if (facts.jobs === 0 && facts.stated_years == null) parts.push(t('factsNoDates'));
  if (facts.total_years == null && facts.stated_years != null) {
    const years = new Intl.NumberFormat(state.lang, { maximumFractionDigits: 1 }).format(facts.stated_years);
    parts.push(t('factsYears', { n: facts.stated_years, years }));
  }
  if (facts.education_level) parts.push(t(`education.${facts.education_level}`));
  for (const l of facts.languages ?? []) {
    const level = l.level === 'native' ? t('factsNative') : l.level;
    parts.push(level ? `${languageName(l.name)} ${level}` : languageName(l.name));
  }
  for (const l of facts.licences ?? []) {
    if (l.kind === 'driving' && l.categories?.length) parts.push(t('factsDriving', { categories: l.categories.join(', ') }));
    else if (l.kind === 'naks') parts.push(t('factsNaks'));
  }
  if (!parts.length) return '';
  return el('p', { class: 'resume-facts' }, t('factsFrom', { facts: [...new Set(parts)].join(' · ') }));
}

/** What the score is made of, in words: must-haves and nice-to-haves shown, years against years asked, the cap. */
function fitLine(fit) {
  if (!fit) return '';
  const parts = [];
  const num = (x) => new Intl.NumberFormat(state.lang, { maximumFractionDigits: 1 }).format(x);
  if (fit.must_total) {
    const key = fit.must_partial ? 'fitMustPartly' : 'fitMust';
    parts.push(t(key, { met: fit.must_met, partial: fit.must_partial, total: fit.must_total }));
  }
  if (fit.nice_total) parts.push(t('fitNice', { met: fit.nice_met, total: fit.nice_total }));
  if (fit.years) {
    if (fit.years.overall != null) parts.push(t('fitYearsOverall', { overall: num(fit.years.overall), asked: num(fit.years.asked) }));
    else parts.push(fit.years.shown == null ? t('fitNoYears', { asked: num(fit.years.asked) }) : t('fitYears', { shown: num(fit.years.shown), asked: num(fit.years.asked) }));
  }
  if (fit.capped) parts.push(t('fitCapped'));
  if (fit.languages_differ) parts.push(t('fitLanguagesDiffer'));
  if (!parts.length) return '';
  return el('p', { class: 'fit-parts' }, t('fitFrom', { parts: parts.join(' · ') }));
}

function renderAnalysis(box, { analysis, resume, vacancy }) {
  const verdict = analysis.verdict ?? 'weak';
  const reqs = analysis.requirements ?? [];
  const count = (s) => reqs.filter((r) => r.status === s).length;
  box.replaceChildren(
    el(
      'div',
      { class: `card result-head verdict-${verdict}` },
      el('div', { class: 'gauge-wrap' }, gauge(analysis.score, verdict), el('p', { class: 'verdict' }, t(`verdict.${verdict}`))),
      el(
        'div',
        { class: 'result-summary' },
        el('h2', { id: 'result-title', tabindex: '-1' }, t('resultTitle')),
        el('p', { class: 'muted' }, t('resultFor', { resume: resume.name, vacancy: vacancy.title })),
        el('p', { class: 'verdict-explain' }, t(`verdictExplain.${verdict}`)),
        // Text the file hid (white, 1-pt, off-page...) was not scored; say so, so the user knows why it did not count.
        analysis.hidden_text?.chars ? el('p', { class: 'hidden-text', role: 'note' }, hiddenTextLine(analysis.hidden_text, t)) : '',
        reqs.length ? el('p', { class: 'req-summary' }, t('requirementsSummary', { met: count('met'), partial: count('partial'), missing: count('missing') })) : '',
        fitLine(analysis.fit),
        resumeFactsLine(analysis.resume_facts),
      ),
    ),
    el('section', { class: 'card', 'aria-labelledby': 'req-title' }, el('h3', { id: 'req-title' }, t('requirementsTitle')), requirementsTable(reqs, resume.content)),
    el(
      'div',
      { class: 'advice-grid' },
      adviceCard('strengths', analysis.strengths, 'strengths'),
      adviceCard('weaknesses', analysis.weaknesses, 'weaknesses'),
      adviceCard('learn', analysis.learning_recommendations, 'learn'),
      adviceCard('rewrite', analysis.rewrite_suggestions, 'rewrite'),
      adviceCard('reflection', analysis.reflection_points, 'reflection'),
      el(
        'section',
        { class: 'card advice advice-upgrades', 'aria-labelledby': 'advice-upgrades' },
        el('h3', { id: 'advice-upgrades' }, t('upgrades')),
        analysis.upgrades ? el('p', {}, analysis.upgrades) : el('p', { class: 'muted' }, t('emptyList')),
      ),
    ),
    sourceNote(analysis),
  );
  box.hidden = false;
}

/** Runs one analysis from ids already saved, following its progress, and shows the result. */
async function runAnalysis({ resume, vacancy, language }) {
  const progress = $('check-progress');
  const result = $('check-result');
  result.hidden = true;
  state.renderers.delete(result.id);
  showProgress(progress, ANALYSIS_STEP, 'queued', 0.02);
  const accepted = await api('/v1/analyses', { method: 'POST', json: { resumeId: resume.id, vacancyId: vacancy.id, ...(language ? { language } : {}) } });
  await watch('analyses', accepted.id, (p) => showProgress(progress, ANALYSIS_STEP, p.status, p.progress));
  const analysis = await api(`/v1/analyses/${accepted.id}`);
  showProgress(progress, ANALYSIS_STEP, analysis.status, analysis.progress);
  if (analysis.status === 'failed') {
    throw new ApiError(0, analysis.error?.code ?? 'analysis_failed', analysis.error?.message ?? '');
  }
  const data = { analysis, resume, vacancy };
  const draw = () => renderAnalysis(result, data);
  draw();
  state.renderers.set(result.id, draw);
  $('result-title').focus({ preventScroll: true });
  result.scrollIntoView({ behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth', block: 'start' });
}

async function onCheck(e) {
  e.preventDefault();
  if (state.check.busy) return;
  const form = e.currentTarget;
  const button = $('check-submit');
  const errorBox = $('check-error');
  showError(errorBox, null);
  state.check.busy = true;
  setBusy(form, button, true);
  try {
    const description = $('check-vacancy-text').value.trim();
    const resumeGiven = $('check-file').files?.length || $('check-resume-text').value.trim();
    if (!resumeGiven) throw inputError('needResume');
    if (!description) throw inputError('needVacancy');
    // the last result goes at once: it must not stand under the new check's inputs while the resume uploads
    $('check-result').hidden = true;
    // without a title the service names the vacancy by the title its posting opens with
    const title = $('check-vacancy-title').value.trim();
    showProgress($('check-progress'), ANALYSIS_STEP, 'uploading', 0);
    const resume = await resumeFrom($('check-file'), $('check-resume-text'), state.check.resumes);
    const vacancyKey = `${title}\n${description}`;
    let vacancy = state.check.vacancies.get(vacancyKey);
    if (!vacancy) {
      vacancy = await api('/v1/vacancies', { method: 'POST', json: title ? { title, description } : { description } });
      state.check.vacancies.set(vacancyKey, vacancy);
    }
    await runAnalysis({ resume, vacancy, language: $('check-language').value });
  } catch (err) {
    // A deleted resume or vacancy must not stay cached.
    state.check.resumes.clear();
    state.check.vacancies.clear();
    $('check-progress').hidden = true;
    state.renderers.delete('check-progress');
    showError(errorBox, err);
    if (err.code === 'input') (err.message === t('needVacancy') ? $('check-vacancy-text') : $('check-resume-text')).focus();
  } finally {
    state.check.busy = false;
    setBusy(form, button, false);
  }
}

// ---------------------------------------------------------------- ranking the saved vacancies

async function loadVacancies(more = false) {
  const cursor = more ? state.rank.nextCursor : null;
  const page = await api(`/v1/vacancies?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
  state.rank.vacancies = more ? [...state.rank.vacancies, ...page.items] : page.items;
  state.rank.nextCursor = page.next_cursor;
  drawVacancies();
}

function drawVacancies() {
  const list = $('vacancy-list');
  const items = state.rank.vacancies;
  $('vacancy-count').textContent = t('vacancyCount', { n: items.length });
  list.replaceChildren(
    ...items.map((v) => {
      const id = `vac-${v.id}`;
      const box = el('input', { type: 'checkbox', id, checked: !state.rank.unticked.has(v.id) });
      box.addEventListener('change', () => (box.checked ? state.rank.unticked.delete(v.id) : state.rank.unticked.add(v.id)));
      return el(
        'li',
        {},
        box,
        el('label', { for: id }, el('span', { class: 'vacancy-title' }, v.title), el('span', { class: 'muted small' }, formatDate(v.created_at))),
        el('button', { type: 'button', class: 'link-button danger', 'aria-label': t('deleteAria', { title: v.title }), onclick: () => deleteVacancy(v) }, t('deleteVacancy')),
      );
    }),
  );
  $('vacancy-more').hidden = !state.rank.nextCursor;
}

async function deleteVacancy(v) {
  if (!window.confirm(t('confirmDelete', { title: v.title }))) return;
  try {
    await api(`/v1/vacancies/${v.id}`, { method: 'DELETE' });
    state.check.vacancies.clear();
    await loadVacancies();
    $('add-vacancy-title').focus();
  } catch (err) {
    showError($('vacancy-error'), err);
  }
}

async function loadResumes() {
  const page = await api('/v1/resumes?limit=100');
  state.rank.resumes = page.items;
  drawResumeSelect();
}

function drawResumeSelect() {
  const select = $('rank-resume-select');
  const current = select.value;
  select.replaceChildren(
    el('option', { value: '' }, t('newResumeOption')),
    ...state.rank.resumes.map((r) => el('option', { value: r.id }, t('savedResume', { name: r.name, date: formatDate(r.created_at) }))),
  );
  if ([...select.options].some((o) => o.value === current)) select.value = current;
  $('rank-new-resume').hidden = select.value !== '';
}

async function onAddVacancy(e) {
  e.preventDefault();
  const errorBox = $('vacancy-error');
  showError(errorBox, null);
  const title = $('add-vacancy-title').value.trim();
  const description = $('add-vacancy-text').value.trim();
  try {
    if (!title) throw inputError('needVacancyTitle');
    if (!description) throw inputError('needVacancy');
    const v = await api('/v1/vacancies', { method: 'POST', json: { title, description } });
    $('add-vacancy-title').value = '';
    $('add-vacancy-text').value = '';
    await loadVacancies();
    $('vacancy-count').textContent = `${t('vacancySaved', { title: v.title })} ${$('vacancy-count').textContent}`;
  } catch (err) {
    showError(errorBox, err);
    if (err.code === 'input') (title ? $('add-vacancy-text') : $('add-vacancy-title')).focus();
  }
}

function renderRanking(box, { ranking, resume }) {
  const titleOf = new Map(state.rank.vacancies.map((v) => [v.id, v.title]));
  const rows = ranking.results.map((r) => {
    const title = r.title ?? titleOf.get(r.id) ?? r.id;
    const fill = el('span', { class: 'meter-fill' });
    fill.style.width = `${r.score_percent}%`;
    return el(
      'tr',
      {},
      el('td', { class: 'col-rank', 'data-label': t('col.rank') }, String(r.rank)),
      el('th', { scope: 'row', class: 'col-vacancy', 'data-label': t('col.vacancy') }, title),
      el('td', { class: 'col-score', 'data-label': t('col.score') }, el('span', { class: 'meter', 'aria-hidden': 'true' }, fill), el('span', { class: 'score-number' }, `${r.score_percent}%`)),
      el(
        'td',
        { class: 'col-actions', 'data-label': t('col.actions') },
        el('button', { type: 'button', class: 'secondary small', 'aria-label': t('detailsAria', { title }), onclick: () => openDetails(resume, { id: r.id, title }) }, t('details')),
      ),
    );
  });
  box.replaceChildren(
    el(
      'div',
      { class: 'card' },
      el('h2', { id: 'rank-result-title', tabindex: '-1' }, t('rankResultTitle', { resume: resume.name })),
      ranking.candidate_count != null ? el('p', { class: 'muted' }, t('rankedOf', { n: ranking.candidate_count })) : '',
      rows.length
        ? el(
            'div',
            { class: 'table-wrap' },
            el(
              'table',
              { class: 'rank-table' },
              el('caption', { class: 'visually-hidden' }, t('rankResultTitle', { resume: resume.name })),
              el('thead', {}, el('tr', {}, ['rank', 'vacancy', 'score', 'actions'].map((c) => el('th', { scope: 'col', class: `col-${c}` }, t(`col.${c}`))))),
              el('tbody', {}, rows),
            ),
          )
        : el('p', { class: 'muted' }, t('noResults')),
    ),
  );
  box.hidden = false;
}

async function onRank(e) {
  e.preventDefault();
  if (state.rank.busy) return;
  const form = e.currentTarget;
  const button = $('rank-submit');
  const errorBox = $('rank-error');
  const progress = $('rank-progress');
  const result = $('rank-result');
  showError(errorBox, null);
  state.rank.busy = true;
  setBusy(form, button, true);
  try {
    if (!state.rank.vacancies.length) throw inputError('needVacancies');
    const ticked = state.rank.vacancies.filter((v) => !state.rank.unticked.has(v.id)).map((v) => v.id);
    if (!ticked.length) throw inputError('needSelection');
    const selected = $('rank-resume-select').value;
    let resume;
    if (selected) resume = state.rank.resumes.find((r) => r.id === selected);
    else {
      showProgress(progress, RANKING_STEP, 'uploading', 0);
      resume = await resumeFrom($('rank-file'), $('rank-resume-text'), new Map());
      $('rank-file').value = '';
      $('rank-file').dispatchEvent(new Event('change'));
      $('rank-resume-text').value = '';
      await loadResumes();
      $('rank-resume-select').value = resume.id;
      $('rank-new-resume').hidden = true;
    }
    const limit = Math.max(1, Math.min(100, Number($('rank-limit').value) || 10));
    // Every saved vacancy ticked: rank the whole collection, pages not loaded yet included.
    const all = ticked.length === state.rank.vacancies.length && !state.rank.nextCursor;
    result.hidden = true;
    showProgress(progress, RANKING_STEP, 'queued', 0.02);
    const accepted = await api('/v1/rankings', { method: 'POST', json: { resumeId: resume.id, limit, ...(all ? {} : { candidateIds: ticked }) } });
    await watch('rankings', accepted.id, (p) => showProgress(progress, RANKING_STEP, p.status, p.progress));
    const ranking = await api(`/v1/rankings/${accepted.id}`);
    showProgress(progress, RANKING_STEP, ranking.status, ranking.progress);
    if (ranking.status === 'failed') throw new ApiError(0, ranking.error?.code ?? 'default', ranking.error?.message ?? '');
    const data = { ranking, resume };
    const draw = () => renderRanking(result, data);
    draw();
    state.renderers.set(result.id, draw);
    $('rank-result-title').focus({ preventScroll: true });
    result.scrollIntoView({ behavior: 'auto', block: 'start' });
  } catch (err) {
    progress.hidden = true;
    state.renderers.delete(progress.id);
    showError(errorBox, err);
  } finally {
    state.rank.busy = false;
    setBusy(form, button, false);
  }
}

async function openDetails(resume, vacancy) {
  selectTab('check', true);
  showError($('check-error'), null);
  try {
    const full = resume.content ? resume : await api(`/v1/resumes/${resume.id}`);
    await runAnalysis({ resume: full, vacancy });
  } catch (err) {
    $('check-progress').hidden = true;
    showError($('check-error'), err);
  }
}

async function refreshRankView() {
  try {
    await Promise.all([loadVacancies(), loadResumes()]);
  } catch (err) {
    showError($('rank-error'), err);
  }
}

// ---------------------------------------------------------------- tabs, language, API key

const TABS = ['check', 'rank'];

function selectTab(name, focus = false) {
  for (const n of TABS) {
    const tab = $(`tab-${n}`);
    const on = n === name;
    tab.setAttribute('aria-selected', String(on));
    tab.tabIndex = on ? 0 : -1;
    $(`panel-${n}`).hidden = !on;
    if (on && focus) tab.focus();
  }
  if (location.hash !== `#${name}`) history.replaceState(null, '', name === 'check' ? location.pathname : `#${name}`);
  if (name === 'rank') void refreshRankView();
}

function wireTabs() {
  const list = document.querySelector('[role=tablist]');
  for (const n of TABS) $(`tab-${n}`).addEventListener('click', () => selectTab(n));
  list.addEventListener('keydown', (e) => {
    const i = TABS.findIndex((n) => $(`tab-${n}`) === document.activeElement);
    if (i < 0) return;
    const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: TABS.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    selectTab(TABS[(next + TABS.length) % TABS.length], true);
  });
}

function applyLanguage(lang) {
  state.lang = lang;
  state.t = translator(lang);
  document.documentElement.lang = lang;
  document.title = lang === 'ru' ? 'Resume Checker: проверка резюме' : 'Resume Checker';
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const node of document.querySelectorAll('[data-i18n-placeholder]')) node.placeholder = t(node.dataset.i18nPlaceholder);
  for (const node of document.querySelectorAll('[data-i18n-aria-label]')) node.setAttribute('aria-label', t(node.dataset.i18nAriaLabel));
  for (const b of document.querySelectorAll('[data-lang]')) b.setAttribute('aria-pressed', String(b.dataset.lang === lang));
  if (state.rank.vacancies.length || !$('panel-rank').hidden) drawVacancies();
  if (state.rank.resumes.length) drawResumeSelect();
  for (const draw of state.renderers.values()) draw();
  $('key-status').textContent = state.apiKey ? t('keySaved') : '';
}

function wireLanguage() {
  for (const b of document.querySelectorAll('[data-lang]')) {
    b.addEventListener('click', () => {
      storage.set(LANG_KEY, b.dataset.lang);
      applyLanguage(b.dataset.lang);
    });
  }
}

function wireApiKey() {
  const input = $('api-key');
  input.value = state.apiKey;
  $('key-form').addEventListener('submit', (e) => {
    e.preventDefault();
    state.apiKey = input.value.trim();
    storage.set(API_KEY, state.apiKey);
    $('key-status').textContent = state.apiKey ? t('keySaved') : t('keyCleared');
    if (!$('panel-rank').hidden) void refreshRankView();
  });
}

function start() {
  wireLanguage();
  wireTabs();
  wireApiKey();
  wireFileInput($('check-file'));
  wireFileInput($('rank-file'));
  $('check-form').addEventListener('submit', onCheck);
  $('vacancy-form').addEventListener('submit', onAddVacancy);
  $('rank-form').addEventListener('submit', onRank);
  $('vacancy-more').addEventListener('click', () => loadVacancies(true).catch((err) => showError($('rank-error'), err)));
  $('rank-resume-select').addEventListener('change', (e) => ($('rank-new-resume').hidden = e.target.value !== ''));
  applyLanguage(initialLanguage(storage.get(LANG_KEY), navigator.languages?.length ? navigator.languages : [navigator.language]));
  selectTab(location.hash === '#rank' ? 'rank' : 'check');
  document.body.classList.add('is-ready');
}

start();
