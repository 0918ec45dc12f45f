// The address of an external user's user row.
/**
 * SECURITY: an external user is a User row with no membership, no password and an address under the reserved .invalid
 * domain (RFC 2606: never delivered), so no sign-in, password reset or invite can ever reach it as a person.
 */
export const externalUserEmail = (userId: string) => `${userId}@external-user.invalid`;
