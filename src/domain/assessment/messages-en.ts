// English messages of the findings: name the facts that triggered the rule in plain words.
import type { MessageTable } from './messages.ts';
import { midSentence } from './names.ts';

export const EN_MESSAGES: MessageTable = {
  'allergy-component': (f, n) =>
    f.allergenKind === 'substance'
      ? `${f.productName} contains ${n.substance(f.substance)}, to which the patient is allergic.`
      : `${f.productName} contains ${n.substance(f.substance)}; the patient is allergic to the class “${n.cls(f.substanceClass)}”.`,
  'allergy-history': (f, n) =>
    `The patient has a documented allergy; the cocktail holds ${n.list(f.classes.map(n.cls))} — ${n.list(f.productNames)}. Test tolerance first and watch for a reaction.`,
  pregnancy: () => 'The patient is pregnant: injection techniques are contraindicated; only needle-free work is allowed.',
  lactation: () => 'The patient is breastfeeding: injection techniques are contraindicated; only needle-free work is allowed.',
  menstruation: () => 'The patient is menstruating today: bleeding and bruising are more likely; consider postponing.',
  'recent-surgery': (f, n) =>
    `Surgery ${n.ago(f.days)} (${n.date(f.onset)}), within the ${f.thresholdDays}-day waiting period: healing may not be complete.`,
  'skin-malignancy': () => 'Malignant skin tumour on record: mesotherapy is contraindicated.',
  coagulopathy: (f, n) =>
    `Clotting disorder: punctures risk bleeding and haematoma${f.depthMm === undefined ? '' : `, all the more at ${n.num(f.depthMm)} mm`}.`,
  anticoagulants: () =>
    'Anticoagulant or antiplatelet therapy: expect more bleeding and bruising; agree any pause with the prescribing doctor.',
  'site-inflamed': (f, n) =>
    f.antiInflammatoryProducts.length > 0
      ? `Inflammation or infection at the treatment site (${n.area(f.area)}); the cocktail has anti-inflammatory cover (${n.list(f.antiInflammatoryProducts)}): proceed only with a written reason.`
      : `Inflammation or infection at the treatment site (${n.area(f.area)}) and no antiseptic or anti-inflammatory component in the cocktail: do not inject this area.`,
  'site-broken': (f, n) => `Broken skin (wound, abrasion, burn or sore) at the treatment site (${n.area(f.area)}): leave this area until it heals.`,
  keloid: () => 'Tendency to keloid scars: every puncture may leave a scar.',
  cholelithiasis: (f, n) => `${f.productName} contains ${n.substance(f.substance)}, a choleretic; the patient has gallstones.`,
  route: (f) => `${f.productName} is not approved for intradermal injection.`,
  unlicensed: (f) => `${f.productName} has no valid registration or licence.`,
  'lot-expired': (f, n) =>
    `${f.lot === null ? 'The lot' : `Lot ${f.lot}`} of ${f.productName} was usable until ${n.date(f.expires)}; the session is on ${n.date(f.date)}.`,
  'no-consent': (f, n) => {
    switch (f.reason) {
      case 'unsigned':
        return 'The informed consent is not signed.';
      case 'withdrawn':
        return 'The patient has withdrawn the informed consent.';
      case 'product-not-covered':
        return `The signed consent does not name ${f.productName}: a changed cocktail needs a new consent.`;
      case 'sessions-exceeded':
        return `This is session ${f.sessionNumber}, but the consent covers ${n.sessions(f.consentSessions)}.`;
      case 'plan-exceeds':
        return `The plan has ${n.sessions(f.plannedSessions)}, but the consent covers ${n.sessions(f.consentSessions)}.`;
    }
  },
  'too-many-components': (f, n) =>
    `The cocktail has ${n.components(f.count)}, more than ${f.threshold}: the more drugs in one syringe, the greater the risk of incompatibility.`,
  'dose-low': (f, n) => `The session volume of ${n.num(f.volumeMl)} ml is below the usual minimum of ${n.num(f.thresholdMl)} ml.`,
  'dose-high': (f, n) =>
    f.scope === 'session'
      ? `The session volume of ${n.num(f.volumeMl)} ml exceeds the maximum of ${n.num(f.thresholdMl)} ml.`
      : `The face and neck volume of ${n.num(f.volumeMl)} ml exceeds ${n.num(f.thresholdMl)} ml: too much in this area causes bruising.`,
  'interval-short': (f, n) =>
    f.basis === 'last-session'
      ? `Only ${n.days(f.days)} since the last session (${n.date(f.lastSessionDate)}); the minimum interval is ${n.days(f.thresholdDays)}.`
      : `The plan spaces sessions ${n.days(f.plannedIntervalDays)} apart; the minimum is ${n.days(f.thresholdDays)}.`,
  'course-long': (f, n) => `The plan has ${n.sessions(f.plannedSessions)}, more than ${f.threshold}: a course this long needs a break.`,
  'deep-injection': (f, n) =>
    'limitMl' in f
      ? `Depth ${n.num(f.depthMm)} mm exceeds ${n.num(f.thresholdMm)} mm with ${n.list(f.classes.map(n.cls))} (${n.list(f.productNames)}), and the ${f.scope === 'session' ? 'session' : 'face and neck'} volume of ${n.num(f.volumeMl)} ml is above the ${n.num(f.limitMl)} ml limit.`
      : `Depth ${n.num(f.depthMm)} mm exceeds ${n.num(f.thresholdMm)} mm: below the mid-dermis where mesotherapy works.`,
  'open-adverse-event': (f, n) =>
    `Unresolved ${n.adverseEvent(f.type)} (grade ${f.grade}) from an earlier session${f.grade >= f.blockGrade ? `: from grade ${f.blockGrade} it must resolve before another session` : ''}.`,
  'emergency-kit': (f, n) =>
    f.reason === 'incomplete' ? 'The anti-shock kit is missing an item.' : `The anti-shock kit expired on ${n.date(f.expires)}.`,
  'vagal-history': () => 'Vasovagal reaction at an earlier session: have atropine at hand and treat the patient lying down.',
  'slow-onset': (f) => `${f.productName} is a homeopathic remedy: tell the patient that results come slowly.`,
  'lower-eyelid-ha': (f) =>
    `Hyaluronic acid in the lower eyelid (${f.productName}): at the wrong concentration it causes long-lasting swelling, then sagging.`,
  'caffeine-sensitive': (f) => `Caffeine (${f.productName}) with fibromyalgia or tender points: expect marked pain at injection.`,
  'cellulite-mono': () => 'Cellulite: mesotherapy alone seldom suffices; combine it with other methods.',
  'age-minor': (f, n) =>
    `The patient is ${n.years(f.ageYears)} old, under the minimum age of ${f.thresholdYears}${f.ageYears < f.guardianConsentUnderYears ? `; under ${f.guardianConsentUnderYears} a parent or legal guardian gives the consent` : ''}.`,
  'diabetes-decompensated': () => 'Insulin-dependent or decompensated diabetes: wounds heal poorly and infection is more likely.',
  'compositae-allergy': (f, n) =>
    `${f.productName} contains ${n.substance(f.substance)}, an Asteraceae plant; the patient is allergic to Asteraceae (risk of anaphylaxis).`,
  'fish-allergy': (f, n) => `${f.productName} contains ${n.substance(f.substance)}, made from fish DNA; the patient has a fish allergy.`,
  'anesthetic-dose': (f, n) =>
    `Lidocaine ${n.num(f.doseMg)} mg exceeds the limit of ${n.num(f.limitMg)} mg for ${n.num(f.weightKg)} kg (${n.num(f.mgPerKg)} mg/kg, at most ${n.num(f.maxMg)} mg${f.withAdrenaline ? ' with adrenaline' : ''}).`,
  'lipolytic-superficial': (f, n) =>
    `${f.productName} (${n.substance(f.substance)}) would lie in the skin, not in fat: ${f.reason === 'technique' ? `${midSentence(n.technique(f.technique))} places it superficially` : `${n.num(f.depthMm)} mm is within the dermis (up to ${n.num(f.thresholdMm)} mm)`}. A detergent lipolytic outside fat causes necrosis.`,
  'pc-lidocaine-mix': (f) => `Phosphatidylcholine (${f.productName}) and lidocaine (${f.lidocaineProductName}) in one syringe form an inactive salt.`,
  'lipolytic-interval': (f, n) =>
    `Only ${n.days(f.days)} since the last lipolytic session (${n.date(f.lastLipolyticSessionDate)}); lipolytic sessions need at least ${n.days(f.thresholdDays)} between them.`,
  isotretinoin: (f, n) =>
    `Oral isotretinoin within the last ${f.thresholdMonths} months (last dose ${n.date(f.onset)}): the skin heals poorly after ${f.reason === 'face' ? 'work on the face' : 'needling'}.`,
  'recent-vaccine': (f, n) => `Vaccination ${n.ago(f.days)} (${n.date(f.onset)}), within ${n.days(f.thresholdDays)}: consider postponing.`,
  'recent-antibiotics': (f, n) =>
    `Systemic antibiotics ${n.ago(f.days)} (${n.date(f.onset)}), within ${n.days(f.thresholdDays)}: healing and immunity may be weakened.`,
  'lot-missing': (f) => {
    const what = { lot: `${f.productName} has no lot recorded`, 'lot-number': `The lot of ${f.productName} has no lot number`, expiry: `The lot of ${f.productName} has no expiry date` }[f.missing];
    return `${what}: the session cannot be signed without traceability.`;
  },
  'multi-dose-vial': (f) => `${f.productName} is drawn from a multi-dose vial: record when the vial was opened; contaminated vials have caused outbreaks.`,
  'lot-recalled': (f) => `${f.lot === null ? 'A lot' : `Lot ${f.lot}`} of ${f.productName} has been recalled: do not use it.`,
};
