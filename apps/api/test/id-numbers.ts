import { mod112CheckDigit } from '@sscard/rules';

/**
 * A valid 18-digit resident ID number: area 110105 (Chaoyang) + birth date + a 3-digit sequence
 * + the GB 11643 check digit computed by the rules package.
 */
export function residentIdNumber(birthDate: string, sequence: number, area = '110105'): string {
  const first17 = `${area}${birthDate.replaceAll('-', '')}${String(sequence % 1000).padStart(3, '0')}`;
  return `${first17}${mod112CheckDigit(first17)}`;
}
