#!/usr/bin/env bash
# make run: the main job on one machine. Starts the local Neo4j unless
# NEO4J_URI is set, ingests the bundled corpus and serves the API.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ -z "${NEO4J_URI:-}" ]]; then
	make -s neo4j-start
	export NEO4J_URI="bolt://127.0.0.1:${NEO4J_PORT:-7687}"
else
	echo "run: using NEO4J_URI=$NEO4J_URI (not starting the local Neo4j)"
fi

bin/pledgegraph migrate
bin/pledgegraph ingest corpus

addr=${PLEDGEGRAPH_ADDR:-:8080}
base="http://localhost:${addr##*:}"
cat <<MSG

pledgegraph is starting on $base. Try:
  curl $base/readyz
  curl '$base/v1/commitments?topic=connectivity&since=Xi%27an%202023'
  curl '$base/v1/ask?q=all+commitments+on+connectivity+since+Xi%27an+2023'
  open $base/ for the dashboard
Ctrl-C stops the API; 'make neo4j-stop' stops Neo4j.

MSG
exec bin/pledgegraph serve
