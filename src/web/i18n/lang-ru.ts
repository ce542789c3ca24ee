// The Russian texts as their own chunk: only the language in use is loaded.
export { ru as texts } from './ru/index.ts';
