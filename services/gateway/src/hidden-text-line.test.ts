import { describe, expect, it } from 'vitest';

// The page's own module (plain JavaScript, served as is): the line the result card shows.
type Translate = (key: string, values?: Record<string, unknown>) => string;
const i18n = (await import('../public/static/i18n.js' as string)) as {
  translator(lang: string): Translate;
  hiddenTextLine(hidden: unknown, t: Translate): string;
};

const hidden = {
  chars: 214,
  samples: ['Kubernetes'],
  reasons: [
    { reason: 'white_text', page: 1, chars: 200 },
    { reason: 'off_page', page: 2, chars: 10 },
    { reason: 'off_page', page: 3, chars: 4 },
  ],
};

describe('the page: hidden text line', () => {
  it('tells how many characters were ignored and why, in English and Russian', () => {
    expect(i18n.hiddenTextLine(hidden, i18n.translator('en'))).toBe(
      'We ignored 214 characters of hidden text: white text on page 1, text outside the page on pages 2, 3.',
    );
    expect(i18n.hiddenTextLine(hidden, i18n.translator('ru'))).toBe(
      'Не учтено 214 символов скрытого текста: белый текст на стр. 1, текст за пределами страницы на стр. 2, 3.',
    );
    const docx = { chars: 1, samples: ['x'], reasons: [{ reason: 'hidden_format', page: null, chars: 1 }] };
    expect(i18n.hiddenTextLine(docx, i18n.translator('en'))).toBe('We ignored 1 character of hidden text: text formatted as hidden.');
  });

  it('is empty when nothing was hidden', () => {
    expect(i18n.hiddenTextLine(null, i18n.translator('en'))).toBe('');
  });
});
