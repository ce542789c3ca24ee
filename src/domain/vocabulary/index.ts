// The clinical vocabularies: codes, labels in English and Russian, and the flags rules read.
export * from './vocab.ts';
export * from './techniques.ts';
export * from './areas.ts';
export * from './conditions.ts';
export * from './substance-classes.ts';
export * from './adverse-event-types.ts';
export * from './severity-grades.ts';
export * from './photo-views.ts';
export * from './indications.ts';
