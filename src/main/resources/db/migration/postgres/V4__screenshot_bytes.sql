-- Screenshot images in the database, so that every node serves every screenshot. An image is split into chunks so it
-- can be streamed out one chunk at a time; the chunks go with their screenshot row (and so with their audit).
CREATE TABLE audit_screenshot_chunks (
    screenshot_id bigint  NOT NULL REFERENCES audit_screenshots (id) ON DELETE CASCADE,
    chunk         integer NOT NULL CHECK (chunk >= 0),
    bytes         bytea   NOT NULL,
    PRIMARY KEY (screenshot_id, chunk)
);

-- PNG, JPEG and WebP are compressed already: storing them out of line without compressing again saves the work.
ALTER TABLE audit_screenshot_chunks ALTER COLUMN bytes SET STORAGE EXTERNAL;
