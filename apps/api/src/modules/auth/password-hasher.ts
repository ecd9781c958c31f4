import argon2 from 'argon2';

/** argon2id with the library's defaults (OWASP-recommended memory cost). */
export const passwordHasher = {
  hash: (password: string) => argon2.hash(password, { type: argon2.argon2id }),
  verify: async (hash: string, password: string) => {
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  },
};

/** Verifying against this keeps a login for an unknown user as slow as for a known one. */
export const DUMMY_HASH_PROMISE = passwordHasher.hash('sscard-timing-equaliser');
