// The safety engine's public surface.
export { assess, type Assessment, type AssessOptions, type Finding } from './assess.ts';
export { parseAssessmentInput } from './parse.ts';
export { AssessmentInputError, formatPath, flattenIssues, plainMessage, type InputIssue } from './errors.ts';
export * from './input-schema.ts';
export { assessmentSchema, findingSchema } from './output-schema.ts';
export * from './rules.ts';
export * from './settings.ts';
export type { RuleFacts, ProductRef } from './facts.ts';
export { MESSAGES, message, type MessageFn, type MessageTable } from './messages.ts';
export { ageInYears, addMonths, dateProblem, dayNumber, daysBetween } from './dates.ts';
