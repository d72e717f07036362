# Shared settings of the e2e scripts (sourced, not run). Everything they
# create lives under $E2E so that a run never touches ~/.config or ~/.vscode.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
E2E=${KUBELAB_E2E_HOME:-$ROOT/.e2e}
RUN=$E2E/run
CS=$E2E/code-server/node_modules/.bin/code-server
VSCE=$E2E/tools/node_modules/.bin/vsce
VSIX=$E2E/kubelab.vsix
# Not $PORT: code-server lets a PORT variable override --bind-addr (recipe §2).
E2E_PORT=${KUBELAB_E2E_PORT:-8731}
