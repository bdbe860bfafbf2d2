#!/usr/bin/env bash
# Win model benchmark and real-data check, with the product's own trainer, features and scoring (no server):
#   bench/win-model.sh generated          # training time for 10,000 and 100,000 generated closed deals, scoring cost
#   bench/win-model.sh real               # what it learns from the public datasets in ../shared/datasets
# Environment: DATASETS (/work/shared/datasets), SIZES ("10000 100000").
set -euo pipefail
cd "$(dirname "$0")/.."
DATASETS=${DATASETS:-/work/shared/datasets}
./mvnw -q -B -o test-compile -Dspotless.check.skip=true
./mvnw -q -B -o dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
CP=target/classes:target/test-classes:$(cat target/bench-classpath.txt)
run() { java -Xmx2g -cp "$CP" org.pipelinecrm.winmodel.WinModelBench "$@"; }
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), cores: $(nproc)"
case "${1:-generated}" in
  generated) for n in ${SIZES:-10000 100000}; do run generated "$n"; done ;;
  real)
    run maven "$DATASETS/maven_crm_sales_opportunities"
    run salvirt "$DATASETS/salvirt_b2b_sales/Salvirt_B2B_ML_dataset_HF.csv" ;;
  *) echo "usage: $0 generated|real" >&2; exit 2 ;;
esac
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
