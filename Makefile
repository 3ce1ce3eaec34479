# pledgegraph: the two commands a newcomer needs are `make run` and `make test`.
#
#   make run     local Neo4j (unless NEO4J_URI is set), schema, bundled corpus, API on :8080
#   make test    go vet and every test, against a Neo4j of its own on port 17687
#   make eval    extraction quality on ../shared/eval/dev (VERBOSE=1 for misses)
SHELL := /bin/bash
GO ?= go
BIN := bin/pledgegraph
# The one build command; the Dockerfile runs the same (cmd/pledgegraph/deploy_test.go checks).
GOBUILD := CGO_ENABLED=0 go build -trimpath -o bin/pledgegraph ./cmd/pledgegraph

.DEFAULT_GOAL := help
.PHONY: help build run test vet fmt clean

help:
	@sed -n 's/^#   //p' Makefile

include neo4j/neo4j.mk
-include eval.mk

build:
	$(GOBUILD)

# run: start the local Neo4j unless NEO4J_URI points elsewhere, then ingest the
# bundled corpus and serve. Ctrl-C stops the API; `make neo4j-stop` stops Neo4j.
run: build
	@scripts/run.sh

# test: a fresh Neo4j on TEST_NEO4J_PORT, stopped even when tests fail.
TEST_NEO4J_PORT ?= 17687
test:
	@TEST_NEO4J_PORT=$(TEST_NEO4J_PORT) scripts/test.sh

vet:
	$(GO) vet ./...

fmt:
	gofmt -w $$(git ls-files '*.go')

clean:
	rm -rf bin .eval .artifacts
