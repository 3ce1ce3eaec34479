#!/usr/bin/env bash
# make test: go vet and every test, integration tests included, against a
# Neo4j of its own (port TEST_NEO4J_PORT, a fresh data directory), which is
# stopped whatever the outcome.
set -euo pipefail
cd "$(dirname "$0")/.."

port=${TEST_NEO4J_PORT:-17687}
data=$(mktemp -d -t pledgegraph-test-neo4j.XXXXXX)
start=$(date +%s)

stop_neo4j() {
	NEO4J_PORT=$port NEO4J_DATA=$data make -s neo4j-stop || true
	rm -rf "$data"
}
trap stop_neo4j EXIT

# The dashboard's browser tests (web/) drive Debian's chromium, which a clean
# machine lacks: install it (non-interactive; CI runs as root).
if ! command -v chromium >/dev/null 2>&1; then
	echo "test: installing chromium"
	(export DEBIAN_FRONTEND=noninteractive && apt-get update -qq && apt-get install -y -qq chromium >/dev/null)
fi

NEO4J_PORT=$port NEO4J_DATA=$data make -s neo4j-start

echo "test: go vet ./..."
go vet ./...

export NEO4J_URI="bolt://127.0.0.1:$port" NEO4J_USER="" NEO4J_PASSWORD="" NEO4J_DATABASE=neo4j
# Integration tests fail, not skip, when Neo4j is missing under make test.
export PLEDGEGRAPH_REQUIRE_NEO4J=1
mkdir -p .artifacts
# -p 1: packages share Community's single database.
set +e
go test -p 1 -count=1 ./... 2>&1 | tee .artifacts/go-test.log
status=${PIPESTATUS[0]}
set -e
echo "test: finished in $(( $(date +%s) - start ))s"
exit "$status"
