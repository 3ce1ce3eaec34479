#!/bin/sh
# Rebuild static/vendor/ from package-lock.json: the front-end libraries the
# dashboard loads, copied from their npm packages' own dist files. The result
# is committed, so `go build` and `go test` need neither npm nor a network.
set -eu
cd "$(dirname "$0")"
npm ci --no-audit --no-fund --ignore-scripts
rm -rf static/vendor
mkdir -p static/vendor/cytoscape
cp node_modules/cytoscape/dist/cytoscape.esm.min.mjs static/vendor/cytoscape/
cp node_modules/cytoscape/LICENSE static/vendor/cytoscape/LICENSE.txt
node -e 'const p=require("./node_modules/cytoscape/package.json"); console.log(p.name+" "+p.version)' > static/vendor/cytoscape/VERSION.txt
echo "vendored: $(cat static/vendor/cytoscape/VERSION.txt)"
