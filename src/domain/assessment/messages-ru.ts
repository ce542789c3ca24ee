// Сообщения находок на русском: называют факты, из-за которых сработало правило.
import type { MessageTable } from './messages.ts';

export const RU_MESSAGES: MessageTable = {
  'allergy-component': (f, n) =>
    f.allergenKind === 'substance'
      ? `В составе препарата «${f.productName}» есть аллерген пациента: ${n.substance(f.substance)}.`
      : `В составе препарата «${f.productName}» есть ${n.substance(f.substance)}, а у пациента аллергия на группу «${n.cls(f.substanceClass)}».`,
  'allergy-history': (f, n) =>
    `У пациента в анамнезе аллергия; в коктейле есть ${n.list(f.classes.map(n.cls))} — ${n.list(f.productNames.map((p) => `«${p}»`))}. Сначала проверьте переносимость и наблюдайте за реакцией.`,
  pregnancy: () => 'Беременность: инъекционные методики противопоказаны, допустима только безыгольная мезотерапия.',
  lactation: () => 'Период грудного вскармливания: инъекционные методики противопоказаны, допустима только безыгольная мезотерапия.',
  menstruation: () => 'Менструация в день процедуры: выше риск кровоточивости и синяков; рассмотрите перенос сеанса.',
  'recent-surgery': (f, n) =>
    `Операция ${n.ago(f.days)} (${n.date(f.onset)}), срок ожидания — ${n.days(f.thresholdDays)}: заживление может быть не завершено.`,
  'skin-malignancy': () => 'Злокачественное новообразование кожи в анамнезе: мезотерапия противопоказана.',
  coagulopathy: (f, n) =>
    `Нарушение свёртываемости крови: проколы грозят кровотечением и гематомами${f.depthMm === undefined ? '' : `, тем более на глубине ${n.num(f.depthMm)} мм`}.`,
  anticoagulants: () =>
    'Приём антикоагулянтов или антиагрегантов: выше риск кровоточивости и синяков; перерыв в приёме — только по согласованию с назначившим врачом.',
  'site-inflamed': (f, n) =>
    f.antiInflammatoryProducts.length > 0
      ? `Воспаление или инфекция в зоне введения (${n.area(f.area)}); в коктейле есть противовоспалительный компонент (${n.list(f.antiInflammatoryProducts.map((p) => `«${p}»`))}): продолжать только с письменным обоснованием.`
      : `Воспаление или инфекция в зоне введения (${n.area(f.area)}), а в коктейле нет антисептического или противовоспалительного компонента: в эту зону не вводить.`,
  'site-broken': (f, n) => `Повреждение кожи (рана, ссадина, ожог, язва) в зоне введения (${n.area(f.area)}): не обрабатывать эту зону до заживления.`,
  keloid: () => 'Склонность к келоидным рубцам: любой прокол может оставить рубец.',
  cholelithiasis: (f, n) =>
    `Препарат «${f.productName}» содержит желчегонный компонент (${n.substance(f.substance)}), а у пациента желчнокаменная болезнь.`,
  route: (f) => `Препарат «${f.productName}» не разрешён для внутрикожного введения.`,
  unlicensed: (f) => `У препарата «${f.productName}» нет действующей регистрации.`,
  'lot-expired': (f, n) =>
    `Истёк срок годности ${f.lot === null ? 'серии' : `серии ${f.lot}`} препарата «${f.productName}»: годна до ${n.date(f.expires)}, сеанс — ${n.date(f.date)}.`,
  'no-consent': (f, n) => {
    switch (f.reason) {
      case 'unsigned':
        return 'Информированное добровольное согласие не подписано.';
      case 'withdrawn':
        return 'Пациент отозвал информированное добровольное согласие.';
      case 'product-not-covered':
        return `Подписанное согласие не включает препарат «${f.productName}»: при смене коктейля нужно новое согласие.`;
      case 'sessions-exceeded':
        return `Это сеанс № ${f.sessionNumber}, а согласие охватывает ${n.sessions(f.consentSessions)}.`;
      case 'plan-exceeds':
        return `В плане ${n.sessions(f.plannedSessions)}, а согласие охватывает ${n.sessions(f.consentSessions)}.`;
    }
  },
  'too-many-components': (f, n) =>
    `В коктейле ${n.components(f.count)} — больше ${f.threshold}: чем больше препаратов в одном шприце, тем выше риск несовместимости.`,
  'dose-low': (f, n) => `Объём за сеанс ${n.num(f.volumeMl)} мл — меньше обычного минимума ${n.num(f.thresholdMl)} мл.`,
  'dose-high': (f, n) =>
    f.scope === 'session'
      ? `Объём за сеанс ${n.num(f.volumeMl)} мл превышает максимум ${n.num(f.thresholdMl)} мл.`
      : `Объём на лицо и шею ${n.num(f.volumeMl)} мл превышает ${n.num(f.thresholdMl)} мл: избыток в этой зоне вызывает синяки.`,
  'interval-short': (f, n) =>
    f.basis === 'last-session'
      ? `Интервал с прошлого сеанса (${n.date(f.lastSessionDate)}) — ${n.days(f.days)}, минимум — ${n.days(f.thresholdDays)}.`
      : `Интервал между сеансами в плане — ${n.days(f.plannedIntervalDays)}, минимум — ${n.days(f.thresholdDays)}.`,
  'course-long': (f, n) => `В плане ${n.sessions(f.plannedSessions)} — больше ${f.threshold}: после такого курса нужен перерыв.`,
  'deep-injection': (f, n) =>
    'limitMl' in f
      ? `Глубина ${n.num(f.depthMm)} мм больше ${n.num(f.thresholdMm)} мм, в коктейле ${n.list(f.classes.map(n.cls))} (${n.list(f.productNames.map((p) => `«${p}»`))}), а ${f.scope === 'session' ? 'объём за сеанс' : 'объём на лицо и шею'} ${n.num(f.volumeMl)} мл превышает предел ${n.num(f.limitMl)} мл.`
      : `Глубина ${n.num(f.depthMm)} мм больше ${n.num(f.thresholdMm)} мм: глубже средних слоёв дермы, где действует мезотерапия.`,
  'open-adverse-event': (f, n) =>
    `Не разрешилось нежелательное явление после прошлого сеанса: ${n.adverseEvent(f.type)}, степень ${f.grade}${f.grade >= f.blockGrade ? `; при степени ${f.blockGrade} и выше новый сеанс — только после его разрешения` : ''}.`,
  'emergency-kit': (f, n) =>
    f.reason === 'incomplete' ? 'В противошоковой аптечке не хватает средств.' : `Срок годности противошоковой аптечки истёк ${n.date(f.expires)}.`,
  'vagal-history': () => 'Вазовагальная реакция на прошлом сеансе: держите наготове атропин, процедуру проводите в положении лёжа.',
  'slow-onset': (f) => `«${f.productName}» — гомеопатическое средство: предупредите пациента, что эффект развивается медленно.`,
  'lower-eyelid-ha': (f) =>
    `Гиалуроновая кислота в области нижнего века («${f.productName}»): при неверной концентрации — длительный отёк, затем провисание тканей.`,
  'caffeine-sensitive': (f) => `Кофеин («${f.productName}») у пациента с фибромиалгией или болезненными точками: введение будет заметно болезненным.`,
  'cellulite-mono': () => 'Целлюлит: одной мезотерапии обычно недостаточно, сочетайте её с другими методами.',
  'age-minor': (f, n) =>
    `Пациенту ${n.years(f.ageYears)}, минимальный возраст — ${n.years(f.thresholdYears)}${f.ageYears < f.guardianConsentUnderYears ? `; до ${f.guardianConsentUnderYears} ${f.guardianConsentUnderYears % 10 === 1 && f.guardianConsentUnderYears % 100 !== 11 ? 'года' : 'лет'} согласие даёт родитель или законный представитель` : ''}.`,
  'diabetes-decompensated': () => 'Инсулинозависимый или декомпенсированный сахарный диабет: плохое заживление и высокий риск инфекции.',
  'compositae-allergy': (f, n) =>
    `Препарат «${f.productName}» содержит растение семейства астровых (${n.substance(f.substance)}), а у пациента аллергия на астровые: риск анафилаксии.`,
  'fish-allergy': (f, n) => `Препарат «${f.productName}» содержит ${n.substance(f.substance)} — компонент из ДНК рыб, а у пациента аллергия на рыбу.`,
  'anesthetic-dose': (f, n) =>
    `Доза лидокаина ${n.num(f.doseMg)} мг превышает предел ${n.num(f.limitMg)} мг для массы тела ${n.num(f.weightKg)} кг (${n.num(f.mgPerKg)} мг/кг, не более ${n.num(f.maxMg)} мг${f.withAdrenaline ? ' с адреналином' : ''}).`,
  'lipolytic-superficial': (f, n) =>
    `Препарат «${f.productName}» (${n.substance(f.substance)}) попадёт в кожу, а не в жировую ткань: ${f.reason === 'technique' ? `«${n.technique(f.technique)}» — поверхностная методика` : `глубина ${n.num(f.depthMm)} мм — в пределах дермы (до ${n.num(f.thresholdMm)} мм)`}. Липолитик-детергент вне жировой ткани вызывает некроз.`,
  'pc-lidocaine-mix': (f) =>
    `Фосфатидилхолин («${f.productName}») и лидокаин («${f.lidocaineProductName}») в одном шприце образуют неактивную соль.`,
  'lipolytic-interval': (f, n) =>
    `Интервал с прошлого липолитического сеанса (${n.date(f.lastLipolyticSessionDate)}) — ${n.days(f.days)}, минимум для липолитиков — ${n.days(f.thresholdDays)}.`,
  isotretinoin: (f, n) =>
    `Приём изотретиноина за последние ${f.thresholdMonths} мес. (последний приём ${n.date(f.onset)}): после ${f.reason === 'face' ? 'процедур на лице' : 'микроигольных процедур'} кожа плохо заживает.`,
  'recent-vaccine': (f, n) => `Вакцинация ${n.ago(f.days)} (${n.date(f.onset)}), срок ожидания — ${n.days(f.thresholdDays)}: рассмотрите перенос сеанса.`,
  'recent-antibiotics': (f, n) =>
    `Системные антибиотики ${n.ago(f.days)} (${n.date(f.onset)}), срок ожидания — ${n.days(f.thresholdDays)}: возможно ослабление заживления и иммунитета.`,
  'lot-missing': (f) => {
    const what = {
      lot: `Для препарата «${f.productName}» не указана серия`,
      'lot-number': `Для серии препарата «${f.productName}» не указан номер`,
      expiry: `Для серии препарата «${f.productName}» не указан срок годности`,
    }[f.missing];
    return `${what}: без прослеживаемости сеанс нельзя подписать.`;
  },
  'multi-dose-vial': (f) =>
    `«${f.productName}» набирается из многодозового флакона: запишите время вскрытия флакона — загрязнённые флаконы уже вызывали вспышки инфекций.`,
  'lot-recalled': (f) => `${f.lot === null ? 'Серия' : `Серия ${f.lot}`} препарата «${f.productName}» отозвана: применять нельзя.`,
};
