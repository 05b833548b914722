#!/bin/sh
# Installs the editors the language server's end-to-end tests drive
# (test/e2e/editors.test.ts): Debian's Neovim (0.7) and Emacs with eglot.
# Idempotent: does nothing when both are already installed. Needs root
# (or sudo) and Debian's archive; without them it says so and exits 0, and
# the editor tests skip.
set -eu

missing=""
command -v nvim >/dev/null 2>&1 || missing="$missing neovim"
command -v emacs >/dev/null 2>&1 || missing="$missing emacs-nox"
if command -v emacs >/dev/null 2>&1 && ! emacs --batch --eval "(require 'eglot)" >/dev/null 2>&1; then
  missing="$missing elpa-eglot"
elif ! command -v emacs >/dev/null 2>&1; then
  missing="$missing elpa-eglot"
fi

if [ -z "$missing" ]; then
  echo "install-editors: nvim and emacs (with eglot) already installed"
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-editors: no apt-get; install$missing yourself (the editor tests skip meanwhile)"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "install-editors: not root and no sudo; install$missing yourself (the editor tests skip meanwhile)"
    exit 0
  fi
fi

echo "install-editors: installing$missing"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
nvim --version | head -1
emacs --version | head -1
