/** Words that carry no skill content: function words of both languages, and the filler of job ads and resumes. */

export const ENGLISH_STOPWORDS = new Set(
  `a about above after again against all also am an and any are aren't as at be because been before being below
  between both but by can cannot could did do does doing don't down during each either few for from further had has
  have having he her here hers herself him himself his how however i if in into is isn't it its itself just let me
  more most my myself no nor not of off on once only or other our ours ourselves out over own per same she should so
  some such than that the their theirs them themselves then there these they this those through to too under until
  up upon very via was we were what when where which while who whom why will with within without would you your
  yours yourself yourselves you've you're you'll you'd we're we've we'll youve youre youll youd weve etc e.g i.e eg ie vs us may might shall s t re ve ll d m o y`.split(/\s+/),
);

export const RUSSIAN_STOPWORDS = new Set(
  `а без более бы был была были было быть в вам вас весь во вот все всего всех вы где да даже для до его ее если есть
  еще же за здесь и из или им их к как какой когда кто ли либо между меня мне может мы на над надо наш наша наше наши не
  него нее нет ни них но ну о об один однако он она они оно от очень по под при с со так также такой там те тем то того
  тоже той только том ты у уже хотя чего чей чем что чтобы чье чья эта эти это этого этой этом я т.д т.е т.п др пр напр
  д е п г гг т которые который которая которое которых которым своих свой свои своей ваш ваша ваши вашей нам нас`.split(/\s+/),
);

/**
 * Words every vacancy and resume uses ("experience with", "опыт работы", "strong knowledge of"). Matching on them
 * would make any resume look like it covers any requirement, so they are dropped from terms. Checked by stem.
 */
export const FILLER_WORDS = {
  en: `experience experienced knowledge knowledgeable understanding ability able skill skills strong good solid
  excellent great proficient proficiency familiar familiarity hands year years yrs month months plus preferred
  preferable required require requirement requirements must including include includes working work use using
  least minimum new well level deep relevant proven background candidate role position job comfortable confident
  know knowing major ideally ideal demonstrable demonstrated one
  spent fluent turn nice advantage`.split(/\s+/),
  ru: `опыт знание знания понимание умение навык навыки хороший хорошее хорошие уверенный уверенное отличный
  отличное год года лет месяц работа работы работать желательно плюс обязательно требование требования уровень
  владение использование кандидат позиция должность вакансия знать
  знаешь знаете уметь умеешь умеете владеть владеешь владеете уверенно хорошо отлично преимущество приветствуется`.split(/\s+/),
};
