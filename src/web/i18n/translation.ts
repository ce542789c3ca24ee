/** The shape of an English text tree with every `x_other` plural widened to the four Russian forms. */
export type Translation<T> = {
  [K in keyof T as K extends `${infer B}_other` ? K | `${B}_few` | `${B}_many` : K]: T[K] extends string ? string : T[K] extends readonly string[] ? string[] : Translation<T[K]>;
};
