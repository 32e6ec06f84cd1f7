-- Which privacy notice the devotee was shown when booking (docs/decisions/0011-personal-data.md).
-- The devotee site sends the version of the notice on its form; a booking made through the API
-- by a third party or at the counter has none, and NULL records exactly that.
ALTER TABLE `booking` ADD COLUMN `privacy_notice_version` VARCHAR(16) NULL;
