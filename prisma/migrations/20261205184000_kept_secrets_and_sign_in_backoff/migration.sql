-- Secrets a server generates for itself when none is configured (outside production): made once,
-- by whichever process starts first (INSERT IGNORE, then read back), and shared by every
-- process on this database, so manage links and staff sessions survive restarts.
-- See docs/decisions/0010-secrets.md.
CREATE TABLE `server_secret` (
    `name` VARCHAR(64) NOT NULL,
    `value` VARCHAR(128) NOT NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    PRIMARY KEY (`name`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- Wrong passwords per account and client address. They slow down that address for that account
-- only: an attacker elsewhere can no longer lock a staff member out. The account is kept as the
-- SHA-256 of the lowercased email, so emails guessed by an attacker are not stored readably.
CREATE TABLE `sign_in_failure` (
    `account_key` CHAR(64) NOT NULL,
    `address` VARCHAR(64) NOT NULL,
    `failures` INTEGER NOT NULL DEFAULT 0,
    `last_failed_at` DATETIME(3) NOT NULL,
    `blocked_until` DATETIME(3) NULL,

    INDEX `sign_in_failure_last_failed_at_idx`(`last_failed_at`),
    PRIMARY KEY (`account_key`, `address`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- The whole-account lock is gone (failed_logins, locked_until). session_version is carried in
-- every access token and checked on each request: raising it ends all of a user's access
-- tokens at once (refresh-token reuse, a password reset by an admin).
ALTER TABLE `staff_user`
    DROP COLUMN `failed_logins`,
    DROP COLUMN `locked_until`,
    ADD COLUMN `session_version` INTEGER NOT NULL DEFAULT 0;
