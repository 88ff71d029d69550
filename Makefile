# One command per task; CI (.ci/run) calls these same targets.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
PACKAGES := -p talentverbund.node -p talentverbund.crypto -p talentverbund.matching -p talentverbund.protocol

.PHONY: demo test test-all bench lint typecheck proto proto-check wheelhouse clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/talentverbund demo --nodes 3 --candidates 40

test: $(STAMP)
	$(BIN)/pytest -q -m "not slow"

test-all: $(STAMP)
	$(BIN)/pytest -q

bench: $(STAMP)
	$(BIN)/python -m pip install -q -e '.[dev,eval]'
	$(BIN)/python bench/ingest.py --count 2000 --runs 5 --output bench/results/ingest.json
	$(BIN)/python bench/search_speed.py --output bench/results/search_speed.json
	$(BIN)/python bench/eval_matching.py --size full --output bench/results/eval_matching.json
	$(BIN)/python bench/fairness.py --output bench/results/fairness.json
	$(BIN)/python bench/encode_speed.py --output bench/results/encode_speed.json
	$(BIN)/python bench/merkle_speed.py --output bench/results/merkle_speed.json
	$(BIN)/python bench/federated_search.py --nodes 20 --candidates 10000 --queries 40 --output bench/results/federated_search.json
	$(BIN)/python bench/audit_speed.py --output bench/results/audit_speed.json
	$(BIN)/python bench/security_overhead.py --runs 400 --output bench/results/security_overhead.json

# mypy reads the package-dir mapping through a tree of symlinks (talentverbund/node -> node, ...)
typecheck: $(STAMP)
	mkdir -p .typecheck/talentverbund
	for d in node crypto matching protocol; do ln -sfn ../../$$d .typecheck/talentverbund/$$d; done
	$(BIN)/mypy $(PACKAGES)

lint: $(STAMP) typecheck proto-check
	$(BIN)/ruff check .

# Generated protobuf/gRPC code lives in protocol/v1 and is only ever written by this command.
proto: $(STAMP)
	PY=$(BIN)/python bash scripts/gen_proto.sh

proto-check: $(STAMP)
	PY=$(BIN)/python bash scripts/gen_proto.sh --check

# Every wheel an offline server needs: pip install --no-index --find-links wheelhouse talentverbund
wheelhouse: $(STAMP)
	rm -rf wheelhouse
	$(BIN)/python -m pip wheel -q -w wheelhouse .
	@echo "wheelhouse/ holds $$(ls wheelhouse | wc -l) wheels"

clean:
	rm -rf .typecheck build wheelhouse *.egg-info .pytest_cache .mypy_cache .ruff_cache
