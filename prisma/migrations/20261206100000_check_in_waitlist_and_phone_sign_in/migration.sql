-- At the gate and after a sell-out (docs/decisions/0019-check-in-codes-and-waitlist-offers.md).

-- Who arrived: set once by the first scan at the gate. A scan queued on a device offline is sent
-- again with the same id, and is answered as that same check-in rather than a second one.
ALTER TABLE `booking`
  ADD COLUMN `arrived_at` DATETIME(3) NULL,
  ADD COLUMN `arrived_by_staff_id` INTEGER NULL,
  ADD COLUMN `arrival_scan_id` VARCHAR(64) NULL,
  -- The waitlist entry a booking was offered to (status 'offered' while the offer is open).
  ADD COLUMN `waitlist_entry_id` INTEGER NULL,
  ADD UNIQUE INDEX `booking_arrival_scan_id_key`(`arrival_scan_id`),
  ADD UNIQUE INDEX `booking_waitlist_entry_id_key`(`waitlist_entry_id`),
  ADD INDEX `booking_slot_id_arrived_at_idx`(`slot_id`, `arrived_at`);

-- Devotees waiting for a full slot, in id order. `waiting_mark` is 1 while the entry waits or
-- holds an offer, so a phone has at most one live entry per slot.
CREATE TABLE `waitlist_entry` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `slot_id` INTEGER NOT NULL,
    `devotee_name` VARCHAR(120) NOT NULL,
    `phone` VARCHAR(16) NOT NULL,
    `email` VARCHAR(254) NULL,
    `persons` INTEGER NOT NULL,
    `language` ENUM('en', 'kn', 'hi', 'te') NOT NULL DEFAULT 'en',
    `status` ENUM('waiting', 'offered', 'booked', 'expired', 'removed') NOT NULL DEFAULT 'waiting',
    `waiting_mark` TINYINT AS (IF(`status` IN ('waiting', 'offered'), 1, NULL)) STORED,
    -- SHA-256 of the entry's secret link token (to see the position, leave, accept an offer).
    `token_hash` CHAR(64) NOT NULL,
    `offers_made` INT NOT NULL DEFAULT 0,
    `removed_by_staff_id` INTEGER NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updated_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),

    UNIQUE INDEX `waitlist_one_per_phone`(`slot_id`, `phone`, `waiting_mark`),
    INDEX `waitlist_entry_slot_id_status_idx`(`slot_id`, `status`),
    INDEX `waitlist_entry_phone_idx`(`phone`),
    PRIMARY KEY (`id`),
    CONSTRAINT `waitlist_entry_persons_check` CHECK (`persons` > 0)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- One-time codes sent by WhatsApp to see "my bookings" by phone: hashed, a few tries each, ten
-- minutes.
CREATE TABLE `phone_sign_in_code` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `phone` VARCHAR(16) NOT NULL,
    `code_hash` CHAR(64) NOT NULL,
    `attempts` INT NOT NULL DEFAULT 0,
    `expires_at` DATETIME(3) NOT NULL,
    `used_at` DATETIME(3) NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `phone_sign_in_code_phone_created_at_idx`(`phone`, `created_at`),
    INDEX `phone_sign_in_code_expires_at_idx`(`expires_at`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- Settings an admin changes from the admin site (for example the no-show limit), by name.
CREATE TABLE `temple_setting` (
    `name` VARCHAR(64) NOT NULL,
    `value` VARCHAR(255) NOT NULL,
    `updated_by_staff_id` INTEGER NULL,
    `updated_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),

    PRIMARY KEY (`name`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

ALTER TABLE `booking` ADD CONSTRAINT `booking_arrived_by_staff_id_fkey` FOREIGN KEY (`arrived_by_staff_id`) REFERENCES `staff_user`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE `booking` ADD CONSTRAINT `booking_waitlist_entry_id_fkey` FOREIGN KEY (`waitlist_entry_id`) REFERENCES `waitlist_entry`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE `waitlist_entry` ADD CONSTRAINT `waitlist_entry_slot_id_fkey` FOREIGN KEY (`slot_id`) REFERENCES `slot`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `waitlist_entry` ADD CONSTRAINT `waitlist_entry_removed_by_staff_id_fkey` FOREIGN KEY (`removed_by_staff_id`) REFERENCES `staff_user`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE `temple_setting` ADD CONSTRAINT `temple_setting_updated_by_staff_id_fkey` FOREIGN KEY (`updated_by_staff_id`) REFERENCES `staff_user`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
