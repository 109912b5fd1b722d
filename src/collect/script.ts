import { TOOL_VERSION } from '../version.js';
import { readersOf } from './coverage.js';
import { GLOBAL_REGION, IDENTITY_STEP, PLAN, REGIONS_STEP, cliCommandName, type DerivedStep, type Pick, type PlanStep, type Reshape, type RootStep } from './plan.js';

/**
 * The CloudShell collection script: the same plan as the live collector, run by the AWS CLI (v2, or
 * v1) and jq in POSIX sh. Derived steps are compiled to jq filters that mirror derive.ts exactly.
 */

// jq twins of derive.ts RESHAPES: same input, same answer (held to it by test/collect/script.test.ts).
const JQ_RESHAPES: Record<Reshape, string> = {
  arnRegion: 'if type == "string" then (split(":") | .[3]) else null end',
  logGroupName: 'if type == "string" then (sub("^arn:[^:]+:logs:[^:]+:[0-9]+:log-group:"; "") | sub(":\\\\*$"; "")) else null end',
  bucketRegion: 'if . == null or . == "" then "us-east-1" elif . == "EU" then "eu-west-1" else . end',
  snsTopic: 'if type == "string" and ((split(":") | .[2]) == "sns") then . else null end',
};

const jqPath = (path: string) => (path === '' ? '.' : `(try getpath(${JSON.stringify(path.split('.'))}) catch null)`);

/** Every element of the lists along a dot path, flattened (derive.ts itemsAt). */
const jqItems = (path: string) =>
  path
    .split('.')
    .map((key) => `((try .[${JSON.stringify(key)}] catch null) | if type == "array" then .[] else empty end)`)
    .join(' | ');

function jqPick(p: Pick): string {
  const raw = 'item' in p ? jqPath(p.item) : `($call.params | ${jqPath(p.param)})`;
  return p.as ? `(${raw} | ${JQ_RESHAPES[p.as]})` : raw;
}

/** A jq filter that turns one source call into `region<TAB>params` lines, like deriveCalls(). */
export function deriveFilter(step: DerivedStep): string {
  const items = step.each === undefined ? '$call.output' : `($call.output | ${jqItems(step.each)})`;
  const where = Object.entries(step.where ?? {}).map(([path, wanted]) =>
    wanted === true ? `select(${jqPath(path)} | . != null and . != "" and . != false)` : `select(${jqPath(path)} == ${JSON.stringify(wanted)})`,
  );
  const region = step.region === 'global' ? JSON.stringify(GLOBAL_REGION) : step.region === 'source' ? '$call.region' : jqPick(step.region);
  const params = Object.entries(step.params)
    .map(([name, p]) => `${JSON.stringify(name)}: ${jqPick(p)}`)
    .join(', ');
  return [
    `select(has("output")) | . as $call | ${items}`,
    ...where,
    `{region: ${region}, params: {${params}}}`,
    'select((.region | type) == "string" and .region != "" and ([.params[] | . != null and . != ""] | all))',
    '"\\(.region)\\t\\(.params | to_entries | sort_by(.key) | from_entries | tojson)"',
  ].join(' | ');
}

const shellQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

function sortedJson(value: unknown): string {
  const sort = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(sort) : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sort((v as Record<string, unknown>)[k])])) : v;
  return JSON.stringify(sort(value ?? {}));
}

/** A root step's params as a shell word: a literal, or a jq expression when it holds {account}/{partition}. */
function paramsWord(step: RootStep): string {
  const json = sortedJson(step.params);
  if (!/\{(account|partition)\}/.test(json)) return shellQuote(json);
  const expression = json.replaceAll('{account}', '\\($account)').replaceAll('{partition}', '\\($partition)');
  return `"$(jq -cn --arg account "$ACCOUNT" --arg partition "$PARTITION" ${shellQuote(expression)})"`;
}

function comment(step: PlanStep): string {
  const readers = readersOf(step);
  return `# ${step.service} ${step.operation}${readers.length ? ` — for ${readers.join(', ')}` : ''}`;
}

function rootLines(step: RootStep): string[] {
  const args = `${step.id} ${step.service} ${cliCommandName(step.operation)} ${step.operation}`;
  const where = step.scope === 'global' ? '"$GLOBAL_REGION"' : '"$region"';
  let call = `launch ${args} ${where} ${paramsWord(step)}`;
  if (step.poll) {
    const until = step.poll.until ? shellQuote(JSON.stringify(step.poll.until.path.split('.'))) : 'null';
    const value = shellQuote(step.poll.until?.equals ?? '');
    const codes = shellQuote(JSON.stringify(step.poll.whileError ?? []));
    call = `poll ${args} ${where} ${paramsWord(step)} ${until} ${value} ${codes} ${step.poll.attempts} ${step.poll.intervalSeconds}`;
  }
  return step.scope === 'global' ? [comment(step), call] : [comment(step), `for region in $REGIONS; do ${call}; done`];
}

function derivedLines(step: DerivedStep, source: PlanStep): string[] {
  return [
    comment(step),
    'drain',
    `derive ${step.service} ${step.operation} ${source.id} ${shellQuote(deriveFilter(step))}`,
    `while IFS="$TAB" read -r service operation region params; do launch ${step.id} "$service" ${cliCommandName(step.operation)} "$operation" "$region" "$params"; done <"$WORK/todo"`,
  ];
}

/**
 * Timestamps as ISO-8601 strings, as snapshots hold them. The CLI v1 prints them as they came over the
 * wire (epoch seconds from JSON APIs) unless the profile in use sets cli_timestamp_format = iso8601;
 * both CLIs read that only from the config file, and they disagree on whether AWS_PROFILE or
 * AWS_DEFAULT_PROFILE names the profile. So the script runs with a copy of the config file (in $WORK,
 * removed on exit) that sets it in every profile, and defines the profile in use where the file does
 * not: default, or a profile only the credentials file defines (one defined nowhere stays so, for the
 * CLI to say). Sections are read as botocore reads them ([default], [profile NAME], [profile "A NAME"]);
 * the setting goes last in its section, where no indented line can continue it. Needs `die` and $WORK.
 */
export const ISO8601_CONFIG = String.raw`# Timestamps as ISO-8601 strings, as snapshots hold them: the CLI v1 prints epoch seconds unless the
# profile in use sets cli_timestamp_format, which both CLIs read only from the config file. Every call
# runs with a copy of that file (removed on exit) that sets it in each profile; the file is not changed.
home_path() { case "$1" in "~/"*) printf '%s/%s' "$HOME" "${'$'}{1#"~/"}" ;; *) printf '%s' "$1" ;; esac; }
CONFIG_SOURCE=$(home_path "${'$'}{AWS_CONFIG_FILE:-$HOME/.aws/config}")
[ -e "$CONFIG_SOURCE" ] || CONFIG_SOURCE=/dev/null
CREDENTIALS_FILE=$(home_path "${'$'}{AWS_SHARED_CREDENTIALS_FILE:-$HOME/.aws/credentials}") awk '
  # The header of a section line, from its first [ to its last ] as configparser reads it; "" for any other line.
  function header_of(line) {
    sub(/^[ \t]+/, "", line)
    if (line !~ /^\[.+\]/) return ""
    sub(/^\[/, "", line)
    sub(/\][^]]*$/, "", line)
    return line
  }
  # The profile a header names as botocore reads it; "" for other sections (sso-session, services, plugins).
  function profile_named(header) {
    if (header == "default") return header
    if (!sub(/^profile[ \t]+/, "", header)) return ""
    sub(/[ \t]+$/, "", header)
    if (header ~ /^".+"$/) return substr(header, 2, length(header) - 2)
    return header ~ /[ \t"]/ ? "" : header
  }
  function end_section() {
    if (inside) print setting
    inside = 0
  }
  BEGIN {
    setting = "cli_timestamp_format = iso8601"
    while ((getline line < ENVIRON["CREDENTIALS_FILE"]) > 0) if ((header = header_of(line)) != "") in_credentials[header] = 1
    wanted[1] = ENVIRON["AWS_PROFILE"]
    wanted[2] = ENVIRON["AWS_DEFAULT_PROFILE"]
    if (wanted[1] wanted[2] == "") wanted[1] = "default"
  }
  (header = header_of($0)) != "" {
    end_section()
    print
    profile = profile_named(header)
    inside = profile != ""
    if (inside) defined[profile] = 1
    next
  }
  inside && tolower($0) ~ /^[ \t]*cli_timestamp_format[ \t]*[=:]/ { next }
  { print }
  END {
    end_section()
    for (i = 1; i <= 2; i++) {
      profile = wanted[i]
      if (profile == "" || (profile in defined) || (profile != "default" && !(profile in in_credentials))) continue
      print (profile == "default" ? "[default]" : "[profile \"" profile "\"]")
      print setting
      defined[profile] = 1
    }
  }' <"$CONFIG_SOURCE" >"$WORK/aws-config" || die "cannot copy the AWS CLI configuration $CONFIG_SOURCE"
export AWS_CONFIG_FILE="$WORK/aws-config"`;

const PRELUDE = String.raw`set -u
OUT=${'$'}{1:-assay-snapshot.json}
CONCURRENCY=${'$'}{ASSAY_CONCURRENCY:-8}
GLOBAL_REGION=${GLOBAL_REGION}
TAB=$(printf '\t')
export AWS_PAGER=""

die() { printf 'assay-collect: %s\n' "$*" >&2; exit 2; }
warn() { printf 'assay-collect: %s\n' "$*" >&2; }
command -v aws >/dev/null 2>&1 || die "needs the AWS CLI (aws, v2 or v1) on PATH"
command -v jq >/dev/null 2>&1 || die "needs jq on PATH"
case "$CONCURRENCY" in '' | *[!0-9]* | 0) die "ASSAY_CONCURRENCY must be a whole number from 1 up" ;; esac
WORK=$(mktemp -d "${'$'}{TMPDIR:-/tmp}/assay-collect.XXXXXX") || die "cannot create a working folder"
trap 'rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM
mkdir "$WORK/calls"

${ISO8601_CONFIG}
: >"$WORK/keys"
SEQ=0
KNOWN=0
DONE=0
RUNNING=0
# How both CLIs (botocore's connection and HTTP client errors) say that no answer came.
NO_ANSWER='Could not connect to the endpoint URL|Connect timeout on endpoint URL|Read timeout on endpoint URL|Connection was closed before we received a valid response|Failed to connect to proxy URL|SSL validation failed for|An HTTP Client (failed to establish a connection|raised an unhandled exception)'

# record FILE SERVICE COMMAND OPERATION REGION PARAMS: one call (all pages) as a snapshot entry in FILE.json.
record() {
  if aws "$2" "$3" --region "$5" --output json --cli-input-json "$6" >"$1.out" 2>"$1.err" </dev/null; then
    # One JSON document, or nothing for an empty answer; anything else is not an answer the CLI parsed.
    jq -c -n --arg service "$2" --arg operation "$4" --arg region "$5" --argjson params "$6" --slurpfile out "$1.out" '
      if ($out | length) > 1 then error("more than one document") else
        {service: $service, operation: $operation, region: $region, params: $params, output: ($out[0] // {})} end' >"$1.json" 2>/dev/null ||
      record_error "$@" UnparseableResponse "the AWS CLI printed something that is not one JSON document"
    return
  fi
  code=$(sed -n 's/.*An error occurred (\([^)]*\)).*/\1/p' "$1.err" | head -n 1)
  message=$(sed -n 's/.*An error occurred ([^)]*) when calling the [A-Za-z0-9]* operation\( (reached max retries: [0-9]*)\)\{0,1\}: //p' "$1.err" | head -n 1)
  case "$code" in
    '')
      if message=$(grep 'Unable to parse response' "$1.err" | head -n 1); [ -n "$message" ]; then
        code=UnparseableResponse
      elif message=$(grep -E "$NO_ANSWER" "$1.err" | head -n 1); [ -n "$message" ]; then
        code=RequestFailed
      else
        # Neither an AWS error, an unreadable answer nor no answer: the CLI failed before it sent the
        # call (no credentials, an argument it refuses), so there is nothing from AWS to record.
        code=CliError
        message=$(tr '\n' ' ' <"$1.err")
      fi ;;
    *[!0-9]*) ;;
    *)
      # Only the HTTP status: the CLI found no AWS error in the body (an HTML page from a proxy or emulator).
      message="HTTP $code, and the body is not an AWS error: $message"
      code=UnparseableResponse ;;
  esac
  record_error "$@" "$code" "$message"
}

# record_error FILE SERVICE COMMAND OPERATION REGION PARAMS CODE MESSAGE: a failed call as a snapshot entry in FILE.json.
record_error() {
  jq -c -n --arg service "$2" --arg operation "$4" --arg region "$5" --argjson params "$6" --arg code "$7" --arg message "$8" \
    '{service: $service, operation: $operation, region: $region, params: $params, error: {code: $code, message: $message}}' >"$1.json"
}

# progress TEXT: calls done/known and the call just started, on one line of stderr.
progress() {
  if [ -t 2 ]; then
    printf '\r\033[K[%s/%s] %s' "$DONE" "$KNOWN" "$1" >&2
  elif [ $((KNOWN % 100)) -eq 0 ]; then
    printf '[%s/%s] %s\n' "$DONE" "$KNOWN" "$1" >&2
  fi
}

# start STEP SERVICE OPERATION REGION PARAMS: counts and names the next call; sets FILE.
start() {
  SEQ=$((SEQ + 1))
  KNOWN=$((KNOWN + 1))
  FILE="$WORK/calls/$(printf %06d "$SEQ").$1"
  printf '%s\t%s\t%s\t%s\n' "$2" "$3" "$4" "$5" >>"$WORK/keys"
  progress "$2 $3 $4"
}

# throttle: at most CONCURRENCY calls run at once.
throttle() {
  RUNNING=$((RUNNING + 1))
  if [ "$RUNNING" -ge "$CONCURRENCY" ]; then drain; fi
}
drain() {
  wait
  RUNNING=0
  DONE=$KNOWN
}

# launch STEP SERVICE COMMAND OPERATION REGION PARAMS: one call in the background.
launch() {
  start "$1" "$2" "$4" "$5" "$6"
  record "$FILE" "$2" "$3" "$4" "$5" "$6" &
  throttle
}

# poll STEP SERVICE COMMAND OPERATION REGION PARAMS UNTIL_PATH UNTIL_VALUE WHILE_ERRORS ATTEMPTS SECONDS:
# asks again while the answer is not final (UNTIL_PATH differs from UNTIL_VALUE, or the error is in WHILE_ERRORS).
poll() {
  start "$1" "$2" "$4" "$5" "$6"
  (
    attempt=0
    while :; do
      attempt=$((attempt + 1))
      record "$FILE" "$2" "$3" "$4" "$5" "$6"
      [ "$attempt" -ge "${'$'}{10}" ] && break
      again=$(jq -r --argjson until "$7" --arg value "$8" --argjson codes "$9" '
        if has("error") then (.error.code as $c | $codes | any(.[]; . == $c))
        elif $until == null then false
        else ((.output | try getpath($until) catch null) != $value) end' "$FILE.json")
      [ "$again" = true ] || break
      sleep "${'$'}{ASSAY_POLL_SECONDS:-${'$'}{11}}"
    done
  ) &
  throttle
}

# derive SERVICE OPERATION SOURCE_STEP FILTER: the calls a step makes about what SOURCE_STEP listed,
# less those already made, into $WORK/todo.
derive() {
  find "$WORK/calls" -name "*.$3.json" -exec cat {} + | jq -r "$4" | sort -u | sed "s/^/$1$TAB$2$TAB/" >"$WORK/todo.all"
  grep -vxF -f "$WORK/keys" "$WORK/todo.all" >"$WORK/todo" || true
}

# run_now STEP SERVICE COMMAND OPERATION REGION PARAMS: one call in the foreground; sets FILE.
run_now() {
  start "$1" "$2" "$4" "$5" "$6"
  record "$FILE" "$2" "$3" "$4" "$5" "$6"
  DONE=$KNOWN
}

COLLECTED_AT=$(date -u +%Y-%m-%dT%H:%M:%SZ)
`;

const BOOTSTRAP = (identity: RootStep, regions: RootStep) => String.raw`# Who we are: a failure here means the credentials cannot be used at all.
run_now ${identity.id} ${identity.service} ${cliCommandName(identity.operation)} ${identity.operation} "$GLOBAL_REGION" ${paramsWord(identity)}
if jq -e 'has("error")' "$FILE.json" >/dev/null; then
  die "cannot use the AWS credentials ($(jq -r '.error.code + ": " + .error.message' "$FILE.json")). In CloudShell they come from your console sign-in; elsewhere log in first (aws sso login --profile NAME, then export AWS_PROFILE=NAME). Nothing was written."
fi
ACCOUNT=$(jq -r '.output.Account' "$FILE.json")
PARTITION=$(jq -r '.output.Arn | split(":") | .[1]' "$FILE.json")

# Which regions: the enabled ones, or those in ASSAY_REGIONS that are enabled.
run_now ${regions.id} ${regions.service} ${cliCommandName(regions.operation)} ${regions.operation} "$GLOBAL_REGION" ${paramsWord(regions)}
if jq -e 'has("error")' "$FILE.json" >/dev/null; then
  code=$(jq -r '.error.code' "$FILE.json")
  [ -n "${'$'}{ASSAY_REGIONS:-}" ] || die "cannot list the account's regions: ec2 DescribeRegions failed with $code. Allow ec2:DescribeRegions or name the regions: ASSAY_REGIONS='us-east-1 eu-west-1' sh $0"
  warn "could not check the regions against the account (ec2 DescribeRegions: $code); collecting $ASSAY_REGIONS as given"
  REGIONS=$ASSAY_REGIONS
else
  ENABLED=$(jq -r '[.output.Regions[]? | select(.RegionName != null and .OptInStatus != "not-opted-in") | .RegionName] | join(" ")' "$FILE.json")
  NOT_ENABLED=$(jq -r '[.output.Regions[]? | select(.RegionName != null and .OptInStatus == "not-opted-in") | .RegionName] | join(" ")' "$FILE.json")
  if [ -z "${'$'}{ASSAY_REGIONS:-}" ]; then
    REGIONS=$ENABLED
    [ -z "$NOT_ENABLED" ] || warn "not opted in, so not collected: $NOT_ENABLED"
  else
    REGIONS=""
    SKIPPED=""
    for region in $ASSAY_REGIONS; do
      case " $REGIONS " in *" $region "*) continue ;; esac
      case " $ENABLED " in
        *" $region "*) REGIONS="${'$'}{REGIONS:+$REGIONS }$region" ;;
        *) case " $NOT_ENABLED " in
             *" $region "*) SKIPPED="${'$'}{SKIPPED:+$SKIPPED }$region" ;;
             *) die "unknown region $region; this account's enabled regions: $ENABLED" ;;
           esac ;;
      esac
    done
    [ -z "$SKIPPED" ] || warn "not opted in for this account, so not collected: $SKIPPED"
    [ -n "$REGIONS" ] || die "none of the regions asked for is enabled for this account ($ASSAY_REGIONS); enabled: $ENABLED"
  fi
fi
[ -n "$REGIONS" ] || die "the account lists no enabled region"
`;

const FINISH = String.raw`drain
[ -t 2 ] && printf '\r\033[K' >&2
REGIONS_JSON=$(printf '%s\n' $REGIONS | jq -R . | jq -sc .)
(cd "$WORK/calls" && find . -name '*.json' | sort | xargs cat) |
  jq -s --arg account "$ACCOUNT" --arg partition "$PARTITION" --arg at "$COLLECTED_AT" --argjson regions "$REGIONS_JSON" \
    '{format: "assay.snapshot/v1", account: $account, partition: $partition, collectedAt: $at, regions: $regions, calls: .}' >"$OUT.partial" ||
  die "could not assemble $OUT"
mv "$OUT.partial" "$OUT"
jq -r --arg out "$OUT" '"assay-collect: \(.calls | length) calls in \(.regions | length) regions written to \($out)" +
  (([.calls[] | select(has("error")) | .error.code] | group_by(.) | map("\(.[0]) (\(length))") | join(", ")) as $failed
   | if $failed == "" then "" else "; failed: \($failed)" end)' "$OUT" >&2
`;

/** The POSIX sh script that writes an assay.snapshot/v1 file with every call of the plan. */
export function collectScript(plan: readonly PlanStep[] = PLAN): string {
  const byId = new Map(plan.map((s) => [s.id, s]));
  const roots = plan.filter((s): s is RootStep => s.scope !== 'derived' && !s.after && s.id !== IDENTITY_STEP && s.id !== REGIONS_STEP);
  const later = plan.filter((s) => s.scope === 'derived' || s.after);
  const body = [
    ...roots.flatMap(rootLines),
    '',
    '# Calls about what the calls above listed, or that wait for them.',
    ...later.flatMap((step) => {
      if (step.scope === 'derived') return derivedLines(step, byId.get(step.from) as PlanStep);
      return ['drain', ...rootLines(step)];
    }),
  ];
  return [
    '#!/bin/sh',
    `# assay collection script, generated by assay ${TOOL_VERSION} from its collection plan.`,
    '# Writes an assay.snapshot/v1 file for the CIS AWS Foundations Benchmark v6.0.0 using only the AWS CLI',
    '# (v2 as found in AWS CloudShell, or v1) and jq. Every call is read-only (Get, List, Describe, and',
    '# iam generate-credential-report); a denied call is recorded as an error entry and the run goes on.',
    '#',
    '#   sh assay-collect.sh [OUTPUT]        default OUTPUT: assay-snapshot.json',
    '#   ASSAY_REGIONS="us-east-1 eu-west-1"  only these regions (default: every enabled region)',
    '#   ASSAY_CONCURRENCY=8                  calls at once',
    '#',
    '# Then download OUTPUT and run: assay scan --snapshot OUTPUT',
    PRELUDE,
    BOOTSTRAP(byId.get(IDENTITY_STEP) as RootStep, byId.get(REGIONS_STEP) as RootStep),
    ...body,
    '',
    FINISH,
  ].join('\n');
}
