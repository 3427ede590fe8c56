/** Inputs shared by this package's tests: an English and a Russian resume/vacancy pair with their scoring. */
import type { Scoring } from '@rc/contracts';
import type { AdviceInput } from './types.ts';

function evidence(resume: string, sentence: string) {
  const start = resume.indexOf(sentence);
  if (start < 0) throw new Error(`fixture: "${sentence}" is not in the resume`);
  return { text: sentence, start, end: start + sentence.length };
}

export const englishResume = `John Smith
Email: john.smith@example.com, phone +1 (415) 555-2671
Backend developer. Six years of TypeScript and Node.js with PostgreSQL and Redis.
Built REST APIs for a payments company and led a team of three engineers.`;

export const englishVacancy = `Senior backend engineer.
Requirements: 5+ years of TypeScript; PostgreSQL; Kubernetes in production. Nice to have: Kafka.`;

export function englishScoring(resume = englishResume): Scoring {
  return {
    score: 0.62,
    verdict: 'partial',
    language: 'en',
    engine: 'lexical',
    model: 'lexical-v1',
    components: {},
    requirements: [
      { text: '5+ years of TypeScript', importance: 'must', score: 0.91, status: 'met', evidence: evidence(resume, 'Six years of TypeScript and Node.js with PostgreSQL and Redis.') },
      { text: 'PostgreSQL', importance: 'must', score: 0.8, status: 'met', evidence: evidence(resume, 'Six years of TypeScript and Node.js with PostgreSQL and Redis.') },
      { text: 'Kubernetes in production', importance: 'must', score: 0.08, status: 'missing', evidence: null },
      { text: 'Kafka', importance: 'nice', score: 0.05, status: 'missing', evidence: null },
    ],
  };
}

export const englishInput: AdviceInput = { vacancyText: englishVacancy, resumeText: englishResume, scoring: englishScoring(), language: 'en' };

export const russianResume = `Иван Петров
Телефон: +7 (999) 123-45-67, почта ivan.petrov@mail.ru
Бэкенд-разработчик, шесть лет опыта на TypeScript и Node.js, PostgreSQL и Redis.
Разрабатывал REST API для платёжного сервиса и руководил командой из трёх разработчиков.`;

export const russianVacancy = `Старший бэкенд-разработчик.
Требования: опыт TypeScript от 5 лет; PostgreSQL; Kubernetes в продакшене. Будет плюсом: Kafka.`;

export const russianInput: AdviceInput = {
  vacancyText: russianVacancy,
  resumeText: russianResume,
  language: 'ru',
  scoring: {
    score: 0.6,
    verdict: 'partial',
    language: 'ru',
    engine: 'lexical',
    model: 'lexical-v1',
    components: {},
    requirements: [
      { text: 'опыт TypeScript от 5 лет', importance: 'must', score: 0.9, status: 'met', evidence: evidence(russianResume, 'Бэкенд-разработчик, шесть лет опыта на TypeScript и Node.js, PostgreSQL и Redis.') },
      { text: 'Kubernetes в продакшене', importance: 'must', score: 0.07, status: 'missing', evidence: null },
    ],
  },
};
