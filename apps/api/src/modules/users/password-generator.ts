import { randomInt } from 'node:crypto';
import { GENERATED_PASSWORD } from '@sscard/rules';

/** A password from the rules' alphabet, each character from the system's CSPRNG. */
export function generatePassword(): string {
  const { length, alphabet } = GENERATED_PASSWORD;
  let password = '';
  for (let i = 0; i < length; i += 1) password += alphabet.charAt(randomInt(alphabet.length));
  return password;
}
