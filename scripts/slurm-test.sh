#!/usr/bin/env bash
# Shards under a real scheduler: starts a one-node SLURM cluster on this machine (munged,
# slurmctld and slurmd from Debian's slurm-wlm, everything under a temporary folder), submits
# examples/slurm/copsim-array.sbatch as `sbatch --array=0-2 --wait`, merges the three shards with
# `copsim merge`, and compares the merge byte for byte with a single run of the whole: every
# table, chart and spec with cmp, manifest.json and report.html without their wall times and the
# list of shards (docs/SCALE-OUT.md). Exits 0 when they agree.
#
# Needs root (the daemons run as root here) and the packages: apt-get install -y slurm-wlm munge.
# With INSTALL=1 it installs them itself. Builds dist/ first if it is missing.
#   sudo scripts/slurm-test.sh
# Environment: RUNS (default 12), WEEKS (default 26): the size of the run compared.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
RUNS=${RUNS:-12}
WEEKS=${WEEKS:-26}

if [ "$(id -u)" != 0 ]; then
  echo "slurm-test: run as root (it starts munged, slurmctld and slurmd)" >&2
  exit 2
fi
if [ "${INSTALL:-0}" = 1 ]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends slurm-wlm munge >/dev/null
fi
for tool in munged slurmctld slurmd sbatch sinfo; do
  command -v "$tool" >/dev/null || { echo "slurm-test: $tool not found: apt-get install -y slurm-wlm munge (or INSTALL=1)" >&2; exit 2; }
done
[ -f dist/cli/main.js ] || npm run build --silent

WORK=$(mktemp -d /tmp/copsim-slurm.XXXXXX)
chmod 755 "$WORK"
PIDS=()
cleanup() {
  local status=$?
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [ "$status" != 0 ]; then
    echo "slurm-test: failed; logs:" >&2
    tail -n 20 "$WORK"/log/*.log >&2 2>/dev/null || true
  fi
  [ "${KEEP:-0}" = 1 ] && echo "slurm-test: kept $WORK" >&2 || rm -rf "$WORK"
  exit "$status"
}
trap cleanup EXIT
mkdir -p "$WORK"/{munge,log,ctld,spool,run,job}

# munge: a fresh key and socket of our own, so nothing of the machine's is used or changed.
dd if=/dev/urandom of="$WORK/munge/munge.key" bs=1 count=1024 status=none
chmod 400 "$WORK/munge/munge.key"
munged --force --foreground --key-file="$WORK/munge/munge.key" --socket="$WORK/munge/socket" \
  --pid-file="$WORK/munge/munged.pid" --log-file="$WORK/log/munged.log" --seed-file="$WORK/munge/seed" \
  >>"$WORK/log/munged.out" 2>&1 &
PIDS+=($!)

NODE=$(hostname -s)
CPUS=$(nproc)
MEMORY=$(awk '/MemTotal/ { print int($2 / 1024) }' /proc/meminfo)
export SLURM_CONF="$WORK/slurm.conf"
cat > "$SLURM_CONF" <<EOF
ClusterName=copsim
SlurmctldHost=$NODE
SlurmUser=root
SlurmdUser=root
SlurmctldPort=16817
SlurmdPort=16818
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$WORK/munge/socket
StateSaveLocation=$WORK/ctld
SlurmdSpoolDir=$WORK/spool
SlurmctldPidFile=$WORK/run/slurmctld.pid
SlurmdPidFile=$WORK/run/slurmd.pid
SlurmctldLogFile=$WORK/log/slurmctld.log
SlurmdLogFile=$WORK/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
ReturnToService=2
MpiDefault=none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
NodeName=$NODE CPUs=$CPUS RealMemory=$MEMORY State=UNKNOWN
PartitionName=local Nodes=$NODE Default=YES MaxTime=INFINITE State=UP OverSubscribe=YES
EOF
# slurmd 22.05 loads a cgroup plugin even with proctrack/linuxproc and task/none (which put no
# job into a cgroup); it reads cgroup.conf beside slurm.conf. "disabled" only exists from 23.02.
printf 'CgroupPlugin=cgroup/v%s\nCgroupAutomount=no\n' "$([ -f /sys/fs/cgroup/cgroup.controllers ] && echo 2 || echo 1)" > "$WORK/cgroup.conf"

for _ in $(seq 50); do [ -S "$WORK/munge/socket" ] && break; sleep 0.1; done
slurmctld -D -f "$SLURM_CONF" >>"$WORK/log/slurmctld.out" 2>&1 &
PIDS+=($!)
slurmd -D -f "$SLURM_CONF" -N "$NODE" >>"$WORK/log/slurmd.out" 2>&1 &
PIDS+=($!)
for _ in $(seq 100); do
  sinfo -h -o '%T' 2>/dev/null | grep -qE '^idle' && break
  sleep 0.2
done
sinfo -h -o '%T' | grep -qE '^idle' || { echo "slurm-test: the node did not come up" >&2; sinfo >&2 || true; exit 1; }
echo "slurm-test: one-node SLURM cluster up ($(sinfo -h -o '%N %c CPUs %T'))"

# The run to compare: the sbatch example's own command, small. Tasks share the two cores, so
# each uses one worker; the single run uses one too, so the manifests agree on workers.
cd "$WORK/job"
mkdir -p bin
# The example calls "npx copsim"; here "npx" runs the checkout's copsim.
printf '#!/bin/sh\n[ "$1" = copsim ] && shift\nexec node %s/bin/copsim.js "$@"\n' "$ROOT" > bin/npx
chmod +x bin/npx
start=$(date +%s)
PATH="$WORK/job/bin:$PATH" SCENARIO=baseline RUNS=$RUNS SEED=7 OPTIONS="--weeks $WEEKS" \
  sbatch --wait --array=0-2 --cpus-per-task=1 --mem=0 --chdir="$WORK/job" "$ROOT/examples/slurm/copsim-array.sbatch"
echo "slurm-test: sbatch --array=0-2 --wait returned after $(( $(date +%s) - start )) s: shards $(ls -m shards)"

node "$ROOT/bin/copsim.js" merge shards/0 shards/1 shards/2 --out merged --quiet
node "$ROOT/bin/copsim.js" run baseline --runs "$RUNS" --seed 7 --weeks "$WEEKS" --workers 1 --out whole --quiet

status=0
for file in $(cd whole && ls); do
  case "$file" in
    manifest.json | report.html) ;;
    *) cmp "whole/$file" "merged/$file" || status=1 ; compared=$((${compared:-0} + 1)) ;;
  esac
done
# The manifest and report without what a merge changes: the wall times and the list of shards.
node - whole merged <<'EOF' || status=1
const { readFileSync } = require('node:fs');
const [whole, merged] = process.argv.slice(2);
const manifest = (dir) => {
  const { startedAt, wallTimeSeconds, shards, ...rest } = JSON.parse(readFileSync(`${dir}/manifest.json`, 'utf8'));
  return JSON.stringify(rest);
};
const report = (dir) =>
  readFileSync(`${dir}/report.html`, 'utf8')
    .replace(/(started at<\/dt>\s*<dd>)[^<]*/g, '$1')
    .replace(/(wall time<\/dt>\s*<dd>)[^<]*/g, '$1')
    .replace(/\s*<dt>merged from<\/dt>\s*<dd>[^<]*<\/dd>/g, '');
let ok = true;
if (manifest(whole) !== manifest(merged)) { console.error('manifest.json differs beyond the wall times and shards'); ok = false; }
if (report(whole) !== report(merged)) { console.error('report.html differs beyond the wall times and shards'); ok = false; }
const shards = JSON.parse(readFileSync(`${merged}/manifest.json`, 'utf8')).shards;
console.log(`slurm-test: merged ${shards.length} shards: ${shards.map((s) => `${s.first}-${s.end - 1}`).join(', ')}`);
process.exit(ok ? 0 : 1);
EOF
if [ "$status" = 0 ]; then
  echo "slurm-test: the merge of the SLURM array is a single run's: $compared files identical byte for byte, manifest.json and report.html apart from the wall times and shards"
fi
exit "$status"
