// Folds text for matching names across keyboards: case, diacritics, and the Azerbaijani letters Unicode does not decompose.

const UNDECOMPOSED: Record<string, string> = {
  ı: 'i',
  İ: 'i',
  ə: 'e',
  Ə: 'e',
  ø: 'o',
  Ø: 'o',
  ß: 'ss',
  đ: 'd',
  ł: 'l',
};

export function foldText(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[ıİəƏøØßđł]/g, (ch) => UNDECOMPOSED[ch] ?? ch)
    .toLowerCase()
    .trim();
}
