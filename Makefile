# claimcheck: plain GNU make. `make` builds ./claimcheck and build/libclaimcheck.a;
# `make check` runs every test plain, under ASan+UBSan, and under valgrind.

PREFIX  ?= /usr/local
DESTDIR ?=
CC      ?= cc
PKG_CONFIG ?= pkg-config

PKGS     := libpcre2-8 libxml-2.0 libutf8proc
TESTPKGS := cunit jansson
# Debian packages that provide the above (and the tools the targets use)
DEB_PKGS := pkg-config libpcre2-dev libxml2-dev libutf8proc-dev libcunit1-dev \
            libjansson-dev valgrind pcre2-utils

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
LIB_SRCS := $(foreach d,$(LIB_DIRS),$(wildcard $(d)/*.c)) cli/pipeline.c
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
MOD_sources   := sources
MOD_segment   := sources
MOD_subject   := sources reconcile
MOD_group     := sources reconcile
MOD_report    := sources reports
test-%: $(B)/tests/run.o
	@mods="$(MOD_$*)"; [ -n "$$mods" ] || { echo "no module test named $*"; exit 2; }; \
	objs=""; for d in $$mods; do for f in $$d/*.c; do objs="$$objs $(B)/$${f%.c}.o"; done; done; \
	tobjs=""; for f in tests/test_$**.c; do [ -e "$$f" ] && tobjs="$$tobjs $(B)/$${f%.c}.o"; done; \
	$(MAKE) --no-print-directory $$objs $$tobjs && \
	$(CC) $(SAN) -o $(B)/tests/run-$* $< $$tobjs $$objs $(TEST_LIBS) $(PKG_LIBS) -lpthread -lm && \
	./$(B)/tests/run-$*

# --- the targets the README names ----------------------------------------
.PHONY: all deps demo check test asan valgrind clean install bench bench-peer score spec-eval fuzz

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
spec-eval: all
	@echo "spec-eval: not written yet"; exit 2

# --- source-reader fuzzers (issue 5) --------------------------------------
fuzz:
	@echo "fuzz: not written yet"; exit 2

# --- throughput benchmark (issue 7) ---------------------------------------
# bench/run.sh does the work; here: its helpers, and the Recognizers-Text
# peer under bench/node_modules (nodejs/npm from Debian if missing; only
# here, never for make check). BENCH_LARGE=1 adds the 1 GB corpus.
BENCH_TOOLS := build/bench/mkcorpus build/bench/measure build/bench/numpat
build/bench/%: bench/%.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -D_POSIX_C_SOURCE=200809L $(WARN) -O2 -o $@ $<
build/bench/numpat: bench/numpat.c $(LIB)
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
	./claimcheck check examples/*.txt ; rc=$$?; [ $$rc -le 1 ] || exit $$rc

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
