/**
 * A name as a certificate's public check shows it: the first and last characters kept, those between
 * replaced by ○ (王小明 → 王○明, 歐陽小明 → 歐○○明); a two-character name keeps its first (王明 → 王○).
 * Enough for whoever holds the paper to match it, too little to find the person by.
 */
export function maskName(name: string): string {
  const characters = [...name.trim()];
  if (characters.length === 0) return '';
  if (characters.length === 1) return '○';
  if (characters.length === 2) return `${characters[0]}○`;
  return `${characters[0]}${'○'.repeat(characters.length - 2)}${characters[characters.length - 1]}`;
}
