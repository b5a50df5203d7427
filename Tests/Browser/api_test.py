#!/usr/bin/env python3
"""Property-based test of the HTTP API against its OpenAPI description (schemathesis).

Starts `cancu serve` on a free loopback port over an index of corpus/ and runs `schemathesis run`
on /api/v1/openapi.yaml with every check (status codes and content types declared, response
schemas, no server errors). Prints "N passed, M failed"; exits 1 on a failure; SKIPPED when
schemathesis is absent (CI installs it).

    python3 Tests/Browser/api_test.py [--cancu .build/debug/cancu] [--max-examples 25]
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from browser_test import ROOT, AS_OF, free_port, wait_for  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cancu", default=os.path.join(ROOT, ".build/debug/cancu"))
    parser.add_argument("--max-examples", default="25")
    args = parser.parse_args()
    schemathesis = shutil.which("schemathesis") or shutil.which("st")
    local = os.path.join(os.path.dirname(sys.executable), "schemathesis")
    if os.access(local, os.X_OK):
        schemathesis = local
    if not schemathesis:
        print("SKIPPED: API test needs schemathesis (pip); .ci/run installs it")
        return 0
    work = tempfile.mkdtemp(prefix="cancu-api-")
    server = None
    try:
        db = os.path.join(work, "cancu.sqlite")
        subprocess.run([args.cancu, "index", os.path.join(ROOT, "corpus"), "--db", db], check=True, capture_output=True)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen([args.cancu, "serve", "--db", db, "--port", str(port), "--as-of", AS_OF, "--max-body", "65536"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if not wait_for(base + "/api/v1/openapi.yaml"):
            print("api test: cancu serve did not answer")
            return 1
        command = [schemathesis, "run", base + "/api/v1/openapi.yaml", "--url", base, "--checks", "all",
                   "--max-examples", args.max_examples, "--request-timeout", "20", "--seed", "1"]
        print(" ".join(command))
        status = subprocess.run(command, cwd=work, env=dict(os.environ, SCHEMATHESIS_HOOKS="")).returncode
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)
    print(f"schemathesis: {1 if status == 0 else 0} passed, {0 if status == 0 else 1} failed")
    return 0 if status == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
