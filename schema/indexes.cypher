// Indexes for the filters the API offers.
CREATE INDEX meeting_date IF NOT EXISTS FOR (n:Meeting) ON (n.date);
CREATE INDEX commitment_date IF NOT EXISTS FOR (n:Commitment) ON (n.date);
CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name);
CREATE INDEX person_key IF NOT EXISTS FOR (n:Person) ON (n.key);
CREATE FULLTEXT INDEX commitment_text IF NOT EXISTS FOR (n:Commitment) ON EACH [n.text];
