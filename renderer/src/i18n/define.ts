/** A feature's UI strings: Chinese defines the keys, English must cover them all. `{name}` interpolates. */
export function defineStrings<Z extends Record<string, string>>(zh: Z, en: Record<keyof Z, string>) {
  return { zh, en };
}
