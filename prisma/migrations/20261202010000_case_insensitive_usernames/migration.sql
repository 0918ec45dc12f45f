-- Usernames are unique regardless of case: sign-in matches them case-insensitively, so "Ada" and "ada" must be one.
-- citext makes the existing unique index and every lookup compare case-insensitively.
--
-- Accounts whose usernames differ only by case cannot be merged automatically (which one keeps the name is the
-- operator's call), so this migration refuses to run while any exist and names them. It runs in one transaction:
-- nothing has changed when it stops. See README.md ("Upgrading") for the two statements that resolve it.
CREATE EXTENSION IF NOT EXISTS citext;

DO $$
DECLARE
  clashes text;
BEGIN
  SELECT string_agg(accounts, '; ' ORDER BY accounts) INTO clashes
  FROM (
    SELECT string_agg(format('%s (%s)', "username", "id"), ', ' ORDER BY "createdAt", "id") AS accounts
    FROM "User"
    WHERE "username" IS NOT NULL
    GROUP BY lower("username")
    HAVING count(*) > 1
  ) AS groups;
  IF clashes IS NOT NULL THEN
    RAISE EXCEPTION 'Usernames must become unique regardless of case, but these accounts share one: %', clashes
      USING HINT = 'Give all but one of each group another username, or none (they still sign in by email): UPDATE "User" SET "username" = NULL WHERE "id" = ''…''; then mark this migration rolled back and start again (README.md, Upgrading).';
  END IF;
END $$;

-- AlterTable
ALTER TABLE "User" ALTER COLUMN "username" SET DATA TYPE CITEXT;
