-- What a devotee needs on the day, told in the confirmation and the reminder: how many minutes
-- before the seva to be at the temple (0 = nothing particular), and what to bring or wear, in
-- English and Kannada (NULL = nothing asked).
ALTER TABLE `seva`
  ADD COLUMN `arrive_minutes_before` INT NOT NULL DEFAULT 0,
  ADD COLUMN `bring_note_en` VARCHAR(300) NULL,
  ADD COLUMN `bring_note_kn` VARCHAR(300) NULL;
