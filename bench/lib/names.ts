// Names of a Russian clinic chain's patients and staff: Russian given names, family names in their
// male and female forms, patronymics, and Latin-script names (foreign patients, and Russians who
// registered with the Latin spelling of their passport). Family names are listed most common first.
import type { Rng } from './rng.ts';

const femaleGiven = [
  'Анна', 'Елена', 'Ольга', 'Наталья', 'Екатерина', 'Татьяна', 'Мария', 'Ирина', 'Светлана', 'Юлия',
  'Анастасия', 'Марина', 'Дарья', 'Алина', 'Виктория', 'Ксения', 'Полина', 'Валентина', 'Людмила', 'Галина',
  'Надежда', 'Оксана', 'Евгения', 'Кристина', 'Алёна', 'Вероника', 'Софья', 'Лариса', 'Любовь', 'Яна',
  'Маргарита', 'Александра', 'Елизавета', 'Диана', 'Инна', 'Жанна', 'Вера', 'Нина', 'Лилия', 'Алла',
  'Валерия', 'Карина', 'Ангелина', 'Милана', 'Эльвира', 'Регина', 'Зарина', 'Снежана', 'Таисия', 'Ульяна',
  'Василиса', 'Арина', 'Варвара', 'Олеся', 'Лидия', 'Тамара', 'Раиса', 'Майя', 'Злата', 'Эвелина',
];
const maleGiven = [
  'Александр', 'Сергей', 'Дмитрий', 'Андрей', 'Алексей', 'Максим', 'Евгений', 'Иван', 'Михаил', 'Артём',
  'Николай', 'Владимир', 'Павел', 'Роман', 'Денис', 'Игорь', 'Олег', 'Виктор', 'Антон', 'Юрий',
  'Кирилл', 'Илья', 'Никита', 'Вадим', 'Константин', 'Руслан', 'Тимур', 'Станислав', 'Георгий', 'Пётр',
  'Григорий', 'Леонид', 'Борис', 'Фёдор', 'Степан', 'Лев', 'Анатолий', 'Василий', 'Егор', 'Ярослав',
];
// [male, female] where the female form is not the male form plus "а".
const familyIrregular = new Map<string, string>([
  ['Толстой', 'Толстая'], ['Донской', 'Донская'], ['Боровой', 'Боровая'],
]);
const family = [
  'Иванов', 'Смирнов', 'Кузнецов', 'Попов', 'Васильев', 'Петров', 'Соколов', 'Михайлов', 'Новиков', 'Фёдоров',
  'Морозов', 'Волков', 'Алексеев', 'Лебедев', 'Семёнов', 'Егоров', 'Павлов', 'Козлов', 'Степанов', 'Николаев',
  'Орлов', 'Андреев', 'Макаров', 'Никитин', 'Захаров', 'Зайцев', 'Соловьёв', 'Борисов', 'Яковлев', 'Григорьев',
  'Романов', 'Воробьёв', 'Сергеев', 'Кузьмин', 'Фролов', 'Александров', 'Дмитриев', 'Королёв', 'Гусев', 'Киселёв',
  'Ильин', 'Максимов', 'Поляков', 'Сорокин', 'Виноградов', 'Ковалёв', 'Белов', 'Медведев', 'Антонов', 'Тарасов',
  'Жуков', 'Баранов', 'Филиппов', 'Комаров', 'Давыдов', 'Беляев', 'Герасимов', 'Богданов', 'Осипов', 'Сидоров',
  'Матвеев', 'Титов', 'Марков', 'Миронов', 'Крылов', 'Куликов', 'Карпов', 'Власов', 'Мельников', 'Денисов',
  'Гаврилов', 'Тихонов', 'Казаков', 'Афанасьев', 'Данилов', 'Савельев', 'Тимофеев', 'Фомин', 'Чернов', 'Абрамов',
  'Мартынов', 'Ефимов', 'Федотов', 'Щербаков', 'Назаров', 'Калинин', 'Исаев', 'Чернышёв', 'Быков', 'Маслов',
  'Родионов', 'Коновалов', 'Лазарев', 'Воронин', 'Климов', 'Филатов', 'Пономарёв', 'Голубев', 'Кудрявцев', 'Прохоров',
  'Наумов', 'Потапов', 'Журавлёв', 'Овчинников', 'Трофимов', 'Леонов', 'Соболев', 'Ермаков', 'Колесников', 'Гончаров',
  'Емельянов', 'Никифоров', 'Грачёв', 'Котов', 'Гришин', 'Ефремов', 'Архипов', 'Громов', 'Кириллов', 'Малышев',
  'Панов', 'Моисеев', 'Румянцев', 'Акимов', 'Кондратьев', 'Бирюков', 'Горбунов', 'Анисимов', 'Ерёмин', 'Тихомиров',
  'Галкин', 'Лукьянов', 'Михеев', 'Скворцов', 'Юдин', 'Белоусов', 'Нестеров', 'Симонов', 'Прокофьев', 'Харитонов',
  'Князев', 'Цветков', 'Левин', 'Митрофанов', 'Воронов', 'Аксёнов', 'Софронов', 'Мальцев', 'Логинов', 'Горшков',
  'Савин', 'Краснов', 'Майоров', 'Демидов', 'Елисеев', 'Рыбаков', 'Сафонов', 'Плотников', 'Демин', 'Хохлов',
  'Жданов', 'Ершов', 'Шестаков', 'Дьячков', 'Некрасов', 'Блинов', 'Носков', 'Кулагин', 'Зуев', 'Третьяков',
  'Островский', 'Высоцкий', 'Вишневский', 'Садовский', 'Каменский', 'Ковальский', 'Полянский', 'Успенский', 'Покровский', 'Соколовский',
  'Толстой', 'Донской', 'Боровой', 'Шевченко', 'Бондаренко', 'Коваленко', 'Ткаченко', 'Черных', 'Седых', 'Дурново',
];
const latinGivenFemale = ['Anna', 'Maria', 'Elena', 'Sofia', 'Julia', 'Laura', 'Emma', 'Olivia', 'Sarah', 'Claire', 'Isabelle', 'Chiara', 'Lucia', 'Carmen', 'Nora', 'Leila', 'Amira', 'Yasmin', 'Aisha', 'Ekaterina', 'Natalia', 'Olga', 'Victoria', 'Alina', 'Daria', 'Irina', 'Ksenia', 'Yulia', 'Svetlana', 'Zhanna'];
const latinGivenMale = ['David', 'Thomas', 'Marco', 'Lucas', 'Daniel', 'Omar', 'Ali', 'Jan', 'Pierre', 'Stefan', 'Aleksandr', 'Dmitry', 'Sergey', 'Mikhail', 'Ivan'];
const latinFamily = [
  'Smirnova', 'Ivanova', 'Kuznetsova', 'Popova', 'Sokolova', 'Petrova', 'Volkova', 'Morozova', 'Lebedeva', 'Novikova',
  'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Rossi', 'Bianchi', 'Romano', 'García', 'Fernández', 'López', 'Martínez',
  'Dubois', 'Lefèvre', 'Moreau', 'Laurent', 'Smith', 'Johnson', 'Brown', 'Taylor', 'Wilson', 'Nowak', 'Kowalska', 'Wiśniewska',
  'Yılmaz', 'Kaya', 'Demir', 'Aliyeva', 'Mammadova', 'Hasanova', 'Kim', 'Lee', 'Park', 'Nguyen', 'Tran', 'Ahmadi', 'Karimova',
  'Abdullaeva', 'Yusupova', 'Nazarbayeva', 'Horvat', 'Novak', 'Jensen', 'Nielsen', 'Andersson', 'Johansson', 'Virtanen', 'Korhonen',
];
// Male names whose patronymic is not the name plus -ович/-овна.
const patronymicIrregular = new Map<string, [string, string]>([
  ['Илья', ['Ильич', 'Ильинична']],
  ['Никита', ['Никитич', 'Никитична']],
  ['Лев', ['Львович', 'Львовна']],
  ['Павел', ['Павлович', 'Павловна']],
  ['Пётр', ['Петрович', 'Петровна']],
  ['Фёдор', ['Фёдорович', 'Фёдоровна']],
  ['Артём', ['Артёмович', 'Артёмовна']],
]);

/** The patronymic from a father's given name, in the form for a man or a woman. */
export function patronymic(father: string, female: boolean): string {
  const irregular = patronymicIrregular.get(father);
  if (irregular) return female ? irregular[1] : irregular[0];
  if (father.endsWith('й')) return father.slice(0, -1) + (female ? 'евна' : 'евич');
  if (father.endsWith('ь')) return father.slice(0, -1) + (female ? 'евна' : 'евич');
  return father + (female ? 'овна' : 'ович');
}

/** The female form of a Russian family name (Иванов → Иванова, Островский → Островская; Черных stays). */
export function femaleFamily(male: string): string {
  const irregular = familyIrregular.get(male);
  if (irregular) return irregular;
  if (/(ов|ев|ёв|ин|ын)$/.test(male)) return `${male}а`;
  if (male.endsWith('ский')) return `${male.slice(0, -4)}ская`;
  if (male.endsWith('цкий')) return `${male.slice(0, -4)}цкая`;
  return male; // -енко, -ых, -ово: the same for both
}

export interface PersonName {
  givenName: string;
  familyName: string;
  patronymic: string | null;
  latin: boolean;
}

/** A patient's or a practitioner's name; `latinShare` of them in Latin script. */
export function personName(rng: Rng, female: boolean, latinShare: number): PersonName {
  if (rng.chance(latinShare)) {
    const given = rng.pick(female ? latinGivenFemale : latinGivenMale);
    let familyName = latinFamily[rng.zipf(latinFamily.length, 0.8)] ?? 'Smith';
    // Russian Latin spellings carry the female -a; men get the male form.
    if (!female && /(ova|eva|ina)$/.test(familyName)) familyName = familyName.slice(0, -1);
    return { givenName: given, familyName, patronymic: null, latin: true };
  }
  const given = rng.pick(female ? femaleGiven : maleGiven);
  const male = family[rng.zipf(family.length)] ?? 'Иванов';
  const father = rng.pick(maleGiven);
  return {
    givenName: given,
    familyName: female ? femaleFamily(male) : male,
    // Most Russian patients give their patronymic; some forms leave it out.
    patronymic: rng.chance(0.85) ? patronymic(father, female) : null,
    latin: false,
  };
}

/** Family names in both scripts, for building search queries. */
export const searchableFamilies = { cyrillic: family, latin: latinFamily };
