# Extraction quality against the development set (../shared/eval): the
# last line `make -s eval` prints is the scorer's JSON metrics.
EVAL_DIR  ?= ../shared/eval
EVAL_OUT  ?= .eval
EVAL_BIN  := $(EVAL_OUT)/pledgegraph
EVAL_PRED := $(EVAL_OUT)/pred.jsonl
# The issue's targets (issue 4).
EVAL_REQUIRE ?= commitment_f1>=0.90,actor_acc>=0.95,topic_f1>=0.85,entity_recall>=0.85,meeting_date_acc>=0.95,meeting_city_acc>=0.95,meeting_parties_acc>=0.95,reference_recall>=0.90

.PHONY: eval eval-check eval-pred

eval-pred:
	@mkdir -p $(EVAL_OUT) && printf '*\n' > $(EVAL_OUT)/.gitignore
	@go build -o $(EVAL_BIN) ./cmd/pledgegraph
	@$(EVAL_BIN) extract --json $(EVAL_DIR)/dev > $(EVAL_PRED)

eval: eval-pred
	@python3 $(EVAL_DIR)/score.py $(EVAL_DIR)/dev $(EVAL_PRED) $(if $(filter 1,$(VERBOSE)),--verbose)

eval-check: eval-pred
	@python3 $(EVAL_DIR)/score.py $(EVAL_DIR)/dev $(EVAL_PRED) --require '$(EVAL_REQUIRE)' $(if $(filter 1,$(VERBOSE)),--verbose)

# The held-out set (ingest/testdata/heldout): invented readouts annotated by
# someone who had not read the extractor. Measure with it; never tune on it.
HELDOUT_DIR ?= ingest/testdata/heldout
.PHONY: eval-heldout
eval-heldout:
	@mkdir -p $(EVAL_OUT) && printf '*\n' > $(EVAL_OUT)/.gitignore
	@go build -o $(EVAL_BIN) ./cmd/pledgegraph
	@$(EVAL_BIN) extract --json $(HELDOUT_DIR) > $(EVAL_OUT)/heldout.jsonl
	@python3 $(EVAL_DIR)/score.py $(HELDOUT_DIR) $(EVAL_OUT)/heldout.jsonl
