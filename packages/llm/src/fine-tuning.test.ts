import { describe, expect, it } from 'vitest';
import { findNames, maskPersonalData, toFineTuningJsonl, type FineTuningRow } from './fine-tuning.ts';
import { buildAdviceMessages } from './prompt.ts';
import { sampleAdvice } from '@rc/testing/fake-openai';
import { englishScoring, englishVacancy, russianInput } from './test-fixtures.ts';

describe('maskPersonalData', () => {
  it('masks e-mails, phones in international and Russian formats, and links', () => {
    const text = [
      'Email: john.smith+jobs@example.co.uk; почта: иван@почта.рф',
      'Phones: +7 (999) 123-45-67, 8 999 123 45 67, 8(999)1234567, 89991234567, +1 (415) 555-2671, +44 20 7946 0958',
      'Тел.: 123-45-67',
      'Links: https://github.com/jsmith, http://example.org/cv?x=1, www.jsmith.dev, linkedin.com/in/john-smith, github.com/jsmith, t.me/jsmith',
      'Telegram: @jsmith_dev',
    ].join('\n');
    const masked = maskPersonalData(text);
    expect(masked).toBe(
      [
        'Email: [EMAIL]; почта: [EMAIL]',
        'Phones: [PHONE], [PHONE], [PHONE], [PHONE], [PHONE], [PHONE]',
        'Тел.: [PHONE]',
        'Links: [LINK], [LINK], [LINK], [LINK], [LINK], [LINK]',
        'Telegram: [LINK]',
      ].join('\n'),
    );
  });

  it('leaves years, dates, salaries and tech words alone', () => {
    const text = 'Worked 2015 - 2019 and 2019-2021 (since 01.02.2020), salary 150 000 - 200 000, built Telegram bots in Node.js and C++.';
    expect(maskPersonalData(text)).toBe(text);
  });

  it('masks labelled names and a name-like first line, and their later mentions', () => {
    expect(maskPersonalData('Name: Jane Doe\nJane shipped the billing service.')).toBe('Name: [NAME]\n[NAME] shipped the billing service.');
    expect(maskPersonalData('ФИО: Петров Иван Сергеевич\nОпыт: 5 лет')).toBe('ФИО: [NAME]\nОпыт: 5 лет');
    expect(maskPersonalData('Иван Петров\nБэкенд-разработчик')).toBe('[NAME]\nБэкенд-разработчик');
    expect(findNames('Senior Backend Developer\nTypeScript, Node.js')).toEqual([]);
    expect(findNames('Write the advice in English.\n\n<resume>\nJohn Smith\nBackend developer\n</resume>')).toEqual(['John Smith']);
  });
});

const FIRST = ['Anna', 'Boris', 'Clara', 'Dmitry', 'Elena', 'Fedor', 'Galina', 'Igor', 'Julia', 'Kirill'];
const LAST = ['Ivanova', 'Smirnov', 'Kuznetsova', 'Popov', 'Sokolova', 'Lebedev', 'Kozlova', 'Novikov', 'Morozova', 'Volkov'];

function generatedRows(n: number) {
  const rows: Array<FineTuningRow & { email: string; phone: string; name: string }> = [];
  for (let i = 0; i < n; i++) {
    const name = `${FIRST[i % 10]} ${LAST[Math.floor(i / 10) % 10]}`;
    const email = `${name.toLowerCase().replace(' ', '.')}${i}@example${i % 3}.com`;
    const phone = i % 2 ? `+7 (9${String(i).padStart(2, '0')}) ${100 + i}-${10 + (i % 90)}-${20 + (i % 70)}` : `8 9${String(i).padStart(2, '0')} ${200 + i} ${30 + (i % 60)} ${40 + (i % 50)}`;
    const resumeText = `${name}\nEmail: ${email}\nPhone: ${phone}\nlinkedin.com/in/user${i}\nBackend developer. Six years of TypeScript and Node.js with PostgreSQL and Redis.`;
    const language = i % 4 === 0 ? 'ru' : 'en';
    const messages = buildAdviceMessages(
      language === 'ru'
        ? { ...russianInput, resumeText: `${name}\nEmail: ${email}\nТелефон: ${phone}\n${russianInput.resumeText.split('\n').slice(2).join('\n')}` }
        : { vacancyText: englishVacancy, resumeText, scoring: englishScoring(resumeText), language: 'en' },
    );
    // A careless model repeats contact details; the export must still not leak them.
    const advice = { ...sampleAdvice(language), upgrades: `${sampleAdvice(language).upgrades} Contact: ${email}, ${phone}.` };
    const kind = i % 10;
    const response = kind === 9 ? null : kind === 8 ? 'not json' : '```json\n' + JSON.stringify(advice) + '\n```';
    rows.push({ messages, response, parsed: kind < 8, grounded: kind < 7, email, phone, name });
  }
  return rows;
}

describe('toFineTuningJsonl', () => {
  it('exports 100 exchanges as valid chat JSONL with no e-mail, phone or name from the inputs', () => {
    const rows = generatedRows(100);
    const all = toFineTuningJsonl(rows, { onlyGood: false });
    const good = toFineTuningJsonl(rows, { onlyGood: true });
    const allLines = all.trimEnd().split('\n');
    const goodLines = good.trimEnd().split('\n');
    expect(allLines).toHaveLength(90); // rows without a response are skipped
    expect(goodLines).toHaveLength(70); // parsed and grounded only
    for (const line of allLines) {
      const record = JSON.parse(line);
      expect(Object.keys(record)).toEqual(['messages']);
      expect(record.messages.map((m: { role: string }) => m.role)).toEqual(['system', 'user', 'assistant']);
      for (const m of record.messages) expect(typeof m.content).toBe('string');
    }
    for (const line of goodLines) {
      const assistant = JSON.parse(line).messages[2].content;
      expect(Object.keys(JSON.parse(assistant))).toContain('strengths'); // fences stripped, compact JSON
    }
    for (const row of rows) {
      expect(all).not.toContain(row.email);
      expect(all).not.toContain(row.phone);
      expect(all).not.toContain(row.name);
      expect(all).not.toContain(row.phone.replace(/\D/g, '').slice(-7));
    }
    expect(all).not.toMatch(/[\w.+-]+@[\w-]+\.\w+/);
    expect(all).not.toMatch(/linkedin\.com/);
    expect(all).toContain('[EMAIL]');
    expect(all).toContain('[PHONE]');
    expect(all).toContain('[NAME]');
  });
});
