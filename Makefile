# claimcheck: plain GNU make. `make` builds ./claimcheck and build/libclaimcheck.a;
# `make check` runs every test plain, under ASan+UBSan, and under valgrind.

PREFIX  ?= /usr/local
DESTDIR ?=
CC      ?= cc
PKG_CONFIG ?= pkg-config

PKGS     := libpcre2-8 libxml-2.0 libutf8proc libcmark
TESTPKGS := cunit jansson
# Debian packages that provide the above (and the tools the targets use)
DEB_PKGS := pkg-config libpcre2-dev libxml2-dev libutf8proc-dev libcunit1-dev \
            libjansson-dev valgrind pcre2-utils python3-jsonschema libinih-dev \
            libcmark-dev clang libclang-rt-14-dev

WARN   := -Wall -Wextra -Werror -pedantic -Wshadow -Wstrict-prototypes \
          -Wmissing-prototypes -Wwrite-strings
INCS   := -Iinclude -Isources -Iextractors -Ireconcile -Ireports -Icli -Itests
BASE_CFLAGS := -std=c11 -D_POSIX_C_SOURCE=200809L $(WARN) $(INCS) -MMD -MP
OPT    ?= -O2 -g
PKG_CFLAGS = $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null)
TEST_CFLAGS = $(shell $(PKG_CONFIG) --cflags $(TESTPKGS) 2>/dev/null)
TEST_LIBS   = $(shell $(PKG_CONFIG) --libs $(TESTPKGS) 2>/dev/null)

# variant: build/ (default) or build/asan/ (ASan + UBSan)
VARIANT ?= default
ifeq ($(VARIANT),asan)
B := build/asan
SAN := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
OPT := -O1 -g
else
B := build
SAN :=
endif

LIB_DIRS := sources extractors reconcile reports
# cli/ modules other than main.c: CI gating (baseline, diff) and the config file
CLI_LIB_SRCS := cli/baseline.c cli/diff.c cli/config.c cli/suppress.c cli/gitrev.c
PKGS += inih
LIB_SRCS := $(foreach d,$(LIB_DIRS),$(wildcard $(d)/*.c)) cli/pipeline.c $(CLI_LIB_SRCS)
LIB_OBJS := $(LIB_SRCS:%.c=$(B)/%.o)
TEST_SRCS := $(wildcard tests/test_*.c)
TEST_OBJS := $(TEST_SRCS:%.c=$(B)/%.o)
LIB := $(B)/libclaimcheck.a

ifeq ($(VARIANT),asan)
all: $(B)/claimcheck $(B)/tests/run
else
all: claimcheck
endif

claimcheck: $(B)/claimcheck
	cp $< $@

$(B)/claimcheck: $(B)/cli/main.o $(LIB)
	$(CC) $(SAN) -o $@ $^ $(PKG_LIBS) -lpthread -lm

$(LIB): $(LIB_OBJS)
	@mkdir -p $(dir $@)
	rm -f $@
	ar rcs $@ $^

$(B)/tests/%.o: tests/%.c
	@mkdir -p $(dir $@)
	$(CC) $(BASE_CFLAGS) $(OPT) $(SAN) $(PKG_CFLAGS) $(TEST_CFLAGS) -c -o $@ $<

$(B)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(BASE_CFLAGS) $(OPT) $(SAN) $(PKG_CFLAGS) -c -o $@ $<

$(B)/tests/run: $(B)/tests/run.o $(TEST_OBJS) $(LIB) $(B)/claimcheck
	$(CC) $(SAN) -o $@ $(B)/tests/run.o $(TEST_OBJS) $(LIB) $(TEST_LIBS) $(PKG_LIBS) -lpthread -lm

# --- one module's tests alone, while other modules are being worked on -----
# make test-extract   builds sources + extractors with tests/test_extract*.c etc.
MOD_extract   := sources extractors
MOD_numbers   := sources extractors
MOD_dates     := sources extractors
MOD_coords    := sources extractors
MOD_cases     := sources extractors
MOD_sources   := sources
MOD_segment   := sources
MOD_subject   := sources extractors reconcile
MOD_group     := sources reconcile
MOD_settings  := sources reconcile
MOD_report    := sources reports
MOD_readers   := sources extractors reconcile reports
test-%: $(B)/tests/run.o
	@mods="$(MOD_$*)"; [ -n "$$mods" ] || { echo "no module test named $*"; exit 2; }; \
	objs=""; for d in $$mods; do for f in $$d/*.c; do objs="$$objs $(B)/$${f%.c}.o"; done; done; \
	tobjs=""; for f in tests/test_$**.c; do [ -e "$$f" ] && tobjs="$$tobjs $(B)/$${f%.c}.o"; done; \
	$(MAKE) --no-print-directory $$objs $$tobjs && \
	$(CC) $(SAN) -o $(B)/tests/run-$* $< $$tobjs $$objs $(TEST_LIBS) $(PKG_LIBS) -lpthread -lm && \
	./$(B)/tests/run-$*

# --- the targets the README names ----------------------------------------
.PHONY: all deps demo check test asan valgrind clean install bench bench-peer score spec-eval fuzz cites-gold

# Accuracy against the hand-checked answer key beside the repository
# (../shared/gold, ../shared/eval/score), when it is there.
SHARED ?= ../shared
score: all
	@test -x $(SHARED)/eval/score || { echo "no answer key at $(SHARED)"; exit 2; }
	./claimcheck extract --format=jsonl $(SHARED)/seeds/*.txt > build/score-claims.jsonl
	$(SHARED)/eval/score --show 0 build/score-claims.jsonl
	./claimcheck check --format=jsonl $(SHARED)/seeds/*.txt > build/score-groups.jsonl; \
	  rc=$$?; [ $$rc -le 1 ] || exit $$rc
	$(SHARED)/eval/score --show 0 build/score-groups.jsonl | grep -E '^conflicts'

# --- extractor coverage on the peer's spec cases (issue 3) ---------------
# `make spec-eval` runs the real extractor (segment + extract) over every case
# of the peer's English spec files and scores the answers with score-specs;
# SPEC_OPTS=--misses=20 lists failing cases.
SPECS      ?= $(SHARED)/peers/recognizers-specs
SPEC_CATS  := number range percent ordinal currency dimension temperature date
SPEC_OPTS  ?=
$(B)/spec-eval: $(B)/tests/spec/spec_eval.o $(LIB)
	$(CC) $(SAN) -o $@ $^ $(TEST_LIBS) $(PKG_LIBS) -lpthread -lm

spec-eval: all $(B)/spec-eval
	@test -x $(SHARED)/peers/score-specs || { echo "no spec cases at $(SPECS)"; exit 2; }
	@mkdir -p build/spec
	@set -e; pairs=""; field=""; for c in $(SPEC_CATS); do \
	  ./$(B)/spec-eval $$c $(SPECS)/$$c.jsonl build/spec/$$c.answers.jsonl \
	    build/spec/$$c.field.jsonl build/spec/$$c.field-answers.jsonl; \
	  pairs="$$pairs $(SPECS)/$$c.jsonl build/spec/$$c.answers.jsonl"; \
	  field="$$field build/spec/$$c.field.jsonl build/spec/$$c.field-answers.jsonl"; done; \
	  echo "== every case"; $(SHARED)/peers/score-specs $(SPEC_OPTS) $$pairs; \
	  echo "== cases in claimcheck's field (figures in digits, dates naming a year; unit words alone dropped)"; \
	  $(SHARED)/peers/score-specs --ignore-valueless $(SPEC_OPTS) $$field

# --- citation audit against the answer key (issue 5) ---------------------
# Every dangling and placeholder finding of `cites --format=jsonl` on the
# seeds must be in ../shared/gold/citations-*.jsonl and the other way round.
CITE_PICK = sed -n 's/^{"doc": "\([^"]*\)", "line": [0-9]*, "start": \([0-9]*\), "end": \([0-9]*\),.*"problem": "\(dangling\|placeholder\)".*/\1 \2 \3 \4/p' | sed 's|^[^ ]*/||' | sort
cites-gold: all
	@test -d $(SHARED)/gold || { echo "no answer key at $(SHARED)"; exit 2; }
	@./claimcheck cites --format=jsonl $(SHARED)/seeds/*.txt > build/cites.jsonl; \
	  rc=$$?; [ $$rc -le 1 ] || exit $$rc
	@cat build/cites.jsonl | $(CITE_PICK) > build/cites-tool.txt
	@cat $(SHARED)/gold/citations-*.jsonl | $(CITE_PICK) > build/cites-gold.txt
	@diff build/cites-gold.txt build/cites-tool.txt && \
	  echo "cites-gold: all $$(wc -l < build/cites-gold.txt) dangling and placeholder findings agree"

# --- source-reader fuzzers (issue 5) --------------------------------------
# `make fuzz` builds one libFuzzer target per reader (and the sources file) with clang (library
# objects instrumented in build/fuzz/) and runs each for FUZZ_SECONDS on a
# copy of its seed corpus tests/fuzz/corpus/FORMAT/; new inputs stay in
# build/fuzz/corpus-FORMAT. make check replays the seeds (tests/test_readers_fuzz.c).
FUZZ_SECONDS ?= 60
FUZZ_CC      ?= clang
FUZZ_FORMATS := text markdown html xml sources config mentions
FUZZ_SAN     := -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all
FUZZ_CFLAGS   = -std=c11 -D_POSIX_C_SOURCE=200809L $(INCS) -Itests/fuzz -g -O1 -MMD -MP \
                -fno-omit-frame-pointer $(PKG_CFLAGS)
FUZZ_OBJS    := $(LIB_SRCS:%.c=build/fuzz/%.o)
build/fuzz/%.o: %.c
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) $(FUZZ_SAN) -c -o $@ $<
build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz_one.h $(FUZZ_OBJS)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
	  -o $@ $< $(FUZZ_OBJS) $(PKG_LIBS) -lpthread -lm
fuzz: deps
	@$(MAKE) --no-print-directory $(FUZZ_FORMATS:%=build/fuzz/fuzz_%)
	@for f in $(FUZZ_FORMATS); do \
	  mkdir -p build/fuzz/corpus-$$f && \
	  echo "fuzz_$$f: $(FUZZ_SECONDS) s" && \
	  ASAN_OPTIONS=detect_leaks=1 ./build/fuzz/fuzz_$$f -max_total_time=$(FUZZ_SECONDS) \
	    -max_len=65536 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
	    -artifact_prefix=build/fuzz/ build/fuzz/corpus-$$f tests/fuzz/corpus/$$f \
	    > build/fuzz/fuzz_$$f.log 2>&1; st=$$?; \
	  grep -E 'stat::number_of_executed_units|ERROR|SUMMARY|Test unit written' build/fuzz/fuzz_$$f.log; \
	  [ "$$st" = 0 ] || { echo "fuzz_$$f failed ($$st): build/fuzz/fuzz_$$f.log"; exit 1; }; \
	done
.SECONDARY: $(FUZZ_OBJS)

# --- throughput benchmark (issue 7) ---------------------------------------
# bench/run.sh does the work; here: its helpers, and the Recognizers-Text
# peer under bench/node_modules (nodejs/npm from Debian if missing; only
# here, never for make check). BENCH_LARGE=1 adds the 1 GB corpus.
BENCH_TOOLS := build/bench/mkcorpus build/bench/measure build/bench/numpat build/bench/recscale
build/bench/%: bench/%.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -D_POSIX_C_SOURCE=200809L $(WARN) -O2 -o $@ $<
build/bench/numpat build/bench/recscale: build/bench/%: bench/%.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(BASE_CFLAGS) -O2 $(PKG_CFLAGS) -o $@ $< $(LIB) $(PKG_LIBS) -lpthread -lm
bench-peer:
	@if [ "$${BENCH_PEER:-1}" != 0 ] && [ ! -d bench/node_modules/@microsoft/recognizers-text-date-time ]; then \
	  command -v npm >/dev/null || { \
	    if [ "$$(id -u)" != 0 ]; then SUDO=sudo; else SUDO=; fi; \
	    $$SUDO apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends nodejs npm; }; \
	  (cd bench && npm install --no-audit --no-fund --no-package-lock --loglevel=error) || \
	    echo "bench: could not install the Recognizers-Text peer; it will be skipped"; \
	fi
bench: all $(BENCH_TOOLS) bench-peer
	bash bench/run.sh

deps:
	@missing=""; for p in $(DEB_PKGS); do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  if [ "$$(id -u)" != 0 ]; then SUDO=sudo; else SUDO=; fi; \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
	fi

demo: deps
	@$(MAKE) --no-print-directory all
	./claimcheck check examples/*.txt examples/*.html examples/*.xml examples/field-notes.md ; rc=$$?; [ $$rc -le 1 ] || exit $$rc

test: all $(B)/tests/run
	./$(B)/tests/run

asan:
	@$(MAKE) --no-print-directory VARIANT=asan all
	CCK_BIN=build/asan/claimcheck ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ./build/asan/tests/run

valgrind: all build/tests/run
	valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect \
	  --error-exitcode=1 ./build/tests/run

check: deps
	@$(MAKE) --no-print-directory test
	@$(MAKE) --no-print-directory asan
	@$(MAKE) --no-print-directory valgrind

install: all
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 claimcheck $(DESTDIR)$(PREFIX)/bin/claimcheck

clean:
	rm -rf build claimcheck

-include $(shell find build -name '*.d' 2>/dev/null)
