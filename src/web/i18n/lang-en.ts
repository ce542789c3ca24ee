// The English texts as their own chunk: only the language in use is loaded.
export { en as texts } from './en/index.ts';
