# Local Neo4j (community, embedded; no Docker) and Cypher Shell.
# Included from the top-level Makefile; run from the repo root.
#
#   make neo4j-start                     # bolt://127.0.0.1:7687, data in .neo4j/7687
#   NEO4J_PORT=17687 NEO4J_DATA=/tmp/x make neo4j-start   # a second instance beside it
#   echo 'MATCH (n) RETURN count(n);' | make -s cypher-shell
#   make cypher-shell WRITE=1            # read-only unless WRITE=1
#
# Jars come from Maven Central on first use (neo4j/pom.xml, neo4j/shell-pom.xml;
# NEO4J_VERSION=... to override) and are reused offline afterwards.

NEO4J_MK_DIR := $(patsubst %/,%,$(dir $(lastword $(MAKEFILE_LIST))))

NEO4J_PORT ?= 7687
NEO4J_DATA ?= .neo4j/$(NEO4J_PORT)
NEO4J_START_TIMEOUT ?= 120
NEO4J_STOP_TIMEOUT ?= 60
# ZGC: Neo4j allocates about 1 MB per query page of commitments, and G1's
# young collections paused it 10-100 ms every second or two at 200 queries/s
# (the API benchmark's p99); ZGC's pauses stay under a few ms at the same
# CPU per query. A fixed heap: no resizing under load.
NEO4J_JAVA_OPTS ?= -Xms2g -Xmx2g -XX:+UseZGC -XX:+ExitOnOutOfMemoryError
NEO4J_URI ?= bolt://127.0.0.1:$(NEO4J_PORT)
NEO4J_DATABASE ?= neo4j
NEO4J_USER ?=
NEO4J_PASSWORD ?=
CYPHER_SHELL_ARGS ?=

NEO4J_CTL = NEO4J_PORT='$(NEO4J_PORT)' NEO4J_DATA='$(NEO4J_DATA)' \
	NEO4J_START_TIMEOUT='$(NEO4J_START_TIMEOUT)' NEO4J_STOP_TIMEOUT='$(NEO4J_STOP_TIMEOUT)' \
	NEO4J_JAVA_OPTS='$(NEO4J_JAVA_OPTS)' sh $(NEO4J_MK_DIR)/ctl.sh

.PHONY: neo4j-deps neo4j-start neo4j-stop neo4j-status cypher-shell

neo4j-deps:
	@$(NEO4J_CTL) deps

neo4j-start: neo4j-deps
	@$(NEO4J_CTL) start

neo4j-stop:
	@$(NEO4J_CTL) stop

# Exits 3 when not running.
neo4j-status:
	@$(NEO4J_CTL) status

# Credentials go through the environment (not argv); with auth off none are needed.
cypher-shell: neo4j-deps
	@$(if $(NEO4J_USER),NEO4J_USERNAME='$(NEO4J_USER)') $(if $(NEO4J_PASSWORD),NEO4J_PASSWORD='$(NEO4J_PASSWORD)') \
	java -cp '$(NEO4J_MK_DIR)/shell-lib/*' org.neo4j.shell.Main \
		-a '$(NEO4J_URI)' -d '$(NEO4J_DATABASE)' --access-mode $(if $(filter 1,$(WRITE)),write,read) \
		$(CYPHER_SHELL_ARGS)
