-- Offerings paid online (Razorpay) or at the counter, held places, numbered receipts and refunds
-- (docs/decisions/0018-held-places-and-receipts.md).

-- How a seva is paid, and its refund policy: a full refund when cancelled at least
-- refund_full_hours_before hours before the seva starts, none after.
ALTER TABLE `seva`
  ADD COLUMN `payment_mode` ENUM('counter', 'online_required', 'online_or_counter') NOT NULL DEFAULT 'counter',
  ADD COLUMN `refund_full_hours_before` INT NOT NULL DEFAULT 24,
  ADD CONSTRAINT `seva_refund_hours_check` CHECK (`refund_full_hours_before` >= 0);

-- A booking waiting for its online payment holds its places (they are in slot.booked like a
-- confirmed booking's, so the CHECK on slot still bounds them) until hold_expires_at; one whose
-- hold ran out is `expired` and its places are back on sale. While pending it also keeps the
-- phone's one place in the slot (confirmed_mark), so a devotee cannot hold a slot twice.
-- (The unique index is dropped and made again in the same statement: the slot's foreign key
-- needs an index on slot_id at every moment.)
ALTER TABLE `booking`
  DROP INDEX `booking_one_confirmed_per_phone`,
  MODIFY `status` ENUM('confirmed', 'cancelled', 'pending_payment', 'expired', 'offered') NOT NULL DEFAULT 'confirmed',
  MODIFY `confirmed_mark` TINYINT AS (IF(`status` IN ('confirmed', 'pending_payment', 'offered'), 1, NULL)) STORED,
  -- The fee of all its persons when it was booked, in paise; what the devotee owes.
  ADD COLUMN `fee_paise` INT NOT NULL DEFAULT 0,
  -- How the devotee pays: at the counter or online.
  ADD COLUMN `pays` ENUM('counter', 'online') NOT NULL DEFAULT 'counter',
  ADD COLUMN `hold_expires_at` DATETIME(3) NULL,
  ADD COLUMN `razorpay_order_id` VARCHAR(40) NULL,
  ADD UNIQUE INDEX `booking_one_confirmed_per_phone`(`slot_id`, `phone`, `confirmed_mark`),
  ADD UNIQUE INDEX `booking_razorpay_order_id_key`(`razorpay_order_id`),
  ADD INDEX `booking_status_hold_expires_at_idx`(`status`, `hold_expires_at`),
  ADD CONSTRAINT `booking_fee_check` CHECK (`fee_paise` >= 0),
  ADD CONSTRAINT `booking_hold_check` CHECK (`status` NOT IN ('pending_payment', 'offered') OR `hold_expires_at` IS NOT NULL);

-- The last receipt number given in each financial year (April to March, temple time). Taken in
-- the paying transaction with the row locked, so a rollback gives the number back: no gaps.
CREATE TABLE `receipt_sequence` (
    `financial_year` CHAR(7) NOT NULL,
    `last_number` INT NOT NULL,

    PRIMARY KEY (`financial_year`),
    CONSTRAINT `receipt_sequence_number_check` CHECK (`last_number` > 0)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- One money received for a booking. `kept_mark` is 1 while the payment stands (captured), so at
-- most one payment per booking is kept; a second payment of the same booking is refunded.
CREATE TABLE `payment` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `booking_id` INTEGER NOT NULL,
    `method` ENUM('online', 'cash', 'upi', 'card') NOT NULL,
    `amount_paise` INT NOT NULL,
    `status` ENUM('captured', 'refund_due', 'refunded') NOT NULL DEFAULT 'captured',
    `kept_mark` TINYINT AS (IF(`status` = 'captured', 1, NULL)) STORED,
    `razorpay_payment_id` VARCHAR(40) NULL,
    `razorpay_order_id` VARCHAR(40) NULL,
    `recorded_by_staff_id` INTEGER NULL,
    `paid_at` DATETIME(3) NOT NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updated_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),

    UNIQUE INDEX `payment_razorpay_payment_id_key`(`razorpay_payment_id`),
    UNIQUE INDEX `payment_one_kept_per_booking`(`booking_id`, `kept_mark`),
    INDEX `payment_paid_at_idx`(`paid_at`),
    PRIMARY KEY (`id`),
    CONSTRAINT `payment_amount_check` CHECK (`amount_paise` > 0),
    CONSTRAINT `payment_online_check` CHECK (`method` <> 'online' OR `razorpay_payment_id` IS NOT NULL)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- A numbered receipt for every payment: {RECEIPT_PREFIX}/2026-27/000123.
CREATE TABLE `receipt` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `payment_id` INTEGER NOT NULL,
    `financial_year` CHAR(7) NOT NULL,
    `number` INT NOT NULL,
    `issued_at` DATETIME(3) NOT NULL,

    UNIQUE INDEX `receipt_payment_id_key`(`payment_id`),
    UNIQUE INDEX `receipt_financial_year_number_key`(`financial_year`, `number`),
    PRIMARY KEY (`id`),
    CONSTRAINT `receipt_number_check` CHECK (`number` > 0)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- At most one refund per payment (refunds are full). Online refunds go through Razorpay, sent by
-- the worker with a lease like the notifier's; counter refunds are paid out in cash by a clerk.
CREATE TABLE `refund` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `payment_id` INTEGER NOT NULL,
    `amount_paise` INT NOT NULL,
    `method` ENUM('razorpay', 'cash') NOT NULL,
    `status` ENUM('pending', 'processing', 'processed', 'failed', 'due_at_counter') NOT NULL,
    -- Why: 'cancelled', 'late_payment' (no place left), 'duplicate_payment'.
    `reason` VARCHAR(32) NOT NULL,
    `razorpay_refund_id` VARCHAR(40) NULL,
    `attempts` INT NOT NULL DEFAULT 0,
    `due_at` DATETIME(3) NOT NULL,
    `lease_until` DATETIME(3) NULL,
    `last_error` TEXT NULL,
    `recorded_by_staff_id` INTEGER NULL,
    `processed_at` DATETIME(3) NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updated_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),

    UNIQUE INDEX `refund_payment_id_key`(`payment_id`),
    UNIQUE INDEX `refund_razorpay_refund_id_key`(`razorpay_refund_id`),
    INDEX `refund_status_due_at_idx`(`status`, `due_at`),
    PRIMARY KEY (`id`),
    CONSTRAINT `refund_amount_check` CHECK (`amount_paise` > 0)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- Razorpay webhook events already handled, by their X-Razorpay-Event-Id: a redelivery is a no-op.
CREATE TABLE `razorpay_event` (
    `event_id` VARCHAR(64) NOT NULL,
    `event` VARCHAR(40) NOT NULL,
    `received_at` DATETIME(3) NOT NULL,

    PRIMARY KEY (`event_id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

ALTER TABLE `payment` ADD CONSTRAINT `payment_booking_id_fkey` FOREIGN KEY (`booking_id`) REFERENCES `booking`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `payment` ADD CONSTRAINT `payment_recorded_by_staff_id_fkey` FOREIGN KEY (`recorded_by_staff_id`) REFERENCES `staff_user`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE `receipt` ADD CONSTRAINT `receipt_payment_id_fkey` FOREIGN KEY (`payment_id`) REFERENCES `payment`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `refund` ADD CONSTRAINT `refund_payment_id_fkey` FOREIGN KEY (`payment_id`) REFERENCES `payment`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `refund` ADD CONSTRAINT `refund_recorded_by_staff_id_fkey` FOREIGN KEY (`recorded_by_staff_id`) REFERENCES `staff_user`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- The messages of payments: a late payment refunded because no place was left.
ALTER TABLE `notification`
  MODIFY `kind` ENUM('confirmation', 'cancellation', 'change', 'reminder', 'late_payment_refund', 'waitlist_offer') NOT NULL;

-- Bookings made before this migration keep the fee their seva has now.
UPDATE `booking` b JOIN `slot` s ON s.`id` = b.`slot_id` JOIN `seva` v ON v.`id` = s.`seva_id`
  SET b.`fee_paise` = v.`fee_paise` * b.`persons`;
