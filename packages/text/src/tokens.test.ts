import { describe, expect, it } from 'vitest';
import { SKILL_TERMS, stem, terms, termSpans, tokenize } from './tokens.ts';

describe('tokenize', () => {
  it('keeps tech tokens whole and lowercases', () => {
    expect(tokenize('C++, C#, .NET и Node.js 20; CI/CD, F#')).toEqual(['c++', 'c#', '.net', 'и', 'node.js', '20', 'ci/cd', 'f#']);
  });

  it('splits other slash and hyphen pairs into words', () => {
    expect(tokenize('Hibernate/JPA, front-end, объектно-ориентированное')).toEqual([
      'hibernate', 'jpa', 'front', 'end', 'объектно', 'ориентированное',
    ]);
  });

  it('treats 1С in either script as one token and drops sentence periods', () => {
    expect(tokenize('Программирование в 1С. Знание 1C:Предприятие.')).toEqual([
      'программирование', 'в', '1c', 'знание', '1c', 'предприятие',
    ]);
  });

  it('keeps decimals and versions, drops possessive s', () => {
    expect(tokenize("Python 3.11, bachelor's degree")).toEqual(['python', '3.11', 'bachelor', 'degree']);
  });
});

describe('stem', () => {
  it('uses the Russian and English Snowball stemmers', () => {
    expect(stem('разработка', 'ru')).toBe(stem('разработки', 'ru'));
    expect(stem('testing', 'en')).toBe('test');
  });

  it('keeps a field in «-логия» apart from its practitioner: «психология» is no «психолог», «технологии» no «технолог»', () => {
    expect(stem('психологии', 'ru')).toBe(stem('психология', 'ru'));
    expect(stem('психологией', 'ru')).toBe(stem('психология', 'ru'));
    expect(stem('психология', 'ru')).not.toBe(stem('психолог', 'ru'));
    expect(stem('технологий', 'ru')).not.toBe(stem('технолога', 'ru'));
    // the practitioner's own forms, the plural among them, stay one stem
    for (const w of ['психолога', 'психологом', 'психологи', 'психологам']) expect(stem(w, 'ru')).toBe(stem('психолог', 'ru'));
  });
});

describe('terms', () => {
  it('removes stopwords and job-ad filler in both languages', () => {
    expect(terms('Strong experience with the design of APIs')).toEqual(['design', 'api']);
    expect(terms('Опыт работы с базами данных от 3 лет')).toEqual([stem('базами', 'ru'), stem('данных', 'ru')]);
  });

  it("drops the posting's voice: 'you're fluent in', 'you know … well', 'one of the major'", () => {
    expect(terms("You're fluent in Figma and you know one of the major web frameworks well")).toEqual(['figma', 'web', 'framework']);
    expect(terms('Уверенно владеть SQL, знать Python')).toEqual(['sql', 'python']);
  });

  it('brings an irregular English past tense to the verb a posting asks with', () => {
    expect(terms('Led a team of four and ran usability sessions; wrote the specs')).toEqual(terms('lead a team of four and run usability sessions; write the specs'));
    expect(terms('built')).toEqual(terms('build'));
  });

  it('stems each word with the stemmer of its script', () => {
    expect(terms('тестирование testing')).toEqual([stem('тестирование', 'ru'), 'test']);
  });

  it('maps skill aliases to one term across spellings and languages', () => {
    expect(terms('JS')).toEqual(terms('JavaScript'));
    expect(terms('k8s')).toEqual(['kubernetes']);
    expect(terms('Postgres')).toEqual(terms('PostgreSQL'));
    expect(terms('ML')).toEqual(terms('machine learning'));
    expect(terms('писал на питоне')).toContain('python');
    expect(terms('машинного обучения')).toEqual(['ml']);
    expect(terms('Node.js')).toEqual(terms('Node JS'));
    expect(terms('React.js')).toEqual(['react']);
  });

  it('does not join a phrase across a sentence break', () => {
    expect(terms('Machine. Learning')).not.toContain('ml');
  });

  it('reports where each term came from', () => {
    const text = 'Built services in Go and machine learning models';
    const spans = termSpans(text);
    const ml = spans.find((s) => s.term === 'ml')!;
    expect(ml.text).toBe('machine learning');
    expect(text.slice(ml.start, ml.end)).toBe('machine learning');
    expect(spans.find((s) => s.term === 'go')?.text).toBe('Go');
  });
});

describe('SKILL_TERMS', () => {
  it('holds skill names as terms() writes them, and no everyday words', () => {
    for (const skill of ['Terraform', 'k8s', 'Objective-C', 'Ansible', 'питон']) {
      const [term] = terms(skill);
      expect(SKILL_TERMS.has(term!)).toBe(true);
    }
    for (const word of ['object', 'team', 'develop', 'c']) expect(SKILL_TERMS.has(word)).toBe(false);
  });
});
