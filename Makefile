# The two commands of the README: `make play` and `make test`.
SWIFT ?= swift
SCENARIO ?= Scenarios/vo1-afpersing-havo4.casus
BIN_DEBUG = .build/debug/casus
BIN_RELEASE = .build/release/casus

.PHONY: play test deps build release bench fuzz check-scenarios format clean

deps:
	@scripts/ensure-deps

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

play: release
	$(BIN_RELEASE) play $(SCENARIO)

# The whole test suite: unit, golden, end-to-end (pipes and pseudo-terminal), fuzz regressions.
test: build
	$(SWIFT) test --parallel --num-workers 2
	$(BIN_DEBUG) check Scenarios/*.casus

# Figures for CONTRIBUTING.md, from a release build: check throughput, first prompt,
# durable answer, resume, casus test, peak memory.
bench: deps
	$(SWIFT) build -c release --product casus
	$(SWIFT) build -c release --product casus-bench
	.build/release/casus-bench $(CURDIR)/.build/release/casus

fuzz: deps
	scripts/fuzz $(SECONDS)

clean:
	rm -rf .build
