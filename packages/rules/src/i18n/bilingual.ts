/**
 * Every user-facing message in sscard is Chinese first with English alongside, joined by
 * " / " so that a consumer can show either half (split on the separator) or both.
 */
export const BILINGUAL_SEPARATOR = ' / ';

export interface Bilingual {
  zh: string;
  en: string;
}

export function bi(zh: string, en: string): string {
  return `${zh}${BILINGUAL_SEPARATOR}${en}`;
}

export function splitBilingual(message: string): Bilingual {
  const at = message.indexOf(BILINGUAL_SEPARATOR);
  if (at < 0) return { zh: message, en: message };
  return { zh: message.slice(0, at), en: message.slice(at + BILINGUAL_SEPARATOR.length) };
}
