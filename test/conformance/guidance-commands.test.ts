/**
 * Every `aws …` command our guidance quotes must run: the service exists, the subcommand is one of its
 * operations as the AWS CLI names it, every `--flag` is a CLI option or a request member of that
 * operation, and every member the operation requires is given. Judged against AWS's own models.
 */
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../checks/catalog.js';
import { cliName, inputMembers, loadModel, type ServiceModel } from './botocore.js';

/** Options the AWS CLI (v1 and v2) takes on every command, and the paging options of paged commands. */
const GLOBAL_OPTIONS = new Set([
  'region', 'output', 'query', 'profile', 'endpoint-url', 'debug', 'no-verify-ssl', 'no-paginate', 'no-sign-request', 'ca-bundle',
  'color', 'cli-read-timeout', 'cli-connect-timeout', 'cli-binary-format', 'no-cli-pager', 'cli-auto-prompt', 'no-cli-auto-prompt',
  'cli-input-json', 'cli-input-yaml', 'generate-cli-skeleton', 'max-items', 'starting-token', 'page-size',
]);

/** Commands of the AWS CLI that are not API operations (hand-written customisations of the CLI itself). */
const CLI_ONLY_COMMANDS: Record<string, Record<string, string[]>> = {
  // Checks the digest files CloudTrail writes; the CLI implements it, there is no API operation.
  cloudtrail: { 'validate-logs': ['trail-arn', 'start-time', 'end-time', 's3-bucket', 's3-prefix', 'account-id', 'verbose'] },
};

/** Whole CLI commands with no service model behind them (file transfer, local configuration). */
const HIGH_LEVEL_SERVICES = new Set(['s3', 'configure']);

/**
 * Flags the CLI adds to or renames on operations (awscli customizations), each with the member it
 * stands for: the security-group shorthand (`--protocol tcp --port 22 --cidr …` builds IpPermissions),
 * SNS's `--endpoint` spelled `--notification-endpoint`, EC2's `--no-egress` spelled `--ingress`, and
 * Config's recorder with its recording group as a flag of its own.
 */
const SECURITY_GROUP_SHORTHAND = { protocol: 'IpPermissions', port: 'IpPermissions', cidr: 'IpPermissions', 'source-group': 'IpPermissions', 'group-owner': 'IpPermissions' };
const CLI_FLAG_CHANGES: Record<string, { add: Record<string, string>; remove?: string[] }> = {
  'ec2 authorize-security-group-ingress': { add: SECURITY_GROUP_SHORTHAND },
  'ec2 authorize-security-group-egress': { add: SECURITY_GROUP_SHORTHAND },
  'ec2 revoke-security-group-ingress': { add: SECURITY_GROUP_SHORTHAND },
  'ec2 revoke-security-group-egress': { add: SECURITY_GROUP_SHORTHAND },
  'sns subscribe': { add: { 'notification-endpoint': 'Endpoint' }, remove: ['endpoint'] },
  'ec2 create-network-acl-entry': { add: { ingress: 'Egress' }, remove: ['no-egress'] },
  'ec2 replace-network-acl-entry': { add: { ingress: 'Egress' }, remove: ['no-egress'] },
  'configservice put-configuration-recorder': { add: { 'recording-group': 'ConfigurationRecorder' } },
};

interface QuotedCommand {
  /** The command as quoted, up to where the prose goes on. */
  text: string;
  service: string;
  /** One subcommand, or alternatives written `a / b / c` that share the flags. */
  subcommands: string[];
  flags: string[];
}

/** Splits shell words, keeping quoted values (JSON, filter patterns) as one word. */
function words(text: string): string[] {
  return [...text.matchAll(/'[^']*'|"[^"]*"|\S+/g)].map((m) => m[0]);
}

const trimProse = (word: string): string => word.replace(/[,.;:)]+$/, '');

/** The `aws …` commands in a guidance line: each runs to the next `aws`, a pipe, or the end of the line. */
function quotedCommands(line: string): QuotedCommand[] {
  const starts = [...line.matchAll(/(?<![\w:/.-])aws\s+(?=[a-z])/g)].map((m) => m.index);
  return starts.map((start, i) => {
    const text = line.slice(start, starts[i + 1] ?? line.length).split(/\s\|\s/)[0]!.trim();
    const [, service = '', ...rest] = words(text);
    const subcommands = [trimProse(rest[0] ?? '')];
    let at = 1;
    while (rest[at] === '/' && rest[at + 1]) {
      subcommands.push(trimProse(rest[at + 1]!));
      at += 2;
    }
    const flags = rest
      .slice(at)
      .filter((w) => /^--[a-z]/.test(w))
      .map((w) => trimProse(w.slice(2).split('=')[0]!));
    return { text, service: trimProse(service), subcommands, flags };
  });
}

function problemsOf(command: QuotedCommand): string[] {
  if (HIGH_LEVEL_SERVICES.has(command.service)) return [];
  const model = loadModel(command.service);
  if (!model) return [`no AWS CLI service "${command.service}"`];
  return command.subcommands.flatMap((sub) => subcommandProblems(model, command, sub));
}

function subcommandProblems(model: ServiceModel, command: QuotedCommand, sub: string): string[] {
  const key = `${command.service} ${sub}`;
  const custom = CLI_ONLY_COMMANDS[command.service]?.[sub];
  if (custom) return command.flags.filter((f) => !GLOBAL_OPTIONS.has(f) && !custom.includes(f)).map((f) => `${key} has no option --${f}`);
  const operation = Object.values(model.operations).find((op) => cliName(op.name) === sub);
  if (!operation) return [`${command.service} has no subcommand ${sub}`];
  const members = inputMembers(model, operation);
  const changes = CLI_FLAG_CHANGES[key];
  /** Each flag the command takes, with the request member it sets. */
  const accepted = new Map<string, string>();
  for (const [name, ref] of Object.entries(members)) {
    accepted.set(cliName(name), name);
    if (model.shapes[ref.shape]?.type === 'boolean') accepted.set(`no-${cliName(name)}`, name);
  }
  for (const flag of changes?.remove ?? []) accepted.delete(flag);
  for (const [flag, member] of Object.entries(changes?.add ?? {})) accepted.set(flag, member);
  const problems = command.flags
    .filter((f) => !GLOBAL_OPTIONS.has(f) && !accepted.has(f))
    .map((f) => {
      const options = [...accepted.keys()].filter((a) => !a.startsWith('no-')).map((a) => `--${a}`);
      return `${key} has no option --${f} (it takes ${options.join(' ') || 'no options'})`;
    });
  // A command that leaves out a required member does not run; the shorthand flags stand in for IpPermissions.
  if (!command.flags.includes('cli-input-json')) {
    const given = new Set(command.flags.map((f) => accepted.get(f)));
    const required = (operation.input && model.shapes[operation.input.shape]?.required) ?? [];
    for (const member of required) if (!given.has(member)) problems.push(`${key} needs --${cliName(member)}, which the operation requires`);
  }
  return problems;
}

function guidanceLines(): { where: string; line: string }[] {
  return CATALOG.flatMap((rec) =>
    (['verifyConsole', 'verifyCli', 'remediation'] as const).flatMap((part) => rec.guidance[part].map((line) => ({ where: `${rec.id} ${part}`, line }))),
  );
}

describe('reading the commands out of guidance prose', () => {
  it('finds each command, its alternatives and its flags, and leaves placeholders and prose alone', () => {
    expect(quotedCommands('Delete it: aws iam delete-server-certificate --server-certificate-name NAME.')).toEqual([
      { text: 'aws iam delete-server-certificate --server-certificate-name NAME.', service: 'iam', subcommands: ['delete-server-certificate'], flags: ['server-certificate-name'] },
    ]);
    const [first, second] = quotedCommands("aws iam generate-credential-report, then aws iam get-credential-report --query Content --output text | base64 -d --wrap=0");
    expect(first).toMatchObject({ subcommands: ['generate-credential-report'], flags: [] });
    expect(second).toMatchObject({ subcommands: ['get-credential-report'], flags: ['query', 'output'] });
    expect(quotedCommands('Detach it (aws iam detach-user-policy / detach-role-policy --policy-arn arn:aws:iam::aws:policy/X).')[0]).toMatchObject({
      subcommands: ['detach-user-policy', 'detach-role-policy'],
      flags: ['policy-arn'],
    });
    expect(quotedCommands(`aws logs put-metric-filter --filter-pattern '{ ($.a = "b") --c }' --log-group-name=<group>`)[0]?.flags).toEqual(['filter-pattern', 'log-group-name']);
    expect(quotedCommands('a Deny on aws:SecureTransport in arn:aws:s3:::b')).toEqual([]);
  });

  it('tells a working command from one with a flag, subcommand or service the CLI does not have', () => {
    const problems = (line: string) => quotedCommands(line).flatMap(problemsOf);
    expect(problems('aws logs describe-metric-filters --log-group-name G --region eu-west-1')).toEqual([]);
    expect(problems('aws ec2 revoke-security-group-ingress --group-id sg-1 --protocol tcp --port 22 --cidr 0.0.0.0/0')).toEqual([]);
    expect(problems('aws rds modify-db-instance --db-instance-identifier db --no-publicly-accessible')).toEqual([]);
    expect(problems('aws cloudtrail create-trail --name t --bucket-name b')).toEqual([
      'cloudtrail create-trail has no option --bucket-name (it takes --name --s3-bucket-name --s3-key-prefix --sns-topic-name --include-global-service-events --is-multi-region-trail --enable-log-file-validation --cloud-watch-logs-log-group-arn --cloud-watch-logs-role-arn --kms-key-id --is-organization-trail --tags-list)',
      'cloudtrail create-trail needs --s3-bucket-name, which the operation requires',
    ]);
    expect(problems('aws sns subscribe --topic-arn T --protocol email --notification-endpoint a@b')).toEqual([]);
    expect(problems('aws sns subscribe --topic-arn T --protocol email --endpoint a@b')).toEqual([expect.stringContaining('sns subscribe has no option --endpoint ')]);
    expect(problems('aws s3control get-public-access-block')).toEqual(['s3control get-public-access-block needs --account-id, which the operation requires']);
    expect(problems('aws iam list-user --max-items 5')).toEqual(['iam has no subcommand list-user']);
    expect(problems('aws configservices describe-configuration-recorders')).toEqual(['no AWS CLI service "configservices"']);
  });
});

describe('principle: guidance texts quote commands that work', () => {
  it('every aws command in every recommendation’s guidance parses against AWS’s models', () => {
    const problems = guidanceLines().flatMap(({ where, line }) =>
      quotedCommands(line).flatMap((command) => problemsOf(command).map((p) => `${where}: ${command.text.slice(0, 90)} → ${p}`)),
    );
    expect(problems).toEqual([]);
  });

  it('finds the commands the guidance quotes, for every service the checks read', () => {
    const commands = guidanceLines().flatMap(({ line }) => quotedCommands(line));
    expect(commands.length).toBeGreaterThan(200);
    expect([...new Set(commands.map((c) => c.service))].sort()).toEqual(expect.arrayContaining(['cloudtrail', 'configservice', 'ec2', 'iam', 'logs', 's3api', 's3control']));
  });
});
