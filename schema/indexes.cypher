// Indexes for the filters the API offers.
CREATE INDEX meeting_date IF NOT EXISTS FOR (n:Meeting) ON (n.date);
CREATE INDEX commitment_date IF NOT EXISTS FOR (n:Commitment) ON (n.date);
CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name);
CREATE INDEX person_key IF NOT EXISTS FOR (n:Person) ON (n.key);
CREATE FULLTEXT INDEX commitment_text IF NOT EXISTS FOR (n:Commitment) ON EACH [n.text];
// Meeting resolution: the full meetings and placeholders of a bucket (the same
// parties in one year), and the references into a bucket (graph/ingest.go).
// A mention's candidates are the meetings of its bucket whose day its date
// covers: bucket, then date prefix.
CREATE INDEX meeting_bucket_date IF NOT EXISTS FOR (n:Meeting) ON (n.bucket, n.date);
// The readouts without a day into a bucket (their REPORTS keep the mention).
CREATE INDEX reports_bucket_date IF NOT EXISTS FOR ()-[r:REPORTS]-() ON (r.bucket, r.date);
CREATE INDEX refers_to_bucket IF NOT EXISTS FOR ()-[r:REFERS_TO]-() ON (r.bucket);
// Tracking: what the same parties committed about one entity, in time order
// ("CN-KG|<entity id>", "date|meeting id"; graph/chains.go).
CREATE INDEX concerns_track_ord IF NOT EXISTS FOR ()-[r:CONCERNS]-() ON (r.track, r.ord);
// Lookups by name for the API's filters.
CREATE INDEX place_name IF NOT EXISTS FOR (n:Place) ON (n.name);
CREATE INDEX meeting_year IF NOT EXISTS FOR (n:Meeting) ON (n.year);
// Tracking by similar text: each commitment's prefix words, qualified by its
// parties and topic ("CNKG_connectivity_railway"), in time order, on the
// commitment's MATCH_KEY self-relationships (graph/terms.go matchKeys).
CREATE INDEX match_key_ord IF NOT EXISTS FOR ()-[r:MATCH_KEY]-() ON (r.key, r.ord);
