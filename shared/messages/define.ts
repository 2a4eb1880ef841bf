export type Locale = 'zh-CN' | 'en';
export type MessageParams = Record<string, string | number>;
export type Text = (p: MessageParams) => string;

/** A domain's messages: the Chinese texts define the codes, English must cover them all. */
export function defineMessages<Z extends Record<string, Text>>(zh: Z, en: Record<keyof Z, Text>) {
  return { zh, en };
}
