#!/usr/bin/env bash
# The web app in a real browser (Selenium, headless Chromium) and the API against its OpenAPI
# description (schemathesis). Needs a built cancu; Python packages go into a venv under .build.
set -euo pipefail
cd "$(dirname "$0")/../.."
cancu=${CANCU:-.build/debug/cancu}
venv=.build/venv-web
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install -q --disable-pip-version-check selenium schemathesis \
  || echo "browser: pip could not install selenium and schemathesis; the tests below will say SKIPPED" >&2
status=0
"$venv/bin/python" Tests/Browser/browser_test.py --cancu "$cancu" || status=1
"$venv/bin/python" Tests/Browser/api_test.py --cancu "$cancu" || status=1
exit $status
