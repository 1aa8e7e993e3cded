#!/bin/sh
# Install Debian packages that are missing, and only those.
# Each argument is CHECK:PACKAGE, where CHECK is a command name, a header
# under /usr/include, or a path; PACKAGE is installed when CHECK is absent.
set -e
missing=""
for pair in "$@"; do
    check=${pair%%:*}
    package=${pair#*:}
    if command -v "$check" >/dev/null 2>&1 || [ -e "/usr/include/$check" ] || [ -e "$check" ]; then
        continue
    fi
    missing="$missing $package"
done
[ -z "$missing" ] && exit 0
echo "installing:$missing"
if [ "$(id -u)" != 0 ]; then
    echo "ensure-packages: need root to install$missing" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq || echo "ensure-packages: apt-get update reported errors; installing anyway" >&2
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing >/dev/null
