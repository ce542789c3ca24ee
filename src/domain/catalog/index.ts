// Product knowledge: the engine's product facts and the starter catalog.
export * from './starter.ts';
