import { describe, expect, it } from 'vitest';
import { checkGrounding } from './grounding.ts';
import { sampleAdvice } from '@rc/testing/fake-openai';
import { englishInput, russianInput } from './test-fixtures.ts';

describe('checkGrounding', () => {
  it('keeps strengths the resume supports and drops claimed skills it does not show', () => {
    const strengths = [
      'TypeScript experience is shown by the projects in the resume.',
      'Six years of backend work with Node.js and PostgreSQL.',
      'Experience building REST APIs for a payments company.',
      'Strong Kubernetes experience in production.',
      'Hands-on Kafka streaming.',
      'Deep expertise in machine learning and Terraform.',
      'Excellent public speaking.',
    ];
    const { advice, dropped } = checkGrounding({ ...sampleAdvice('en'), strengths }, englishInput);
    expect(advice.strengths).toEqual(strengths.slice(0, 3));
    expect(dropped).toEqual(strengths.slice(3));
    expect(advice.weaknesses).toEqual(sampleAdvice('en').weaknesses);
  });

  it('works on Russian advice, with skills in Latin script', () => {
    const strengths = ['Опыт разработки на TypeScript подтверждён проектами в резюме.', 'Уверенное владение Kubernetes и Terraform.', 'Руководил командой разработчиков.'];
    const { advice, dropped } = checkGrounding({ ...sampleAdvice('ru'), strengths }, russianInput);
    expect(advice.strengths).toEqual([strengths[0], strengths[2]]);
    expect(dropped).toEqual([strengths[1]]);
  });

  it('drops nothing when every strength is grounded', () => {
    expect(checkGrounding(sampleAdvice('en'), englishInput).dropped).toEqual([]);
  });
});
