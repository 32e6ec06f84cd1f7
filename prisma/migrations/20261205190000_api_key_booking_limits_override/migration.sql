-- A third party's API key books as a devotee does: inside the booking window and within the
-- per-phone cap. An admin may create a key that overrides both, as the counter does (a temple's
-- own kiosk or office software); that choice is made once, when the key is created.
ALTER TABLE `api_key` ADD COLUMN `override_booking_limits` BOOLEAN NOT NULL DEFAULT false;
