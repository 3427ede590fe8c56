/**
 * Words that name a role ("разработчик", "engineer"): a phrase with none names no role. Shared by the posting reader (a
 * headline's hired role) and the resume reader (an hh.ru entry's job title among its employer, city and industry lines).
 */
/** A role's grade after its name, for a regular expression: "Data Engineer II", "QA Engineer 2". */
export const ROLE_GRADE = '(?:I{1,3}|IV|[1-4])';

export const ROLE_NOUN_RE =
  /(?<![\p{L}])(?:\p{L}+-)?(?:авто|электро|авиа)?(?:разработчик\p{L}*|программист\p{L}*|инженер\p{L}*|аналитик\p{L}*|тестировщик\p{L}*|дизайнер\p{L}*|менеджер\p{L}*|бухгалтер\p{L}*|специалист\p{L}*|рекрутер\p{L}*|администратор\p{L}*|руководител\p{L}*|водител\p{L}*|оператор\p{L}*|кладовщик\p{L}*|комплектовщик\p{L}*|грузчик\p{L}*|продав\p{L}*|кассир\p{L}*|повар\p{L}*|официант\p{L}*|курьер\p{L}*|медсестр\p{L}*|медбрат\p{L}*|врач\p{L}*|учител\p{L}*|преподавател\p{L}*|юрист\p{L}*|сварщик\p{L}*|электрик\p{L}*|слесар\p{L}*|механик\p{L}*|монтажник\p{L}*|developer|engineer|programmer|analyst|designer|manager|accountant|specialist|recruiter|administrator|architect|архитектор\p{L}*|lead|scientist|driver|operator|nurse|cook|chef|cashier|technician|welder|electrician|mechanic|teacher|courier|associate|assistant|representative|executive|coordinator|consultant|clerk|supervisor|picker|packer|agent|lawyer|attorney|counsel|paralegal|pharmacist|estimator|surveyor|receptionist|waiter|waitress|worker|handler|officer|therapist|фармацевт\p{L}*|провизор\p{L}*|сметчик\p{L}*|ассистент\p{L}*|консультант\p{L}*|координатор\p{L}*|закупщик\p{L}*|логист|логиста|экономист\p{L}*|маркетолог\p{L}*|технолог\p{L}*|бригадир\p{L}*|супервайзер\p{L}*|директор\p{L}*|начальник\p{L}*|заведующ\p{L}*)(?![\p{L}])/iu;
