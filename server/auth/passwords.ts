// Password hashing with argon2id (OWASP parameters); the hash string carries its own parameters and salt.
import argon2 from 'argon2';

const OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => argon2.hash(password, OPTIONS);

/** Whether the password matches; an account without a password yet (null) matches nothing, in the same time. */
export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  if (hash === null) {
    await burnPasswordCheck(password);
    return false;
  }
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

// Verifying against a fixed hash when the user does not exist keeps login timing the same either way.
let dummyHash: Promise<string> | undefined;
export const burnPasswordCheck = async (password: string) => {
  dummyHash ??= hashPassword('pitchcraft-timing-equalizer');
  await verifyPassword(await dummyHash, password);
};
