import { describe, expect, it } from 'vitest';
import { isNotDoneClaim, isSideProjectClaim } from './claims.ts';

describe('isNotDoneClaim', () => {
  it('reads sentences saying the person has not done something, or is only learning it', () => {
    for (const text of [
      "I haven't worked on payments or on a system with really high traffic yet.",
      'I have not used Kubernetes in production.',
      'No commercial experience with Kotlin.',
      'Learning now: Kafka, Kubernetes basics, Gradle, design patterns.',
      'I want to learn Go next.',
      'С Kubernetes пока не работал.',
      'Коммерческого опыта с Kafka нет.',
      'Нет опыта работы в банке.',
      'Сейчас изучаю Kotlin и корутины.',
      // a licence or a skill the person wants to get
      'Хочу дальше расти на складе: научиться приёмке, работе в 1С, получить удостоверение на погрузчик.',
      'Планирую сдать на категорию C в следующем году.',
      'I plan to get my forklift certification this spring.',
      'Looking to gain experience with Kubernetes.',
      'Знаю, какие документы нужны на импортную поставку, но таможенную декларацию самостоятельно не оформлял.',
      'I have never filed a customs entry myself.',
      "I'm studying for CompTIA A+ (exam scheduled for January).",
      'Хочу перейти в закупки — мне ближе аналитика и работа с поставщиками, чем план продаж.',
      'Looking to move into data engineering full time.',
      'Looking to grow into a broader content marketing role.',
      // a licence or exam under way is not yet held
      "I'm registered with the state as a plumber's apprentice and I'm working toward the journeyman exam.",
      'Currently studying for the CPA exam (FAR passed).',
      // a class or an exam booked is not yet taken
      "Alcohol server training: I'm signed up for a TIPS class on January 13, 2027.",
      'Registered for the SIE exam next month.',
      // and a registration or a qualification still to come
      'Eligible to apply for HCPC registration as a Practitioner Psychologist on completion of the doctorate.',
      'Final-year trainee, due to qualify in September 2027.',
      'Готовлюсь к сдаче экзамена на категорию CE.',
      'Удостоверение НАКС в процессе получения.',
      // what the person says they have not set up or tried
      'Яндекс Директ и сквозную аналитику не настраивала.',
      'С маркетплейсами не знакома.',
      "I haven't set up paid search campaigns myself.",
      "I don't have hands-on experience with Terraform.",
      // a licence the person does not hold
      'Водительского удостоверения нет, поездки по городу — на такси.',
      'Прав пока нет.',
      'Нет водительских прав.',
      "No driver's license.",
      "I don't have a driver's license yet.",
      // a credential on its way, not held: an exam booked, a course in progress, an accreditation to apply for
      '• FS exam review course (in progress, 2025–2026)',
      'Registered for the FS exam in March 2026.',
      'BACP registered member, not yet accredited.',
      'Аккредитации пока нет, в процессе накопления часов.',
      'Сейчас набираю часы для подачи на аккредитацию BACP (планирую подать заявку весной 2026 г.).',
      'Since 2022 I have worked in a small tax practice, and I am one exam away from becoming an Enrolled Agent.',
      'Special Enrollment Examination: Part 1 passed October 2025, Part 2 passed May 2026, Part 3 scheduled for January 2027',
      'Becker CPA exam prep course, 2024',
      'Курс подготовки к экзамену на налогового консультанта (Палата налоговых консультантов), 2024',
    ]) {
      expect(isNotDoneClaim(text), text).toBe(true);
    }
  });

  it('leaves claims of work done alone, a "never" or a «не» about something else included', () => {
    for (const text of [
      'Never missed a release deadline in three years.',
      'Never had a lost-time incident.',
      'I have never had a failed weld inspection.',
      'Ran the payments platform with no downtime for 18 months.',
      'Gained experience with Kafka and Kubernetes.',
      'Не допустил ни одной ошибки в расчёте зарплаты.',
      'Опыт работы с 1С:ЗУП — 7 лет.',
      'Mentored two juniors who are now learning fast.',
      'Got my forklift certification in 2019.',
      'Получил удостоверение тракториста-машиниста категории C.',
      'Хочу применить опыт расчёта зарплаты в крупной компании.',
      'Не допустил ни одного срыва сроков, вёл 12 проектов.',
      'Did not miss a single quarterly target.',
      'Worked toward a 20 % cut in food cost with the chef.',
      'Prepared the team for the SOC 2 audit.',
      'Водительские права категории B, стаж вождения 8 лет.',
      'Нет ни одного нарушения ПДД за 8 лет, права категории B.',
      'Clean driving license, no points.',
      'Migrating the billing service to Kubernetes (in progress).',
      'Passed the FS exam in 2020; WA SIT certificate current.',
      'Licensed and certified since 2019.',
      'Провожу подготовку к аттестации сотрудников склада.',
      'Enrolled Agent since 2019; passed all three parts of the SEE in 2018.',
      'Аттестат налогового консультанта с 2016 года.',
    ]) {
      expect(isNotDoneClaim(text), text).toBe(false);
    }
  });
});

describe('isSideProjectClaim', () => {
  it('reads a pet, study or course project as one, and work as none', () => {
    for (const text of ['Пет-проект: метеостанция на STM32F411 под FreeRTOS.', 'Side project: a budget app in React Native.', 'Учебный проект на курсе по Django.', 'Built a Kafka demo as a personal project.', 'Started the free TIA Portal self-paced course in October 2026.']) {
      expect(isSideProjectClaim(text), text).toBe(true);
    }
    for (const text of ['Разработал с нуля ПО контроллера насосной станции на STM32F407 под FreeRTOS.', 'Led the migration project to Kubernetes.', 'Проект внедрения 1С:ЗУП на заводе.']) {
      expect(isSideProjectClaim(text), text).toBe(false);
    }
  });
});

