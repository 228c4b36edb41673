-- Up Migration
-- A workspace's own notes folder (issue 14, item 1): a deployment that serves several teams
-- answers each from its own notes. NULL: the install-wide NOTES_DIR. A path on the bot's
-- machine, set by its operator with `saa workspace --notes`; erased with the workspace's data.
ALTER TABLE workspace_settings ADD COLUMN notes_dir text;

-- Down Migration
ALTER TABLE workspace_settings DROP COLUMN notes_dir;
