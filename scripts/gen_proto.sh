#!/usr/bin/env bash
# Regenerate protocol/v1 (generated code, never edited by hand) from protocol/proto.
# With --check: regenerate into a temporary directory and fail if protocol/v1 differs.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$PY" -m grpc_tools.protoc -I protocol/proto \
    --python_out="$out" --pyi_out="$out" --grpc_python_out="$out" \
    protocol/proto/talentverbund/protocol/v1/federation.proto
touch "$out/talentverbund/protocol/v1/__init__.py"
if [ "${1:-}" = "--check" ]; then
    if ! diff -r "$out/talentverbund/protocol/v1" protocol/v1 >/dev/null; then
        diff -r "$out/talentverbund/protocol/v1" protocol/v1 | head -20
        echo "protocol/v1 is stale: run 'make proto' and commit the result" >&2
        exit 1
    fi
    echo "protocol/v1 is current"
else
    rm -rf protocol/v1
    cp -r "$out/talentverbund/protocol/v1" protocol/v1
    echo "regenerated protocol/v1"
fi
