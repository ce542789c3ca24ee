// The default English consent templates every clinic starts with (owners may edit them; an edit
// is a new version). Text format: `# ` title, `## ` section, `- ` list item, blank line between
// paragraphs; `{{…}}` placeholders are listed in placeholders.ts.

export const treatmentTemplateEn = {
  title: 'Informed consent to mesotherapy',
  body: `# Informed consent to mesotherapy

{{clinic.name}}

I, {{patient.name}}, born on {{patient.birthDate}}, have discussed a course of mesotherapy with {{doctor.name}} in a private consultation. Having understood the information below, I give my informed and voluntary consent to this treatment.

## 1. The treatment

Reason for treatment: {{course.indications}}.

Areas to be treated: {{course.areas}}.

Method: {{course.technique}}. Mesotherapy delivers very small amounts of medicines into the middle layer of the skin through fine, short needles (or, in needle-free methods, into the skin surface with a device), so that they act where they are needed.

## 2. The medicines

These products will be used, with these active substances:

{{course.drugs}}

{{course.offLabel}}

## 3. Number of sessions and schedule

{{course.schedule}}

The effect builds up over the course; a single session is not enough. Any change of the products or of the number of sessions needs a new consent.

## 4. The results to expect

{{course.expectedResults}}

Results differ from person to person, depend on how my body responds and on my following the care advice, and cannot be guaranteed. Photographs taken before the course will be used to judge the change, because it comes gradually.

## 5. Care after each session

{{course.postCare}}

## 6. Risks and possible side effects

{{course.risks}}

I will tell the clinic if a reaction lasts longer than described, grows or worries me — and at once in case of difficulty breathing, swelling of the face, lips or throat, a rash spreading over the body, fever, or a painful, hot or weeping lump.

## 7. Alternatives

Instead of this treatment I could choose:

{{course.alternatives}}

## 8. Cost

{{course.cost}}

## 9. Additional conditions set by the doctor

{{course.additions}}

## 10. My statements

- I have told the doctor the truth about my health, including pregnancy or breastfeeding, allergies, the medicines I take (blood thinners in particular), chronic illnesses, recent surgery and earlier reactions to injections, and I will report any change before each session.
- I have been able to ask questions, and I understood the answers.
- I know that I may refuse the treatment or withdraw this consent at any time without giving a reason; withdrawing does not undo sessions already performed.
- I have read this document in full (or it has been read to me) and I agree to it.
`,
};

export const photoTemplateEn = {
  title: 'Consent to medical photography',
  body: `# Consent to medical photography

{{clinic.name}}

I, {{patient.name}}, born on {{patient.birthDate}}, agree that the clinic photographs the treated areas before, during and after my treatment, in standard views, so that the results can be compared with the starting picture.

## How the photographs may be used

{{photo.scope}}

## How they are protected

- The photographs are part of my medical record and are protected like it: only the clinical staff treating me can see them, and every viewing is recorded.
- Location and camera data are removed from every photograph before it is stored.
- I may withdraw this consent at any time. Withdrawal stops any further use beyond my medical record; the record itself is kept for as long as the law requires.

I have read this document and I agree to it.
`,
};

/** The text of `{{photo.scope}}` for each photo-use level. */
export const photoScopeEn = {
  clinical:
    'Only within my medical record: to plan my treatment and to judge its results. The photographs will not be shown to anyone outside the team treating me, and will not be used for teaching, publications or advertising.',
  teaching:
    'Within my medical record, and also for teaching medical professionals, in scientific publications and in the clinic’s information and advertising materials — without my name or other details that identify me. I understand that a photograph of my face can identify me even without my name.',
};
