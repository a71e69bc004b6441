# Shared by the scripts: tool versions and PATH. Sourced, not run.
export TRUNK_VERSION=0.21.14
export PATH="$PWD/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
