#!/usr/bin/env bash
# Make sure of the system packages the course needs: Debian's Fashion-MNIST and Chromium.
# As root with apt-get (CI, containers) they are installed; otherwise the fix is printed.
# Under CI=true anything still missing fails the run; elsewhere it is only reported.
set -uo pipefail
PY=${PY:-.venv/bin/python}
want=()

if ! "$PY" -c "from coursekit.data import find_fashion_mnist; find_fashion_mnist(download=False)" 2>/dev/null; then
  want+=(dataset-fashion-mnist)
fi
if [ "${NEED_BROWSER:-0}" = 1 ]; then
  [ -x /usr/bin/chromium ] || want+=(chromium)
  # The glossary shows Chinese terms; without a CJK font Chromium draws empty boxes.
  fc-list 2>/dev/null | grep -qi 'wenquanyi\|wqy' || want+=(fonts-wqy-microhei)
fi
[ ${#want[@]} -eq 0 ] && exit 0

if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "Installing Debian packages: ${want[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends "${want[@]}" >/dev/null
fi

missing=()
"$PY" -c "from coursekit.data import find_fashion_mnist; find_fashion_mnist(download=False)" 2>/dev/null \
  || missing+=("dataset-fashion-mnist (Fashion-MNIST)")
if [ "${NEED_BROWSER:-0}" = 1 ] && [ ! -x /usr/bin/chromium ]; then missing+=("chromium (browser tests)"); fi
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Missing: ${missing[*]}"
echo "Fix:     sudo apt-get install ${want[*]}"
echo "         (without the dataset, coursekit downloads Fashion-MNIST through torchvision when online)"
if [ "${CI:-}" = true ]; then
  echo "CI=true: a missing system dependency fails the run." >&2
  exit 1
fi
exit 0
