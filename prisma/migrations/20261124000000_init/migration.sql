-- Sevabook's first schema. Hand-written in Prisma's layout; besides what schema.prisma says it
-- adds the database-level guarantees of DESIGN.md ("Invariants the database itself enforces"):
--   1. CHECK (booked >= 0 AND booked <= capacity) on slot
--   2. UNIQUE (slot_id, phone, confirmed_mark), confirmed_mark generated from status
--   3. UNIQUE idempotency_key on booking
--   4. UNIQUE (booking_id, kind, channel, event_seq) on notification
--   5. UNIQUE reference on booking

CREATE TABLE `seva` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `slug` VARCHAR(64) NOT NULL,
    `name_en` VARCHAR(120) NOT NULL,
    `name_kn` VARCHAR(120) NOT NULL,
    `name_hi` VARCHAR(120) NULL,
    `name_te` VARCHAR(120) NULL,
    `description_en` TEXT NOT NULL,
    `description_kn` TEXT NOT NULL,
    `description_hi` TEXT NULL,
    `description_te` TEXT NULL,
    `duration_minutes` INTEGER NOT NULL,
    `fee_paise` INTEGER NOT NULL,
    `default_capacity` INTEGER NOT NULL,
    `max_persons_per_booking` INTEGER NOT NULL,
    `booking_opens_days_ahead` INTEGER NOT NULL,
    `booking_closes_minutes_before` INTEGER NOT NULL,
    `asks_gotra` BOOLEAN NOT NULL DEFAULT false,
    `asks_nakshatra` BOOLEAN NOT NULL DEFAULT false,
    `asks_rashi` BOOLEAN NOT NULL DEFAULT false,
    `active` BOOLEAN NOT NULL DEFAULT true,
    `sort_order` INTEGER NOT NULL DEFAULT 0,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updated_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),

    UNIQUE INDEX `seva_slug_key`(`slug`),
    PRIMARY KEY (`id`),
    CONSTRAINT `seva_numbers_check` CHECK (`duration_minutes` > 0 AND `fee_paise` >= 0
        AND `default_capacity` > 0 AND `max_persons_per_booking` > 0
        AND `booking_opens_days_ahead` >= 0 AND `booking_closes_minutes_before` >= 0)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

CREATE TABLE `schedule` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `seva_id` INTEGER NOT NULL,
    `weekdays` VARCHAR(13) NOT NULL,
    `times` VARCHAR(255) NOT NULL,
    `capacity` INTEGER NULL,
    `valid_from` DATE NOT NULL,
    `valid_until` DATE NULL,
    `active` BOOLEAN NOT NULL DEFAULT true,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updated_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),

    INDEX `schedule_seva_id_idx`(`seva_id`),
    PRIMARY KEY (`id`),
    CONSTRAINT `schedule_capacity_check` CHECK (`capacity` IS NULL OR `capacity` > 0),
    CONSTRAINT `schedule_validity_check` CHECK (`valid_until` IS NULL OR `valid_until` >= `valid_from`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

CREATE TABLE `closed_date` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `seva_id` INTEGER NULL,
    `date` DATE NOT NULL,
    `reason` VARCHAR(200) NOT NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `closed_date_date_idx`(`date`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

CREATE TABLE `slot` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `seva_id` INTEGER NOT NULL,
    `schedule_id` INTEGER NULL,
    `starts_at` DATETIME(0) NOT NULL,
    `capacity` INTEGER NOT NULL,
    `booked` INTEGER NOT NULL DEFAULT 0,
    `status` ENUM('open', 'closed', 'cancelled') NOT NULL DEFAULT 'open',
    `note` VARCHAR(200) NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    -- ON UPDATE: a raw conditional UPDATE of `booked` moves it too, and the availability feed
    -- polls this column.
    `updated_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),

    INDEX `slot_starts_at_idx`(`starts_at`),
    INDEX `slot_updated_at_idx`(`updated_at`),
    UNIQUE INDEX `slot_seva_id_starts_at_key`(`seva_id`, `starts_at`),
    PRIMARY KEY (`id`),
    -- Invariant 1: a slot never holds more places than its capacity.
    CONSTRAINT `slot_booked_within_capacity` CHECK (`booked` >= 0 AND `booked` <= `capacity`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

CREATE TABLE `staff_user` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `email` VARCHAR(254) NOT NULL,
    `name` VARCHAR(120) NOT NULL,
    `role` ENUM('admin', 'staff', 'viewer') NOT NULL,
    `password_hash` VARCHAR(255) NOT NULL,
    `active` BOOLEAN NOT NULL DEFAULT true,
    `must_change_password` BOOLEAN NOT NULL DEFAULT false,
    `failed_logins` INTEGER NOT NULL DEFAULT 0,
    `locked_until` DATETIME(3) NULL,
    `last_login_at` DATETIME(3) NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updated_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),

    UNIQUE INDEX `staff_user_email_key`(`email`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

CREATE TABLE `refresh_token` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `staff_user_id` INTEGER NOT NULL,
    `family_id` CHAR(36) NOT NULL,
    `token_hash` CHAR(64) NOT NULL,
    `expires_at` DATETIME(3) NOT NULL,
    `rotated_at` DATETIME(3) NULL,
    `revoked_at` DATETIME(3) NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    UNIQUE INDEX `refresh_token_token_hash_key`(`token_hash`),
    INDEX `refresh_token_family_id_idx`(`family_id`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

CREATE TABLE `api_key` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `name` VARCHAR(120) NOT NULL,
    `role` ENUM('admin', 'staff', 'viewer') NOT NULL,
    `prefix` VARCHAR(16) NOT NULL,
    `key_hash` CHAR(64) NOT NULL,
    `created_by_id` INTEGER NOT NULL,
    `last_used_at` DATETIME(3) NULL,
    `revoked_at` DATETIME(3) NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    UNIQUE INDEX `api_key_key_hash_key`(`key_hash`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

CREATE TABLE `booking` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `reference` VARCHAR(16) NOT NULL,
    `slot_id` INTEGER NOT NULL,
    `devotee_name` VARCHAR(120) NOT NULL,
    `phone` VARCHAR(16) NOT NULL,
    `email` VARCHAR(254) NULL,
    `persons` INTEGER NOT NULL,
    `gotra` VARCHAR(80) NULL,
    `nakshatra` VARCHAR(40) NULL,
    `rashi` VARCHAR(40) NULL,
    `language` ENUM('en', 'kn', 'hi', 'te') NOT NULL DEFAULT 'en',
    `status` ENUM('confirmed', 'cancelled') NOT NULL DEFAULT 'confirmed',
    `source` ENUM('web', 'counter', 'api') NOT NULL,
    -- Invariant 2: 1 while confirmed, NULL once cancelled; MariaDB and MySQL allow any number
    -- of NULLs in a unique index, so a cancelled booking never blocks the phone from rebooking.
    `confirmed_mark` TINYINT AS (IF(`status` = 'confirmed', 1, NULL)) STORED,
    `idempotency_key` VARCHAR(128) NULL,
    `idempotency_fingerprint` CHAR(64) NULL,
    `manage_token_hash` CHAR(64) NOT NULL,
    `version` INTEGER NOT NULL DEFAULT 1,
    `cancelled_at` DATETIME(3) NULL,
    `cancelled_by` ENUM('staff', 'devotee', 'api_key', 'system') NULL,
    `cancel_reason` VARCHAR(300) NULL,
    `created_by_staff_id` INTEGER NULL,
    `api_key_id` INTEGER NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updated_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),

    -- Invariant 5
    UNIQUE INDEX `booking_reference_key`(`reference`),
    -- Invariant 3
    UNIQUE INDEX `booking_idempotency_key_key`(`idempotency_key`),
    -- Invariant 2
    UNIQUE INDEX `booking_one_confirmed_per_phone`(`slot_id`, `phone`, `confirmed_mark`),
    INDEX `booking_phone_idx`(`phone`),
    INDEX `booking_created_at_idx`(`created_at`),
    INDEX `booking_status_slot_id_idx`(`status`, `slot_id`),
    INDEX `booking_devotee_name_idx`(`devotee_name`),
    PRIMARY KEY (`id`),
    CONSTRAINT `booking_persons_check` CHECK (`persons` > 0)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

CREATE TABLE `notification` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `booking_id` INTEGER NOT NULL,
    `kind` ENUM('confirmation', 'cancellation', 'change', 'reminder') NOT NULL,
    `channel` ENUM('whatsapp') NOT NULL DEFAULT 'whatsapp',
    `event_seq` INTEGER NOT NULL,
    `status` ENUM('pending', 'sending', 'sent', 'delivered', 'read', 'failed', 'dead', 'cancelled') NOT NULL DEFAULT 'pending',
    `due_at` DATETIME(3) NOT NULL,
    `attempts` INTEGER NOT NULL DEFAULT 0,
    `lease_until` DATETIME(3) NULL,
    `claimed_by` VARCHAR(64) NULL,
    `provider_sid` VARCHAR(64) NULL,
    `last_error` TEXT NULL,
    `last_error_code` VARCHAR(32) NULL,
    `sent_at` DATETIME(3) NULL,
    `delivered_at` DATETIME(3) NULL,
    `read_at` DATETIME(3) NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updated_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),

    UNIQUE INDEX `notification_provider_sid_key`(`provider_sid`),
    INDEX `notification_status_due_at_idx`(`status`, `due_at`),
    -- Invariant 4: a booking event produces exactly one notification of its kind.
    UNIQUE INDEX `notification_one_per_event`(`booking_id`, `kind`, `channel`, `event_seq`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

CREATE TABLE `audit_entry` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `booking_id` INTEGER NULL,
    `entity_type` VARCHAR(32) NOT NULL,
    `entity_id` INTEGER NOT NULL,
    `action` VARCHAR(48) NOT NULL,
    `actor_type` ENUM('staff', 'devotee', 'api_key', 'system') NOT NULL,
    `actor_id` INTEGER NULL,
    `actor_label` VARCHAR(254) NOT NULL,
    `before` TEXT NULL,
    `after` TEXT NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `audit_entry_booking_id_created_at_idx`(`booking_id`, `created_at`),
    INDEX `audit_entry_entity_type_entity_id_idx`(`entity_type`, `entity_id`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

ALTER TABLE `schedule` ADD CONSTRAINT `schedule_seva_id_fkey` FOREIGN KEY (`seva_id`) REFERENCES `seva`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `closed_date` ADD CONSTRAINT `closed_date_seva_id_fkey` FOREIGN KEY (`seva_id`) REFERENCES `seva`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE `slot` ADD CONSTRAINT `slot_seva_id_fkey` FOREIGN KEY (`seva_id`) REFERENCES `seva`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `slot` ADD CONSTRAINT `slot_schedule_id_fkey` FOREIGN KEY (`schedule_id`) REFERENCES `schedule`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE `refresh_token` ADD CONSTRAINT `refresh_token_staff_user_id_fkey` FOREIGN KEY (`staff_user_id`) REFERENCES `staff_user`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `api_key` ADD CONSTRAINT `api_key_created_by_id_fkey` FOREIGN KEY (`created_by_id`) REFERENCES `staff_user`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `booking` ADD CONSTRAINT `booking_slot_id_fkey` FOREIGN KEY (`slot_id`) REFERENCES `slot`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `booking` ADD CONSTRAINT `booking_created_by_staff_id_fkey` FOREIGN KEY (`created_by_staff_id`) REFERENCES `staff_user`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE `booking` ADD CONSTRAINT `booking_api_key_id_fkey` FOREIGN KEY (`api_key_id`) REFERENCES `api_key`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE `notification` ADD CONSTRAINT `notification_booking_id_fkey` FOREIGN KEY (`booking_id`) REFERENCES `booking`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `audit_entry` ADD CONSTRAINT `audit_entry_booking_id_fkey` FOREIGN KEY (`booking_id`) REFERENCES `booking`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
