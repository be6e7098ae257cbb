# Builds simrun and installs it, its manual page and its shell completions under PREFIX:
#   make install PREFIX=$HOME/.local      (then $HOME/.local/bin must be on the PATH)
#   make uninstall PREFIX=$HOME/.local
PREFIX ?= /usr/local
DESTDIR ?=
BINDIR = $(DESTDIR)$(PREFIX)/bin
MANDIR = $(DESTDIR)$(PREFIX)/share/man/man1
# A simrun built elsewhere may be installed instead: make install SIMRUN=/path/to/simrun
SIMRUN ?= .build/release/simrun

.PHONY: build install uninstall test

build:
ifeq ($(SIMRUN),.build/release/simrun)
	swift build -c release --product simrun
endif

install: build
	install -d $(BINDIR) $(MANDIR) \
		$(DESTDIR)$(PREFIX)/share/bash-completion/completions \
		$(DESTDIR)$(PREFIX)/share/zsh/site-functions \
		$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
	install -m 755 $(SIMRUN) $(BINDIR)/simrun
	install -m 644 docs/simrun.1 $(MANDIR)/simrun.1
	$(SIMRUN) completion bash > $(DESTDIR)$(PREFIX)/share/bash-completion/completions/simrun
	$(SIMRUN) completion zsh > $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_simrun
	$(SIMRUN) completion fish > $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/simrun.fish

uninstall:
	rm -f $(BINDIR)/simrun $(MANDIR)/simrun.1 \
		$(DESTDIR)$(PREFIX)/share/bash-completion/completions/simrun \
		$(DESTDIR)$(PREFIX)/share/zsh/site-functions/_simrun \
		$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/simrun.fish

test:
	swift test
