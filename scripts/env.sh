# Shared by the scripts: tool versions, PATH and step(). Sourced, not run.
export TRUNK_VERSION=0.21.14
# The tool that cuts the wasm by page (scripts/split-wasm.mjs).
export WASM_SPLIT_CLI_VERSION=0.2.4
export PATH="$PWD/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

# Each step says when it started (minutes:seconds into the run), so a slow CI
# run shows where its time went.
step() { printf '\n== %s  [%d:%02d]\n' "$*" $((SECONDS / 60)) $((SECONDS % 60)); }
