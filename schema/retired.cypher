// Indexes that earlier versions created and this one no longer uses:
// Migrate drops them so that an old database matches the files.
DROP INDEX commitment_match IF EXISTS;
DROP INDEX concerns_track IF EXISTS;
DROP INDEX on_topic_track IF EXISTS;
DROP INDEX meeting_bucket IF EXISTS;
