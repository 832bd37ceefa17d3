# The two commands of the README: `make play` and `make test`.
# For a school: `make deb` (a package), or `make install` (PREFIX=/usr/local, DESTDIR).
SWIFT ?= swift
SCENARIO ?= Scenarios/vo1-afpersing-havo4.casus
BIN_DEBUG = .build/debug/casus
BIN_RELEASE = .build/release/casus

# The installed binary: a release build carrying its Swift runtime (it needs only libc,
# libstdc++ and libreadline of the laptop), in its own scratch folder so the dynamic
# builds in .build/ are not relinked; then stripped (84 MB -> 61 MB).
STATIC = .build-static
BIN_STATIC = $(STATIC)/casus
# casus room and casus play --room: a second program with the network libraries, so the
# other commands start without them (see RoomNetwork in Sources/CasusCLI).
ROOM_STATIC = $(STATIC)/casus-room
GENERATED = $(STATIC)/generated

PREFIX ?= /usr/local
DESTDIR ?=
BINDIR ?= $(PREFIX)/bin
# casus finds casus-room in ../lib/casus from its own folder.
LIBDIR ?= $(PREFIX)/lib/casus
DATADIR ?= $(PREFIX)/share
MANDIR ?= $(DATADIR)/man
DOCDIR ?= $(DATADIR)/doc/casus
BASH_COMPLETIONS ?= $(DATADIR)/bash-completion/completions
# Debian's zsh reads vendor-completions for /usr; elsewhere zsh's own site-functions.
ZSH_COMPLETIONS ?= $(if $(filter /usr,$(PREFIX)),$(DATADIR)/zsh/vendor-completions,$(DATADIR)/zsh/site-functions)
FISH_COMPLETIONS ?= $(DATADIR)/fish/vendor_completions.d
DOCS = docs/handleiding.md docs/language.md docs/answer-scripts.md README.md
SCENARIO_FILES = $(shell cd Scenarios && find . -type f -name '*.casus' | LC_ALL=C sort)
SCENARIO_DIRS = $(shell cd Scenarios && find . -mindepth 1 -type d | LC_ALL=C sort -r)

.PHONY: play room test deps build release static generated install uninstall deb test-install bench fuzz check-scenarios format clean

deps:
	@scripts/ensure-deps

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

# Only the casus product: not the room, bench, fuzz and probe programs play never uses.
play: deps
	$(SWIFT) build -c release --product casus
	$(BIN_RELEASE) play $(SCENARIO)

# The facilitator's room from a checkout (casus room with the arguments in ROOM_ARGS).
room: deps
	$(SWIFT) build -c release --product casus
	$(SWIFT) build -c release --product casus-room
	$(BIN_RELEASE) room $(ROOM_ARGS)

# The whole test suite: unit, golden, end-to-end (pipes and pseudo-terminal), fuzz regressions.
test: build
	@scripts/ensure-deps --test
	$(SWIFT) test --parallel --num-workers 2
	$(BIN_DEBUG) check Scenarios/*.casus

# Figures for CONTRIBUTING.md, from a release build: check throughput, first prompt,
# durable answer, resume, casus test, peak memory.
# Also the installed static binary (make install into $(STATIC)/bench-root) side by side with
# the dynamic one, and a minimal Swift program printing a prompt, built both ways.
BENCH_ROOT = $(STATIC)/bench-root
bench: deps
	$(SWIFT) build -c release --product casus
	$(SWIFT) build -c release --product casus-room
	$(SWIFT) build -c release --product casus-bench
	$(MAKE) --no-print-directory install DESTDIR=$(CURDIR)/$(BENCH_ROOT) PREFIX=/usr >/dev/null
	swiftc -O scripts/bench/prompt-reference.swift -o $(STATIC)/prompt-reference-dynamic
	swiftc -O -static-stdlib scripts/bench/prompt-reference.swift -o $(STATIC)/prompt-reference-static
	strip $(STATIC)/prompt-reference-static
	.build/release/casus-bench $(CURDIR)/.build/release/casus --installed $(CURDIR)/$(BENCH_ROOT)/usr/bin/casus \
		--reference static=$(CURDIR)/$(STATIC)/prompt-reference-static \
		--reference dynamic=$(CURDIR)/$(STATIC)/prompt-reference-dynamic

static: deps
	for product in casus casus-room; do \
		$(SWIFT) build -c release --product $$product --static-swift-stdlib --disable-local-rpath --scratch-path $(STATIC) \
			-Xlinker -z -Xlinker now || exit 1; \
	done
	strip --strip-all --remove-section=.comment --remove-section=.note -o $(BIN_STATIC) $(STATIC)/release/casus
	strip --strip-all --remove-section=.comment --remove-section=.note -o $(ROOM_STATIC) $(STATIC)/release/casus-room

# The man page (swift-argument-parser's generate-manual tool, the one its plugin runs, here
# run on the static binary so the plugin does not relink it) and the completion scripts.
# The help texts follow the language; the man page's frame is English, so it is made in English.
generated: static
	$(SWIFT) build --product generate-manual --scratch-path $(STATIC)
	mkdir -p $(GENERATED)
	CASUS_LANG=en $(STATIC)/debug/generate-manual $(BIN_STATIC) --section 1 --authors "casus maintainers" \
		--date "$$(git log -1 --format=%cs 2>/dev/null || date -u +%F)" --output-directory $(GENERATED)
	# bash-completion sources the file; a #! line would only mislead (lintian says so).
	$(BIN_STATIC) --generate-completion-script bash | sed '1{/^#!/d}' > $(GENERATED)/casus.bash
	$(BIN_STATIC) --generate-completion-script zsh > $(GENERATED)/_casus
	$(BIN_STATIC) --generate-completion-script fish > $(GENERATED)/casus.fish

install: generated
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(DOCDIR) \
		$(DESTDIR)$(BASH_COMPLETIONS) $(DESTDIR)$(ZSH_COMPLETIONS) $(DESTDIR)$(FISH_COMPLETIONS)
	install -m 0755 $(BIN_STATIC) $(DESTDIR)$(BINDIR)/casus
	install -m 0755 $(ROOM_STATIC) $(DESTDIR)$(LIBDIR)/casus-room
	install -m 0644 $(GENERATED)/casus.1 $(DESTDIR)$(MANDIR)/man1/casus.1
	install -m 0644 $(GENERATED)/casus.bash $(DESTDIR)$(BASH_COMPLETIONS)/casus
	install -m 0644 $(GENERATED)/_casus $(DESTDIR)$(ZSH_COMPLETIONS)/_casus
	install -m 0644 $(GENERATED)/casus.fish $(DESTDIR)$(FISH_COMPLETIONS)/casus.fish
	for f in $(SCENARIO_FILES); do \
		install -D -m 0644 Scenarios/$$f $(DESTDIR)$(DATADIR)/casus/Scenarios/$$f || exit 1; \
	done
	install -m 0644 $(DOCS) LICENSE $(DESTDIR)$(DOCDIR)/

# Removes exactly what install put there; folders only when they are empty then.
uninstall:
	rm -f $(DESTDIR)$(BINDIR)/casus $(DESTDIR)$(LIBDIR)/casus-room $(DESTDIR)$(MANDIR)/man1/casus.1 $(DESTDIR)$(BASH_COMPLETIONS)/casus \
		$(DESTDIR)$(ZSH_COMPLETIONS)/_casus $(DESTDIR)$(FISH_COMPLETIONS)/casus.fish
	for f in $(SCENARIO_FILES); do rm -f $(DESTDIR)$(DATADIR)/casus/Scenarios/$$f; done
	for f in $(notdir $(DOCS)) LICENSE; do rm -f $(DESTDIR)$(DOCDIR)/$$f; done
	-cd $(DESTDIR)$(DATADIR)/casus/Scenarios 2>/dev/null && rmdir $(SCENARIO_DIRS) 2>/dev/null
	-rmdir $(DESTDIR)$(DATADIR)/casus/Scenarios $(DESTDIR)$(DATADIR)/casus $(DESTDIR)$(DOCDIR) $(DESTDIR)$(LIBDIR) 2>/dev/null

# A Debian package in .build-deb/ (scripts/make-deb), checked with lintian.
deb: generated
	scripts/make-deb

# The fresh-laptop test: the .deb in a minimal Debian root without Swift (needs root and
# Debian's mirror; not part of `make test`, see CONTRIBUTING.md).
test-install: deb
	scripts/test-install

fuzz: deps
	scripts/fuzz $(SECONDS)

clean:
	rm -rf .build $(STATIC) .build-deb .build-install
