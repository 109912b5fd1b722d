/**
 * Framework mappings for each CIS AWS Foundations v6.0.0 recommendation — facts, not prose.
 *
 * Generated once from the project's reference data (cis-aws-v6-mappings.csv and
 * cis-aws-v6-mappings-extra.csv). Sources, as that data records them:
 * - NIST SP 800-171 r2 and 800-53 r5 ids: Prowler's compliance files (Apache-2.0), joined on
 *   Prowler check names through Prowler's cis_6.0_aws.json; 800-53 ids rolled up to controls.
 * - ISO 27001:2022 and SOC 2: the same Prowler join.
 * - CIS Controls v8 safeguards: cited by the benchmark itself.
 * - Security Hub CSPM controls and their NIST ids: the AWS Security Hub user guide.
 * - Steampipe 800-171 ids: turbot/steampipe-mod-aws-compliance v1.13.0 (Apache-2.0).
 * These are informative tool-vendor mappings, not an authoritative CIS or NIST crosswalk.
 */

export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'informational';

export interface FrameworkMappings {
  id: string;
  /** Our own short label (not the CIS title). */
  shortTitle: string;
  nist171: string[];
  nist53: string[];
  /** Highest Prowler severity among the recommendation's Prowler checks. */
  defaultSeverity: Severity;
  sourceNote: string;
  prowlerChecks: string[];
  iso27001: string[];
  soc2: string[];
  cisControlsV8: string[];
  securityHubControls: string[];
  securityHubNist171: string[];
  securityHubNist53: string[];
  securityHubSeverity?: string;
  steampipeNist171: string[];
}

export const MAPPING_SOURCES = {
  nist171: 'Prowler nist_800_171_revision_2_aws.json joined via cis_6.0_aws.json (informative)',
  nist53: 'Prowler nist_800_53_revision_5_aws.json joined via cis_6.0_aws.json, rolled up to controls (informative)',
  securityHub: 'AWS Security Hub CSPM control reference, related requirements',
  steampipe: 'turbot/steampipe-mod-aws-compliance v1.13.0',
  cisControlsV8: 'CIS AWS Foundations Benchmark v6.0.0',
} as const;

export const MAPPINGS: readonly FrameworkMappings[] = [
  {
    "id": "2.1",
    "shortTitle": "Keep account contact details current",
    "nist171": [],
    "nist53": [],
    "defaultSeverity": "medium",
    "sourceNote": "prowler cis_6.0 checks: account_maintain_current_contact_details; UNMAPPED-171: no check of this rec is in Prowler nist_800_171_revision_2_aws.json; UNMAPPED-53: no check of this rec is in Prowler nist_800_53_revision_5_aws.json",
    "prowlerChecks": [
      "account_maintain_current_contact_details"
    ],
    "iso27001": [
      "A.5.5"
    ],
    "soc2": [],
    "cisControlsV8": [
      "17.2"
    ],
    "securityHubControls": [],
    "securityHubNist171": [],
    "securityHubNist53": [],
    "steampipeNist171": []
  },
  {
    "id": "2.2",
    "shortTitle": "Register security contact information",
    "nist171": [],
    "nist53": [],
    "defaultSeverity": "medium",
    "sourceNote": "prowler cis_6.0 checks: account_security_contact_information_is_registered; UNMAPPED-171: no check of this rec is in Prowler nist_800_171_revision_2_aws.json; UNMAPPED-53: no check of this rec is in Prowler nist_800_53_revision_5_aws.json",
    "prowlerChecks": [
      "account_security_contact_information_is_registered"
    ],
    "iso27001": [
      "A.5.5"
    ],
    "soc2": [],
    "cisControlsV8": [
      "17.2",
      "17.6"
    ],
    "securityHubControls": [
      "Account.1"
    ],
    "securityHubNist171": [],
    "securityHubNist53": [
      "CM-2",
      "CM-2(2)"
    ],
    "securityHubSeverity": "medium",
    "steampipeNist171": []
  },
  {
    "id": "2.3",
    "shortTitle": "No access keys for root user",
    "nist171": [
      "3.1.1",
      "3.1.2",
      "3.1.4",
      "3.1.5",
      "3.1.6",
      "3.1.7",
      "3.4.6"
    ],
    "nist53": [
      "AC-2(1)",
      "AC-2(6)",
      "AC-3(3)",
      "AC-3(4)",
      "AC-3(7)",
      "AC-3(8)",
      "AC-3(12)",
      "AC-3(13)",
      "AC-3(15)",
      "AC-4(28)",
      "AC-6",
      "AC-6(2)",
      "AC-6(10)",
      "AC-24",
      "CM-5(1)",
      "CM-6",
      "CM-9",
      "IA-2",
      "IA-4",
      "IA-4(4)",
      "IA-4(8)",
      "IA-5(8)",
      "MP-2",
      "SC-23(3)",
      "SC-25"
    ],
    "defaultSeverity": "critical",
    "sourceNote": "prowler cis_6.0 checks: iam_no_root_access_key",
    "prowlerChecks": [
      "iam_no_root_access_key"
    ],
    "iso27001": [
      "A.5.15"
    ],
    "soc2": [],
    "cisControlsV8": [
      "5.4",
      "6.8"
    ],
    "securityHubControls": [
      "IAM.4"
    ],
    "securityHubNist171": [],
    "securityHubNist53": [
      "AC-2(1)",
      "AC-3(15)",
      "AC-3(7)",
      "AC-6",
      "AC-6(10)",
      "AC-6(2)"
    ],
    "securityHubSeverity": "critical",
    "steampipeNist171": [
      "3.1.1",
      "3.1.2",
      "3.1.4",
      "3.1.5",
      "3.1.6",
      "3.1.7",
      "3.4.6"
    ]
  },
  {
    "id": "2.4",
    "shortTitle": "MFA enabled for root user",
    "nist171": [
      "3.1.1",
      "3.1.2",
      "3.5.2",
      "3.5.3"
    ],
    "nist53": [
      "AC-2(1)",
      "AC-3(2)",
      "AC-3(3)",
      "AC-3(4)",
      "AC-3(8)",
      "AC-3(12)",
      "AC-3(13)",
      "AC-3(15)",
      "AC-4(28)",
      "AC-7(4)",
      "AC-24",
      "CM-6",
      "CM-9",
      "IA-2(1)",
      "IA-2(2)",
      "IA-2(6)",
      "IA-2(8)",
      "SC-23(3)"
    ],
    "defaultSeverity": "critical",
    "sourceNote": "prowler cis_6.0 checks: iam_root_mfa_enabled",
    "prowlerChecks": [
      "iam_root_mfa_enabled"
    ],
    "iso27001": [
      "A.5.15",
      "A.5.17",
      "A.8.5"
    ],
    "soc2": [],
    "cisControlsV8": [
      "6.5"
    ],
    "securityHubControls": [
      "IAM.9"
    ],
    "securityHubNist171": [],
    "securityHubNist53": [
      "AC-2(1)",
      "AC-3(15)",
      "IA-2(1)",
      "IA-2(2)",
      "IA-2(6)",
      "IA-2(8)"
    ],
    "securityHubSeverity": "critical",
    "steampipeNist171": []
  },
  {
    "id": "2.5",
    "shortTitle": "Hardware MFA for root user",
    "nist171": [
      "3.1.1",
      "3.1.2",
      "3.5.3"
    ],
    "nist53": [
      "AC-2(1)",
      "AC-3(2)",
      "AC-3(3)",
      "AC-3(4)",
      "AC-3(8)",
      "AC-3(12)",
      "AC-3(13)",
      "AC-3(15)",
      "AC-4(28)",
      "AC-7(4)",
      "AC-24",
      "CM-5(1)",
      "CM-6",
      "CM-9",
      "IA-2(1)",
      "IA-2(2)",
      "IA-2(6)",
      "IA-2(8)",
      "SC-23(3)"
    ],
    "defaultSeverity": "critical",
    "sourceNote": "prowler cis_6.0 checks: iam_root_hardware_mfa_enabled",
    "prowlerChecks": [
      "iam_root_hardware_mfa_enabled"
    ],
    "iso27001": [],
    "soc2": [],
    "cisControlsV8": [
      "6.5"
    ],
    "securityHubControls": [
      "IAM.6"
    ],
    "securityHubNist171": [],
    "securityHubNist53": [
      "AC-2(1)",
      "AC-3(15)",
      "IA-2(1)",
      "IA-2(2)",
      "IA-2(6)",
      "IA-2(8)"
    ],
    "securityHubSeverity": "critical",
    "steampipeNist171": [
      "3.1.1",
      "3.1.2",
      "3.5.1",
      "3.5.3",
      "3.5.4"
    ]
  },
  {
    "id": "2.6",
    "shortTitle": "Avoid root user for daily tasks",
    "nist171": [],
    "nist53": [],
    "defaultSeverity": "high",
    "sourceNote": "prowler cis_6.0 checks: iam_avoid_root_usage; UNMAPPED-171: no check of this rec is in Prowler nist_800_171_revision_2_aws.json; UNMAPPED-53: no check of this rec is in Prowler nist_800_53_revision_5_aws.json",
    "prowlerChecks": [
      "iam_avoid_root_usage"
    ],
    "iso27001": [
      "A.5.15"
    ],
    "soc2": [],
    "cisControlsV8": [
      "5.4"
    ],
    "securityHubControls": [],
    "securityHubNist171": [],
    "securityHubNist53": [],
    "steampipeNist171": []
  },
  {
    "id": "2.7",
    "shortTitle": "Password policy minimum length 14",
    "nist171": [
      "3.5.7"
    ],
    "nist53": [
      "AC-2",
      "AC-2(1)",
      "AC-2(3)",
      "AC-3(3)",
      "AC-3(4)",
      "AC-3(8)",
      "AC-3(12)",
      "AC-3(13)",
      "AC-3(15)",
      "AC-4(28)",
      "AC-7(4)",
      "AC-24",
      "CM-5(1)",
      "CM-6",
      "CM-9",
      "CM-12",
      "IA-4",
      "IA-5",
      "IA-5(1)",
      "IA-5(18)",
      "IA-8(2)",
      "MA-4",
      "SC-23(3)"
    ],
    "defaultSeverity": "medium",
    "sourceNote": "prowler cis_6.0 checks: iam_password_policy_minimum_length_14",
    "prowlerChecks": [
      "iam_password_policy_minimum_length_14"
    ],
    "iso27001": [
      "A.5.15"
    ],
    "soc2": [],
    "cisControlsV8": [
      "5.2"
    ],
    "securityHubControls": [
      "IAM.15"
    ],
    "securityHubNist171": [
      "3.5.7"
    ],
    "securityHubNist53": [],
    "securityHubSeverity": "medium",
    "steampipeNist171": []
  },
  {
    "id": "2.8",
    "shortTitle": "Password policy prevents password reuse",
    "nist171": [
      "3.5.5",
      "3.5.6",
      "3.5.7",
      "3.5.8"
    ],
    "nist53": [],
    "defaultSeverity": "medium",
    "sourceNote": "prowler cis_6.0 checks: iam_password_policy_reuse_24; UNMAPPED-53: no check of this rec is in Prowler nist_800_53_revision_5_aws.json",
    "prowlerChecks": [
      "iam_password_policy_reuse_24"
    ],
    "iso27001": [
      "A.5.15"
    ],
    "soc2": [],
    "cisControlsV8": [
      "5.2"
    ],
    "securityHubControls": [
      "IAM.16"
    ],
    "securityHubNist171": [
      "3.5.8"
    ],
    "securityHubNist53": [],
    "securityHubSeverity": "low",
    "steampipeNist171": []
  },
  {
    "id": "2.9",
    "shortTitle": "MFA for IAM users with console password",
    "nist171": [
      "3.1.1",
      "3.1.2",
      "3.1.14",
      "3.5.2",
      "3.5.3"
    ],
    "nist53": [
      "AC-2(1)",
      "AC-3(2)",
      "AC-3(3)",
      "AC-3(4)",
      "AC-3(8)",
      "AC-3(12)",
      "AC-3(13)",
      "AC-3(15)",
      "AC-4(28)",
      "AC-7(4)",
      "AC-24",
      "CM-5(1)",
      "CM-6",
      "CM-9",
      "IA-2(1)",
      "IA-2(2)",
      "IA-2(6)",
      "IA-2(8)",
      "SC-23(3)"
    ],
    "defaultSeverity": "high",
    "sourceNote": "prowler cis_6.0 checks: iam_user_mfa_enabled_console_access; presentation adds 3.1.3;3.1.20 which no source maps to this check",
    "prowlerChecks": [
      "iam_user_mfa_enabled_console_access"
    ],
    "iso27001": [
      "A.5.15",
      "A.5.17",
      "A.8.5"
    ],
    "soc2": [],
    "cisControlsV8": [
      "6.5"
    ],
    "securityHubControls": [
      "IAM.5"
    ],
    "securityHubNist171": [],
    "securityHubNist53": [
      "AC-2(1)",
      "AC-3(15)",
      "IA-2(1)",
      "IA-2(2)",
      "IA-2(6)",
      "IA-2(8)"
    ],
    "securityHubSeverity": "medium",
    "steampipeNist171": [
      "3.1.1",
      "3.1.2",
      "3.1.14",
      "3.5.1",
      "3.5.2",
      "3.5.3",
      "3.5.4"
    ]
  },
  {
    "id": "2.10",
    "shortTitle": "No access keys at IAM user setup",
    "nist171": [],
    "nist53": [],
    "defaultSeverity": "medium",
    "sourceNote": "prowler cis_6.0 checks: iam_user_no_setup_initial_access_key; UNMAPPED-171: no check of this rec is in Prowler nist_800_171_revision_2_aws.json; UNMAPPED-53: no check of this rec is in Prowler nist_800_53_revision_5_aws.json",
    "prowlerChecks": [
      "iam_user_no_setup_initial_access_key"
    ],
    "iso27001": [],
    "soc2": [],
    "cisControlsV8": [
      "6.1",
      "6.2"
    ],
    "securityHubControls": [],
    "securityHubNist171": [],
    "securityHubNist53": [],
    "steampipeNist171": []
  },
  {
    "id": "2.11",
    "shortTitle": "Disable credentials unused 45+ days",
    "nist171": [
      "3.1.1",
      "3.1.2",
      "3.1.4",
      "3.1.5",
      "3.5.6",
      "3.5.7",
      "3.5.8"
    ],
    "nist53": [
      "AC-2",
      "AC-2(1)",
      "AC-2(3)",
      "AC-2(6)",
      "AC-3",
      "AC-3(3)",
      "AC-3(4)",
      "AC-3(7)",
      "AC-3(8)",
      "AC-3(12)",
      "AC-3(13)",
      "AC-3(15)",
      "AC-4(28)",
      "AC-6",
      "AC-24",
      "CM-5(1)",
      "CM-6",
      "CM-9",
      "MP-2",
      "SC-23(3)"
    ],
    "defaultSeverity": "medium",
    "sourceNote": "prowler cis_6.0 checks: iam_user_accesskey_unused|iam_user_console_access_unused",
    "prowlerChecks": [
      "iam_user_accesskey_unused",
      "iam_user_console_access_unused"
    ],
    "iso27001": [
      "A.5.15"
    ],
    "soc2": [
      "CC1.3"
    ],
    "cisControlsV8": [
      "5.3"
    ],
    "securityHubControls": [
      "IAM.22"
    ],
    "securityHubNist171": [
      "3.1.2"
    ],
    "securityHubNist53": [],
    "securityHubSeverity": "medium",
    "steampipeNist171": []
  },
  {
    "id": "2.12",
    "shortTitle": "One active access key per user",
    "nist171": [],
    "nist53": [],
    "defaultSeverity": "medium",
    "sourceNote": "prowler cis_6.0 checks: iam_user_two_active_access_key; UNMAPPED-171: no check of this rec is in Prowler nist_800_171_revision_2_aws.json; UNMAPPED-53: no check of this rec is in Prowler nist_800_53_revision_5_aws.json",
    "prowlerChecks": [
      "iam_user_two_active_access_key"
    ],
    "iso27001": [],
    "soc2": [],
    "cisControlsV8": [
      "5.1"
    ],
    "securityHubControls": [],
    "securityHubNist171": [],
    "securityHubNist53": [],
    "steampipeNist171": []
  },
  {
    "id": "2.13",
    "shortTitle": "Rotate access keys within 90 days",
    "nist171": [],
    "nist53": [
      "AC-2(1)",
      "AC-3(3)",
      "AC-3(4)",
      "AC-3(8)",
      "AC-3(12)",
      "AC-3(13)",
      "AC-3(15)",
      "AC-4(28)",
      "AC-24",
      "CM-5(1)",
      "CM-6",
      "CM-9",
      "SC-23(3)"
    ],
    "defaultSeverity": "medium",
    "sourceNote": "prowler cis_6.0 checks: iam_rotate_access_key_90_days; UNMAPPED-171: no check of this rec is in Prowler nist_800_171_revision_2_aws.json",
    "prowlerChecks": [
      "iam_rotate_access_key_90_days"
    ],
    "iso27001": [
      "A.5.15"
    ],
    "soc2": [],
    "cisControlsV8": [
      "5.1"
    ],
    "securityHubControls": [
      "IAM.3"
    ],
    "securityHubNist171": [],
    "securityHubNist53": [
      "AC-2(1)",
      "AC-2(3)",
      "AC-3(15)"
    ],
    "securityHubSeverity": "medium",
    "steampipeNist171": []
  },
  {
    "id": "2.14",
    "shortTitle": "IAM permissions granted only through groups",
    "nist171": [
      "3.4.6"
    ],
    "nist53": [
      "AC-2",
      "AC-2(1)",
      "AC-2(6)",
      "AC-3",
      "AC-3(3)",
      "AC-3(4)",
      "AC-3(7)",
      "AC-3(8)",
      "AC-3(12)",
      "AC-3(13)",
      "AC-3(15)",
      "AC-4(28)",
      "AC-6",
      "AC-6(3)",
      "AC-24",
      "CM-5(1)",
      "CM-6",
      "CM-9",
      "MP-2",
      "SC-23(3)"
    ],
    "defaultSeverity": "low",
    "sourceNote": "prowler cis_6.0 checks: iam_policy_attached_only_to_group_or_roles",
    "prowlerChecks": [
      "iam_policy_attached_only_to_group_or_roles"
    ],
    "iso27001": [
      "A.5.15"
    ],
    "soc2": [
      "CC1.3"
    ],
    "cisControlsV8": [
      "6.8"
    ],
    "securityHubControls": [
      "IAM.2"
    ],
    "securityHubNist171": [
      "3.1.1",
      "3.1.2",
      "3.1.7",
      "3.3.9",
      "3.13.3"
    ],
    "securityHubNist53": [
      "AC-2",
      "AC-2(1)",
      "AC-3",
      "AC-3(15)",
      "AC-3(7)",
      "AC-6",
      "AC-6(3)"
    ],
    "securityHubSeverity": "low",
    "steampipeNist171": [
      "3.1.1",
      "3.1.2",
      "3.1.4",
      "3.1.5",
      "3.4.6"
    ]
  },
  {
    "id": "2.15",
    "shortTitle": "No full admin (*:*) policies attached",
    "nist171": [
      "3.1.1",
      "3.1.2",
      "3.1.4",
      "3.1.5",
      "3.1.6",
      "3.1.7",
      "3.4.6",
      "3.13.3"
    ],
    "nist53": [
      "AC-2",
      "AC-2(1)",
      "AC-2(6)",
      "AC-3",
      "AC-3(3)",
      "AC-3(4)",
      "AC-3(7)",
      "AC-3(8)",
      "AC-3(12)",
      "AC-3(13)",
      "AC-3(15)",
      "AC-4(28)",
      "AC-5",
      "AC-6",
      "AC-6(2)",
      "AC-6(3)",
      "AC-6(10)",
      "AC-24",
      "CM-5(1)",
      "CM-6",
      "CM-9",
      "MP-2",
      "SC-23(3)",
      "SC-25"
    ],
    "defaultSeverity": "critical",
    "sourceNote": "prowler cis_6.0 checks: iam_aws_attached_policy_no_administrative_privileges|iam_customer_attached_policy_no_administrative_privileges; default_severity critical comes from the AWS-managed-policy check; customer-managed check is high",
    "prowlerChecks": [
      "iam_aws_attached_policy_no_administrative_privileges",
      "iam_customer_attached_policy_no_administrative_privileges"
    ],
    "iso27001": [
      "A.5.18",
      "A.8.2"
    ],
    "soc2": [
      "CC1.3",
      "CC6.3"
    ],
    "cisControlsV8": [
      "5.4"
    ],
    "securityHubControls": [],
    "securityHubNist171": [],
    "securityHubNist53": [],
    "steampipeNist171": []
  },
  {
    "id": "2.16",
    "shortTitle": "Support role for AWS Support incidents",
    "nist171": [],
    "nist53": [],
    "defaultSeverity": "low",
    "sourceNote": "prowler cis_6.0 checks: iam_support_role_created; UNMAPPED-171: no check of this rec is in Prowler nist_800_171_revision_2_aws.json; UNMAPPED-53: no check of this rec is in Prowler nist_800_53_revision_5_aws.json; alt-171 (AWS Security Hub IAM.18): 3.1.2",
    "prowlerChecks": [
      "iam_support_role_created"
    ],
    "iso27001": [],
    "soc2": [],
    "cisControlsV8": [
      "17.1"
    ],
    "securityHubControls": [
      "IAM.18"
    ],
    "securityHubNist171": [
      "3.1.2"
    ],
    "securityHubNist53": [],
    "securityHubSeverity": "low",
    "steampipeNist171": []
  },
  {
    "id": "2.17",
    "shortTitle": "Instance roles for EC2 resource access",
    "nist171": [
      "3.1.1",
      "3.1.2"
    ],
    "nist53": [
      "AC-3",
      "CM-5(1)",
      "CM-6"
    ],
    "defaultSeverity": "medium",
    "sourceNote": "prowler cis_6.0 checks: ec2_instance_profile_attached",
    "prowlerChecks": [
      "ec2_instance_profile_attached"
    ],
    "iso27001": [
      "A.8.2",
      "A.8.20",
      "A.8.21",
      "A.8.22"
    ],
    "soc2": [],
    "cisControlsV8": [
      "6.8"
    ],
    "securityHubControls": [],
    "securityHubNist171": [],
    "securityHubNist53": [],
    "steampipeNist171": []
  },
  {
    "id": "2.18",
    "shortTitle": "Remove expired IAM server certificates",
    "nist171": [],
    "nist53": [],
    "defaultSeverity": "high",
    "sourceNote": "prowler cis_6.0 checks: iam_no_expired_server_certificates_stored; UNMAPPED-171: no check of this rec is in Prowler nist_800_171_revision_2_aws.json; UNMAPPED-53: no check of this rec is in Prowler nist_800_53_revision_5_aws.json",
    "prowlerChecks": [
      "iam_no_expired_server_certificates_stored"
    ],
    "iso27001": [],
    "soc2": [],
    "cisControlsV8": [
      "3.1"
    ],
    "securityHubControls": [
      "IAM.26"
    ],
    "securityHubNist171": [],
    "securityHubNist53": [],
    "securityHubSeverity": "medium",
    "steampipeNist171": []
  },
  {
    "id": "2.19",
    "shortTitle": "IAM Access Analyzer enabled, all regions",
    "nist171": [],
    "nist53": [],
    "defaultSeverity": "low",
    "sourceNote": "prowler cis_6.0 checks: accessanalyzer_enabled; UNMAPPED-171: no check of this rec is in Prowler nist_800_171_revision_2_aws.json; UNMAPPED-53: no check of this rec is in Prowler nist_800_53_revision_5_aws.json",
    "prowlerChecks": [
      "accessanalyzer_enabled"
    ],
    "iso27001": [
      "A.8.3"
    ],
    "soc2": [],
    "cisControlsV8": [
      "3.3"
    ],
    "securityHubControls": [
      "IAM.28"
    ],
    "securityHubNist171": [],
    "securityHubNist53": [],
    "securityHubSeverity": "high",
    "steampipeNist171": []
  },
  {
    "id": "2.20",
    "shortTitle": "Central identity federation for users",
    "nist171": [],
    "nist53": [],
    "defaultSeverity": "low",
    "sourceNote": "prowler cis_6.0 checks: iam_check_saml_providers_sts; UNMAPPED-171: no check of this rec is in Prowler nist_800_171_revision_2_aws.json; UNMAPPED-53: no check of this rec is in Prowler nist_800_53_revision_5_aws.json",
    "prowlerChecks": [
      "iam_check_saml_providers_sts"
    ],
    "iso27001": [],
    "soc2": [],
    "cisControlsV8": [
      "5.6"
    ],
    "securityHubControls": [],
    "securityHubNist171": [],
    "securityHubNist53": [],
    "steampipeNist171": []
  },
  {
    "id": "2.21",
    "shortTitle": "Restrict AWSCloudShellFullAccess policy",
    "nist171": [],
    "nist53": [],
    "defaultSeverity": "medium",
    "sourceNote": "prowler cis_6.0 checks: iam_policy_cloudshell_admin_not_attached; UNMAPPED-171: no check of this rec is in Prowler nist_800_171_revision_2_aws.json; UNMAPPED-53: no check of this rec is in Prowler nist_800_53_revision_5_aws.json",
    "prowlerChecks": [
      "iam_policy_cloudshell_admin_not_attached"
    ],
    "iso27001": [],
    "soc2": [],
    "cisControlsV8": [
      "6.1"
    ],
    "securityHubControls": [
      "IAM.27"
    ],
    "securityHubNist171": [],
    "securityHubNist53": [],
    "securityHubSeverity": "medium",
    "steampipeNist171": []
  },
  {
    "id": "3.1.1",
    "shortTitle": "S3 bucket policy denies HTTP",
    "nist171": [
      "3.1.13",
      "3.5.10",
      "3.13.1",
      "3.13.5",
      "3.13.8",
      "3.13.11",
      "3.13.16"
    ],
    "nist53": [
      "AC-4",
      "AC-4(22)",
      "AC-17(2)",
      "AC-24(1)",
      "AU-9(3)",
      "CA-9",
      "CM-6",
      "CM-9",
      "IA-5(1)",
      "PM-11",
      "PM-17",
      "SC-7(4)",
      "SC-7(5)",
      "SC-8",
      "SC-8(1)",
      "SC-8(2)",
      "SC-8(3)",
      "SC-8(4)",
      "SC-8(5)",
      "SC-13",
      "SC-16(1)",
      "SC-23",
      "SI-1"
    ],
    "defaultSeverity": "medium",
    "sourceNote": "prowler cis_6.0 checks: s3_bucket_secure_transport_policy",
    "prowlerChecks": [
      "s3_bucket_secure_transport_policy"
    ],
    "iso27001": [],
    "soc2": [],
    "cisControlsV8": [
      "3.10"
    ],
    "securityHubControls": [
      "S3.5"
    ],
    "securityHubNist171": [
      "3.13.8",
      "3.13.15"
    ],
    "securityHubNist53": [
      "AC-17(2)",
      "AC-4",
      "IA-5(1)",
      "SC-12(3)",
      "SC-13",
      "SC-23",
      "SC-23(3)",
      "SC-7(4)",
      "SC-8",
      "SC-8(1)",
      "SC-8(2)",
      "SI-7(6)"
    ],
    "securityHubSeverity": "medium",
    "steampipeNist171": [
      "3.1.13",
      "3.13.1",
      "3.13.5",
      "3.13.8",
      "3.13.11"
    ]
  },
  {
    "id": "3.1.2",
    "shortTitle": "S3 MFA Delete enabled",
    "nist171": [],
    "nist53": [],
    "defaultSeverity": "medium",
    "sourceNote": "prowler cis_6.0 checks: s3_bucket_no_mfa_delete; UNMAPPED-171: no check of this rec is in Prowler nist_800_171_revision_2_aws.json; UNMAPPED-53: no check of this rec is in Prowler nist_800_53_revision_5_aws.json",
    "prowlerChecks": [
      "s3_bucket_no_mfa_delete"
    ],
    "iso27001": [],
    "soc2": [],
    "cisControlsV8": [
      "3.3",
      "6.5"
    ],
    "securityHubControls": [
      "S3.20"
    ],
    "securityHubNist171": [],
    "securityHubNist53": [
      "CA-9(1)",
      "CM-2",
      "CM-2(2)",
      "CM-3",
      "SC-5(2)"
    ],
    "securityHubSeverity": "low",
    "steampipeNist171": []
  },
  {
    "id": "3.1.3",
    "shortTitle": "S3 data discovered and classified",
    "nist171": [],
    "nist53": [],
    "defaultSeverity": "medium",
    "sourceNote": "prowler cis_6.0 checks: macie_is_enabled; UNMAPPED-171: no check of this rec is in Prowler nist_800_171_revision_2_aws.json; UNMAPPED-53: no check of this rec is in Prowler nist_800_53_revision_5_aws.json",
    "prowlerChecks": [
      "macie_is_enabled"
    ],
    "iso27001": [],
    "soc2": [],
    "cisControlsV8": [
      "3.1"
    ],
    "securityHubControls": [],
    "securityHubNist171": [],
    "securityHubNist53": [],
    "steampipeNist171": []
  },
  {
    "id": "3.1.4",
    "shortTitle": "S3 Block Public Access enabled",
    "nist171": [
      "3.1.1",
      "3.1.2",
      "3.1.3",
      "3.1.14",
      "3.1.20",
      "3.3.8",
      "3.4.6",
      "3.13.2",
      "3.13.5"
    ],
    "nist53": [
      "AC-2(6)",
      "AC-3",
      "AC-3(7)",
      "AC-4(21)",
      "AC-6",
      "AC-17",
      "AC-17(1)",
      "AC-17(4)",
      "AC-17(9)",
      "AC-17(10)",
      "CM-6",
      "CM-9",
      "MP-2",
      "SC-7",
      "SC-7(3)",
      "SC-7(7)",
      "SC-7(9)",
      "SC-7(11)",
      "SC-7(12)",
      "SC-7(16)",
      "SC-7(20)",
      "SC-7(21)",
      "SC-7(24)",
      "SC-7(25)",
      "SC-7(26)",
      "SC-7(27)",
      "SC-7(28)",
      "SC-25"
    ],
    "defaultSeverity": "high",
    "sourceNote": "prowler cis_6.0 checks: s3_bucket_level_public_access_block|s3_account_level_public_access_blocks; partial-171: unmapped check(s) s3_bucket_level_public_access_block; dropped Prowler 800-53 ids that are withdrawn or not valid in r5: SC-7(2); 171 ids come only from s3_account_level_public_access_blocks (bucket-level check unmapped); presentation drops 3.13.2",
    "prowlerChecks": [
      "s3_bucket_level_public_access_block",
      "s3_account_level_public_access_blocks"
    ],
    "iso27001": [
      "A.8.1"
    ],
    "soc2": [],
    "cisControlsV8": [
      "3.3"
    ],
    "securityHubControls": [
      "S3.1",
      "S3.8"
    ],
    "securityHubNist171": [],
    "securityHubNist53": [
      "AC-21",
      "AC-3",
      "AC-3(7)",
      "AC-4",
      "AC-4(21)",
      "AC-6",
      "SC-7",
      "SC-7(11)",
      "SC-7(16)",
      "SC-7(20)",
      "SC-7(21)",
      "SC-7(3)",
      "SC-7(4)",
      "SC-7(9)"
    ],
    "securityHubSeverity": "S3.1=medium|S3.8=high",
    "steampipeNist171": []
  },
  {
    "id": "3.2.1",
    "shortTitle": "RDS encryption at rest",
    "nist171": [
      "3.13.11",
      "3.13.16"
    ],
    "nist53": [
      "AU-9(3)",
      "CP-9",
      "CP-9(8)",
      "SC-8(3)",
      "SC-8(4)",
      "SC-13",
      "SC-28(1)",
      "SI-19(4)"
    ],
    "defaultSeverity": "high",
    "sourceNote": "prowler cis_6.0 checks: rds_instance_storage_encrypted",
    "prowlerChecks": [
      "rds_instance_storage_encrypted"
    ],
    "iso27001": [
      "A.8.11",
      "A.8.24"
    ],
    "soc2": [
      "PI1.5"
    ],
    "cisControlsV8": [
      "3.11"
    ],
    "securityHubControls": [
      "RDS.3"
    ],
    "securityHubNist171": [],
    "securityHubNist53": [
      "CA-9(1)",
      "CM-3(6)",
      "SC-13",
      "SC-28",
      "SC-28(1)",
      "SC-7(10)",
      "SI-7(6)"
    ],
    "securityHubSeverity": "medium",
    "steampipeNist171": [
      "3.13.11",
      "3.13.16"
    ]
  },
  {
    "id": "3.2.2",
    "shortTitle": "RDS auto minor version upgrade",
    "nist171": [],
    "nist53": [],
    "defaultSeverity": "medium",
    "sourceNote": "prowler cis_6.0 checks: rds_instance_minor_version_upgrade_enabled; UNMAPPED-171: no check of this rec is in Prowler nist_800_171_revision_2_aws.json; UNMAPPED-53: no check of this rec is in Prowler nist_800_53_revision_5_aws.json",
    "prowlerChecks": [
      "rds_instance_minor_version_upgrade_enabled"
    ],
    "iso27001": [],
    "soc2": [],
    "cisControlsV8": [
      "7.4"
    ],
    "securityHubControls": [
      "RDS.13"
    ],
    "securityHubNist171": [],
    "securityHubNist53": [
      "SI-2",
      "SI-2(2)",
      "SI-2(4)",
      "SI-2(5)"
    ],
    "securityHubSeverity": "high",
    "steampipeNist171": []
  },
  {
    "id": "3.2.3",
    "shortTitle": "RDS instances not publicly accessible",
    "nist171": [
      "3.1.1",
      "3.1.2",
      "3.1.3",
      "3.1.14",
      "3.13.1",
      "3.13.2",
      "3.13.5"
    ],
    "nist53": [
      "AC-2(6)",
      "AC-3",
      "AC-3(7)",
      "AC-4(21)",
      "AC-6",
      "AC-17",
      "AC-17(1)",
      "AC-17(4)",
      "AC-17(9)",
      "AC-17(10)",
      "MP-2",
      "SC-7",
      "SC-7(3)",
      "SC-7(7)",
      "SC-7(9)",
      "SC-7(11)",
      "SC-7(12)",
      "SC-7(16)",
      "SC-7(20)",
      "SC-7(21)",
      "SC-7(24)",
      "SC-7(25)",
      "SC-7(26)",
      "SC-7(27)",
      "SC-7(28)",
      "SC-25"
    ],
    "defaultSeverity": "critical",
    "sourceNote": "prowler cis_6.0 checks: rds_instance_no_public_access; dropped Prowler 800-53 ids that are withdrawn or not valid in r5: SC-7(2)",
    "prowlerChecks": [
      "rds_instance_no_public_access"
    ],
    "iso27001": [
      "A.8.1"
    ],
    "soc2": [
      "CC6.2"
    ],
    "cisControlsV8": [
      "3.3"
    ],
    "securityHubControls": [
      "RDS.2"
    ],
    "securityHubNist171": [],
    "securityHubNist53": [
      "AC-4",
      "AC-4(21)",
      "SC-7",
      "SC-7(11)",
      "SC-7(16)",
      "SC-7(21)",
      "SC-7(4)",
      "SC-7(5)"
    ],
    "securityHubSeverity": "critical",
    "steampipeNist171": [
      "3.1.1",
      "3.1.2",
      "3.1.3",
      "3.1.14",
      "3.13.1",
      "3.13.2",
      "3.13.5"
    ]
  },
  {
    "id": "3.2.4",
    "shortTitle": "RDS Multi-AZ deployments",
    "nist171": [
      "3.13.2"
    ],
    "nist53": [
      "CP-1",
      "CP-2",
      "CP-2(5)",
      "CP-2(6)",
      "CP-6(2)",
      "CP-10",
      "SC-5(2)",
      "SC-6",
      "SC-22",
      "SC-36",
      "SI-13(5)"
    ],
    "defaultSeverity": "medium",
    "sourceNote": "prowler cis_6.0 checks: rds_cluster_multi_az|rds_instance_multi_az; partial-171: unmapped check(s) rds_cluster_multi_az; 171/53 ids come only from rds_instance_multi_az (cluster check unmapped)",
    "prowlerChecks": [
      "rds_cluster_multi_az",
      "rds_instance_multi_az"
    ],
    "iso27001": [
      "A.8.14"
    ],
    "soc2": [],
    "cisControlsV8": [
      "12.2"
    ],
    "securityHubControls": [
      "RDS.5"
    ],
    "securityHubNist171": [],
    "securityHubNist53": [
      "CP-10",
      "CP-6(2)",
      "SC-36",
      "SC-5(2)",
      "SI-13(5)"
    ],
    "securityHubSeverity": "medium",
    "steampipeNist171": [
      "3.13.2"
    ]
  },
  {
    "id": "3.3.1",
    "shortTitle": "EFS file systems encrypted",
    "nist171": [
      "3.13.11",
      "3.13.16"
    ],
    "nist53": [
      "AU-9(3)",
      "CP-9",
      "SC-8(3)",
      "SC-8(4)",
      "SC-13",
      "SC-28(1)",
      "SI-19(4)"
    ],
    "defaultSeverity": "medium",
    "sourceNote": "prowler cis_6.0 checks: efs_encryption_at_rest_enabled",
    "prowlerChecks": [
      "efs_encryption_at_rest_enabled"
    ],
    "iso27001": [
      "A.8.11",
      "A.8.24"
    ],
    "soc2": [],
    "cisControlsV8": [
      "3.11"
    ],
    "securityHubControls": [
      "EFS.1"
    ],
    "securityHubNist171": [],
    "securityHubNist53": [
      "CA-9(1)",
      "CM-3(6)",
      "SC-13",
      "SC-28",
      "SC-28(1)",
      "SC-7(10)",
      "SI-7(6)"
    ],
    "securityHubSeverity": "medium",
    "steampipeNist171": [
      "3.13.11",
      "3.13.16"
    ]
  },
  {
    "id": "4.1",
    "shortTitle": "CloudTrail enabled in all regions",
    "nist171": [
      "3.1.12",
      "3.3.1",
      "3.3.2",
      "3.3.3",
      "3.4.1",
      "3.6.1",
      "3.6.2",
      "3.13.1",
      "3.13.2",
      "3.14.6",
      "3.14.7"
    ],
    "nist53": [
      "AC-2(4)",
      "AC-3(10)",
      "AC-4(26)",
      "AC-6(9)",
      "AU-2",
      "AU-3",
      "AU-3(1)",
      "AU-6(3)",
      "AU-6(4)",
      "AU-6(6)",
      "AU-6(9)",
      "AU-8",
      "AU-10",
      "AU-12",
      "AU-12(1)",
      "AU-12(2)",
      "AU-12(3)",
      "AU-12(4)",
      "AU-14",
      "AU-14(3)",
      "CA-7",
      "CM-5(1)",
      "CM-6",
      "CM-9",
      "IA-3(3)",
      "MA-4(1)",
      "PM-14",
      "PM-31",
      "SC-7(9)",
      "SI-3(8)",
      "SI-4(2)",
      "SI-4(17)",
      "SI-4(20)",
      "SI-7(8)",
      "SI-10(1)"
    ],
    "defaultSeverity": "high",
    "sourceNote": "prowler cis_6.0 checks: cloudtrail_multi_region_enabled; dropped Prowler 800-53 ids that are withdrawn or not valid in r5: AC-3(1)|SI-1(1)",
    "prowlerChecks": [
      "cloudtrail_multi_region_enabled"
    ],
    "iso27001": [],
    "soc2": [
      "A1.2",
      "CC2.1",
      "CC7.2",
      "PI1.3"
    ],
    "cisControlsV8": [
      "8.5"
    ],
    "securityHubControls": [],
    "securityHubNist171": [],
    "securityHubNist53": [],
    "steampipeNist171": [
      "3.12.1",
      "3.12.3",
      "3.12.4"
    ]
  },
  {
    "id": "4.2",
    "shortTitle": "CloudTrail log file validation",
    "nist171": [
      "3.3.8",
      "3.13.1"
    ],
    "nist53": [
      "AU-9",
      "CM-6",
      "CM-9",
      "PM-11",
      "PM-17",
      "SA-10(1)",
      "SC-16(1)",
      "SI-1",
      "SI-4",
      "SI-7",
      "SI-7(1)",
      "SI-7(3)",
      "SI-7(7)"
    ],
    "defaultSeverity": "medium",
    "sourceNote": "prowler cis_6.0 checks: cloudtrail_log_file_validation_enabled; dropped Prowler 800-53 ids that are withdrawn or not valid in r5: SA-1(1)",
    "prowlerChecks": [
      "cloudtrail_log_file_validation_enabled"
    ],
    "iso27001": [
      "A.8.15",
      "A.8.16"
    ],
    "soc2": [
      "CC7.3",
      "PI1.3"
    ],
    "cisControlsV8": [
      "8.11"
    ],
    "securityHubControls": [],
    "securityHubNist171": [],
    "securityHubNist53": [],
    "steampipeNist171": [
      "3.3.8",
      "3.12.1",
      "3.12.3",
      "3.12.4",
      "3.13.1"
    ]
  },
  {
    "id": "4.3",
    "shortTitle": "AWS Config enabled in all regions",
    "nist171": [],
    "nist53": [],
    "defaultSeverity": "medium",
    "sourceNote": "prowler cis_6.0 checks: config_recorder_all_regions_enabled; UNMAPPED-171: no check of this rec is in Prowler nist_800_171_revision_2_aws.json; UNMAPPED-53: no check of this rec is in Prowler nist_800_53_revision_5_aws.json",
    "prowlerChecks": [
      "config_recorder_all_regions_enabled"
    ],
    "iso27001": [
      "A.5.16",
      "A.5.22"
    ],
    "soc2": [
      "CC2.1",
      "CC3.1",
      "CC3.4",
      "CC8.1",
      "PI1.3"
    ],
    "cisControlsV8": [
      "1.1"
    ],
    "securityHubControls": [
      "Config.1"
    ],
    "securityHubNist171": [],
    "securityHubNist53": [
      "CM-3",
      "CM-6(1)",
      "CM-8",
      "CM-8(2)"
    ],
    "securityHubSeverity": "critical",
    "steampipeNist171": [
      "3.4.2",
      "3.4.3",
      "3.4.4",
      "3.4.5",
      "3.12.1",
      "3.12.3",
      "3.12.4"
    ]
  },
  {
    "id": "4.4",
    "shortTitle": "Access logging on CloudTrail S3 bucket",
    "nist171": [],
    "nist53": [],
    "defaultSeverity": "medium",
    "sourceNote": "prowler cis_6.0 checks: cloudtrail_logs_s3_bucket_access_logging_enabled; UNMAPPED-171: no check of this rec is in Prowler nist_800_171_revision_2_aws.json; UNMAPPED-53: no check of this rec is in Prowler nist_800_53_revision_5_aws.json",
    "prowlerChecks": [
      "cloudtrail_logs_s3_bucket_access_logging_enabled"
    ],
    "iso27001": [
      "A.8.15",
      "A.8.16"
    ],
    "soc2": [
      "A1.2"
    ],
    "cisControlsV8": [
      "3.14",
      "8.2"
    ],
    "securityHubControls": [],
    "securityHubNist171": [],
    "securityHubNist53": [],
    "steampipeNist171": [
      "3.12.1",
      "3.12.3",
      "3.12.4"
    ]
  },
  {
    "id": "4.5",
    "shortTitle": "CloudTrail logs encrypted with KMS keys",
    "nist171": [
      "3.3.8",
      "3.13.11",
      "3.13.16"
    ],
    "nist53": [
      "AU-9(3)",
      "CM-6",
      "CM-9",
      "CP-9",
      "SC-8(3)",
      "SC-8(4)",
      "SC-13",
      "SC-28(1)",
      "SI-19(4)"
    ],
    "defaultSeverity": "medium",
    "sourceNote": "prowler cis_6.0 checks: cloudtrail_kms_encryption_enabled",
    "prowlerChecks": [
      "cloudtrail_kms_encryption_enabled"
    ],
    "iso27001": [
      "A.8.11",
      "A.8.15",
      "A.8.16",
      "A.8.24"
    ],
    "soc2": [],
    "cisControlsV8": [
      "3.11",
      "8.1"
    ],
    "securityHubControls": [],
    "securityHubNist171": [],
    "securityHubNist53": [],
    "steampipeNist171": [
      "3.3.8",
      "3.12.1",
      "3.12.3",
      "3.12.4",
      "3.13.11",
      "3.13.16"
    ]
  },
  {
    "id": "4.6",
    "shortTitle": "Rotation for customer-managed symmetric KMS keys",
    "nist171": [],
    "nist53": [
      "CM-6",
      "CM-9",
      "SA-9(6)",
      "SC-12",
      "SC-12(2)",
      "SC-12(6)"
    ],
    "defaultSeverity": "high",
    "sourceNote": "prowler cis_6.0 checks: kms_cmk_rotation_enabled; UNMAPPED-171: no check of this rec is in Prowler nist_800_171_revision_2_aws.json",
    "prowlerChecks": [
      "kms_cmk_rotation_enabled"
    ],
    "iso27001": [
      "A.8.5",
      "A.8.11",
      "A.8.24"
    ],
    "soc2": [
      "PI1.5"
    ],
    "cisControlsV8": [
      "3.11"
    ],
    "securityHubControls": [
      "KMS.4"
    ],
    "securityHubNist171": [],
    "securityHubNist53": [
      "SC-12",
      "SC-12(2)",
      "SC-28(3)"
    ],
    "securityHubSeverity": "medium",
    "steampipeNist171": [
      "3.12.1",
      "3.12.3",
      "3.12.4",
      "3.13.10"
    ]
  },
  {
    "id": "4.7",
    "shortTitle": "VPC flow logs in all VPCs",
    "nist171": [
      "3.3.1",
      "3.3.3",
      "3.6.1",
      "3.6.2",
      "3.13.1",
      "3.14.6",
      "3.14.7"
    ],
    "nist53": [
      "AC-4(26)",
      "AU-2",
      "AU-3",
      "AU-6(3)",
      "AU-6(4)",
      "AU-6(6)",
      "AU-6(9)",
      "AU-8",
      "AU-12",
      "AU-12(1)",
      "AU-12(2)",
      "AU-12(3)",
      "AU-12(4)",
      "AU-14",
      "AU-14(3)",
      "CA-7",
      "CM-5(1)",
      "CM-6",
      "CM-9",
      "IA-3(3)",
      "MA-4(1)",
      "PM-14",
      "PM-31",
      "SI-4(17)",
      "SI-7(8)"
    ],
    "defaultSeverity": "medium",
    "sourceNote": "prowler cis_6.0 checks: vpc_flow_logs_enabled",
    "prowlerChecks": [
      "vpc_flow_logs_enabled"
    ],
    "iso27001": [
      "A.8.15",
      "A.8.16",
      "A.8.20",
      "A.8.21",
      "A.8.22",
      "A.8.23"
    ],
    "soc2": [
      "CC7.2",
      "CC7.3"
    ],
    "cisControlsV8": [
      "8.2",
      "13.6"
    ],
    "securityHubControls": [
      "EC2.6"
    ],
    "securityHubNist171": [
      "3.1.20",
      "3.3.1",
      "3.13.1"
    ],
    "securityHubNist53": [
      "AC-4(26)",
      "AU-12",
      "AU-2",
      "AU-3",
      "AU-6(3)",
      "AU-6(4)",
      "CA-7",
      "SI-7(8)"
    ],
    "securityHubSeverity": "medium",
    "steampipeNist171": [
      "3.1.12",
      "3.3.1",
      "3.3.3",
      "3.6.1",
      "3.6.2",
      "3.12.1",
      "3.12.3",
      "3.12.4",
      "3.13.1",
      "3.14.6",
      "3.14.7"
    ]
  },
  {
    "id": "4.8",
    "shortTitle": "S3 object-level write event logging",
    "nist171": [
      "3.1.12",
      "3.3.1",
      "3.3.2",
      "3.3.3",
      "3.13.1",
      "3.14.6",
      "3.14.7"
    ],
    "nist53": [
      "AC-2(4)",
      "AC-3(10)",
      "AC-4(26)",
      "AC-6(9)",
      "AU-2",
      "AU-3",
      "AU-6(3)",
      "AU-6(4)",
      "AU-6(6)",
      "AU-6(9)",
      "AU-8",
      "AU-10",
      "AU-12",
      "AU-12(1)",
      "AU-12(2)",
      "AU-12(3)",
      "AU-12(4)",
      "AU-14",
      "AU-14(3)",
      "CA-7",
      "CM-5(1)",
      "CM-6",
      "CM-9",
      "IA-3(3)",
      "MA-4(1)",
      "PM-14",
      "PM-31",
      "SC-7(9)",
      "SI-3(8)",
      "SI-4(2)",
      "SI-4(17)",
      "SI-4(20)",
      "SI-7(8)",
      "SI-10(1)"
    ],
    "defaultSeverity": "low",
    "sourceNote": "prowler cis_6.0 checks: cloudtrail_s3_dataevents_write_enabled; dropped Prowler 800-53 ids that are withdrawn or not valid in r5: AC-3(1)|SI-1(1)",
    "prowlerChecks": [
      "cloudtrail_s3_dataevents_write_enabled"
    ],
    "iso27001": [
      "A.8.15",
      "A.8.16"
    ],
    "soc2": [
      "CC2.1",
      "CC7.2",
      "PI1.2"
    ],
    "cisControlsV8": [
      "8.5"
    ],
    "securityHubControls": [
      "S3.22"
    ],
    "securityHubNist171": [],
    "securityHubNist53": [],
    "securityHubSeverity": "medium",
    "steampipeNist171": []
  },
  {
    "id": "4.9",
    "shortTitle": "S3 object-level read event logging",
    "nist171": [
      "3.1.12",
      "3.3.1",
      "3.3.2",
      "3.3.3",
      "3.13.1",
      "3.14.6",
      "3.14.7"
    ],
    "nist53": [
      "AC-2(4)",
      "AC-3(10)",
      "AC-4(26)",
      "AC-6(9)",
      "AU-2",
      "AU-3",
      "AU-6(3)",
      "AU-6(4)",
      "AU-6(6)",
      "AU-6(9)",
      "AU-8",
      "AU-10",
      "AU-12",
      "AU-12(1)",
      "AU-12(2)",
      "AU-12(3)",
      "AU-12(4)",
      "AU-14",
      "AU-14(3)",
      "CA-7",
      "CM-5(1)",
      "CM-6",
      "CM-9",
      "IA-3(3)",
      "MA-4(1)",
      "PM-14",
      "PM-31",
      "SC-7(9)",
      "SI-3(8)",
      "SI-4(2)",
      "SI-4(17)",
      "SI-4(20)",
      "SI-7(8)",
      "SI-10(1)"
    ],
    "defaultSeverity": "low",
    "sourceNote": "prowler cis_6.0 checks: cloudtrail_s3_dataevents_read_enabled; dropped Prowler 800-53 ids that are withdrawn or not valid in r5: AC-3(1)|SI-1(1)",
    "prowlerChecks": [
      "cloudtrail_s3_dataevents_read_enabled"
    ],
    "iso27001": [
      "A.8.15",
      "A.8.16"
    ],
    "soc2": [
      "CC2.1",
      "CC7.2"
    ],
    "cisControlsV8": [
      "8.5"
    ],
    "securityHubControls": [
      "S3.23"
    ],
    "securityHubNist171": [],
    "securityHubNist53": [],
    "securityHubSeverity": "medium",
    "steampipeNist171": []
  },
  {
    "id": "5.1",
    "shortTitle": "Alert on unauthorized API calls",
    "nist171": [],
    "nist53": [],
    "defaultSeverity": "medium",
    "sourceNote": "prowler cis_6.0 checks: cloudwatch_log_metric_filter_unauthorized_api_calls; UNMAPPED-171: no check of this rec is in Prowler nist_800_171_revision_2_aws.json; UNMAPPED-53: no check of this rec is in Prowler nist_800_53_revision_5_aws.json; alt-171 (AWS Security Hub CloudWatch.2): 3.13.1;3.14.6;3.14.7",
    "prowlerChecks": [
      "cloudwatch_log_metric_filter_unauthorized_api_calls"
    ],
    "iso27001": [
      "A.8.15",
      "A.8.16"
    ],
    "soc2": [
      "PI1.3"
    ],
    "cisControlsV8": [
      "8.5",
      "8.11"
    ],
    "securityHubControls": [
      "CloudWatch.2"
    ],
    "securityHubNist171": [
      "3.13.1",
      "3.14.6",
      "3.14.7"
    ],
    "securityHubNist53": [],
    "securityHubSeverity": "low",
    "steampipeNist171": [
      "3.12.1",
      "3.12.3",
      "3.12.4"
    ]
  },
  {
    "id": "5.2",
    "shortTitle": "Alert on console sign-in without MFA",
    "nist171": [],
    "nist53": [],
    "defaultSeverity": "medium",
    "sourceNote": "prowler cis_6.0 checks: cloudwatch_log_metric_filter_sign_in_without_mfa; UNMAPPED-171: no check of this rec is in Prowler nist_800_171_revision_2_aws.json; UNMAPPED-53: no check of this rec is in Prowler nist_800_53_revision_5_aws.json",
    "prowlerChecks": [
      "cloudwatch_log_metric_filter_sign_in_without_mfa"
    ],
    "iso27001": [
      "A.8.15",
      "A.8.16"
    ],
    "soc2": [],
    "cisControlsV8": [
      "8.5",
      "8.11"
    ],
    "securityHubControls": [
      "CloudWatch.3"
    ],
    "securityHubNist171": [],
    "securityHubNist53": [],
    "securityHubSeverity": "low",
    "steampipeNist171": [
      "3.12.1",
      "3.12.3",
      "3.12.4"
    ]
  },
  {
    "id": "5.3",
    "shortTitle": "Alert on root user activity",
    "nist171": [],
    "nist53": [],
    "defaultSeverity": "medium",
    "sourceNote": "prowler cis_6.0 checks: cloudwatch_log_metric_filter_root_usage; UNMAPPED-171: no check of this rec is in Prowler nist_800_171_revision_2_aws.json; UNMAPPED-53: no check of this rec is in Prowler nist_800_53_revision_5_aws.json; alt-171 (AWS Security Hub CloudWatch.1): 3.14.6;3.14.7",
    "prowlerChecks": [
      "cloudwatch_log_metric_filter_root_usage"
    ],
    "iso27001": [
      "A.8.15",
      "A.8.16"
    ],
    "soc2": [
      "PI1.3"
    ],
    "cisControlsV8": [
      "8.5",
      "8.11"
    ],
    "securityHubControls": [
      "CloudWatch.1"
    ],
    "securityHubNist171": [
      "3.14.6",
      "3.14.7"
    ],
    "securityHubNist53": [],
    "securityHubSeverity": "low",
    "steampipeNist171": [
      "3.12.1",
      "3.12.3",
      "3.12.4"
    ]
  },
  {
    "id": "5.4",
    "shortTitle": "Alert on IAM policy changes",
    "nist171": [],
    "nist53": [],
    "defaultSeverity": "medium",
    "sourceNote": "prowler cis_6.0 checks: cloudwatch_log_metric_filter_policy_changes; UNMAPPED-171: no check of this rec is in Prowler nist_800_171_revision_2_aws.json; UNMAPPED-53: no check of this rec is in Prowler nist_800_53_revision_5_aws.json; alt-171 (AWS Security Hub CloudWatch.4): 3.14.6;3.14.7",
    "prowlerChecks": [
      "cloudwatch_log_metric_filter_policy_changes"
    ],
    "iso27001": [
      "A.8.15",
      "A.8.16"
    ],
    "soc2": [
      "CC5.2",
      "PI1.3"
    ],
    "cisControlsV8": [
      "8.5",
      "8.11"
    ],
    "securityHubControls": [
      "CloudWatch.4"
    ],
    "securityHubNist171": [
      "3.14.6",
      "3.14.7"
    ],
    "securityHubNist53": [],
    "securityHubSeverity": "low",
    "steampipeNist171": [
      "3.12.1",
      "3.12.3",
      "3.12.4"
    ]
  },
  {
    "id": "5.5",
    "shortTitle": "Alert on CloudTrail configuration changes",
    "nist171": [],
    "nist53": [],
    "defaultSeverity": "medium",
    "sourceNote": "prowler cis_6.0 checks: cloudwatch_log_metric_filter_and_alarm_for_cloudtrail_configuration_changes_enabled; UNMAPPED-171: no check of this rec is in Prowler nist_800_171_revision_2_aws.json; UNMAPPED-53: no check of this rec is in Prowler nist_800_53_revision_5_aws.json; alt-171 (AWS Security Hub CloudWatch.5): 3.3.8;3.14.6;3.14.7",
    "prowlerChecks": [
      "cloudwatch_log_metric_filter_and_alarm_for_cloudtrail_configuration_changes_enabled"
    ],
    "iso27001": [
      "A.8.15",
      "A.8.16"
    ],
    "soc2": [
      "CC5.2"
    ],
    "cisControlsV8": [
      "8.5",
      "8.11"
    ],
    "securityHubControls": [
      "CloudWatch.5"
    ],
    "securityHubNist171": [
      "3.3.8",
      "3.14.6",
      "3.14.7"
    ],
    "securityHubNist53": [],
    "securityHubSeverity": "low",
    "steampipeNist171": [
      "3.12.1",
      "3.12.3",
      "3.12.4"
    ]
  },
  {
    "id": "5.6",
    "shortTitle": "Alert on console authentication failures",
    "nist171": [],
    "nist53": [],
    "defaultSeverity": "medium",
    "sourceNote": "prowler cis_6.0 checks: cloudwatch_log_metric_filter_authentication_failures; UNMAPPED-171: no check of this rec is in Prowler nist_800_171_revision_2_aws.json; UNMAPPED-53: no check of this rec is in Prowler nist_800_53_revision_5_aws.json; alt-171 (AWS Security Hub CloudWatch.6): 3.14.6;3.14.7",
    "prowlerChecks": [
      "cloudwatch_log_metric_filter_authentication_failures"
    ],
    "iso27001": [
      "A.8.15",
      "A.8.16"
    ],
    "soc2": [
      "PI1.3"
    ],
    "cisControlsV8": [
      "8.5",
      "8.11"
    ],
    "securityHubControls": [
      "CloudWatch.6"
    ],
    "securityHubNist171": [
      "3.14.6",
      "3.14.7"
    ],
    "securityHubNist53": [],
    "securityHubSeverity": "low",
    "steampipeNist171": [
      "3.12.1",
      "3.12.3",
      "3.12.4"
    ]
  },
  {
    "id": "5.7",
    "shortTitle": "Alert on KMS key disable/deletion",
    "nist171": [],
    "nist53": [],
    "defaultSeverity": "medium",
    "sourceNote": "prowler cis_6.0 checks: cloudwatch_log_metric_filter_disable_or_scheduled_deletion_of_kms_cmk; UNMAPPED-171: no check of this rec is in Prowler nist_800_171_revision_2_aws.json; UNMAPPED-53: no check of this rec is in Prowler nist_800_53_revision_5_aws.json; alt-171 (AWS Security Hub CloudWatch.7): 3.13.10;3.13.16;3.14.6;3.14.7",
    "prowlerChecks": [
      "cloudwatch_log_metric_filter_disable_or_scheduled_deletion_of_kms_cmk"
    ],
    "iso27001": [
      "A.8.15",
      "A.8.16"
    ],
    "soc2": [],
    "cisControlsV8": [
      "8.5",
      "8.11"
    ],
    "securityHubControls": [
      "CloudWatch.7"
    ],
    "securityHubNist171": [
      "3.13.10",
      "3.13.16",
      "3.14.6",
      "3.14.7"
    ],
    "securityHubNist53": [],
    "securityHubSeverity": "low",
    "steampipeNist171": [
      "3.12.1",
      "3.12.3",
      "3.12.4"
    ]
  },
  {
    "id": "5.8",
    "shortTitle": "Alert on S3 bucket policy changes",
    "nist171": [],
    "nist53": [],
    "defaultSeverity": "medium",
    "sourceNote": "prowler cis_6.0 checks: cloudwatch_log_metric_filter_for_s3_bucket_policy_changes; UNMAPPED-171: no check of this rec is in Prowler nist_800_171_revision_2_aws.json; UNMAPPED-53: no check of this rec is in Prowler nist_800_53_revision_5_aws.json; alt-171 (AWS Security Hub CloudWatch.8): 3.14.6;3.14.7",
    "prowlerChecks": [
      "cloudwatch_log_metric_filter_for_s3_bucket_policy_changes"
    ],
    "iso27001": [
      "A.8.15",
      "A.8.16"
    ],
    "soc2": [
      "CC5.2"
    ],
    "cisControlsV8": [
      "8.5",
      "8.11"
    ],
    "securityHubControls": [
      "CloudWatch.8"
    ],
    "securityHubNist171": [
      "3.14.6",
      "3.14.7"
    ],
    "securityHubNist53": [],
    "securityHubSeverity": "low",
    "steampipeNist171": [
      "3.12.1",
      "3.12.3",
      "3.12.4"
    ]
  },
  {
    "id": "5.9",
    "shortTitle": "Alert on AWS Config changes",
    "nist171": [],
    "nist53": [],
    "defaultSeverity": "medium",
    "sourceNote": "prowler cis_6.0 checks: cloudwatch_log_metric_filter_and_alarm_for_aws_config_configuration_changes_enabled; UNMAPPED-171: no check of this rec is in Prowler nist_800_171_revision_2_aws.json; UNMAPPED-53: no check of this rec is in Prowler nist_800_53_revision_5_aws.json; alt-171 (AWS Security Hub CloudWatch.9): 3.3.8;3.14.6;3.14.7",
    "prowlerChecks": [
      "cloudwatch_log_metric_filter_and_alarm_for_aws_config_configuration_changes_enabled"
    ],
    "iso27001": [
      "A.8.15",
      "A.8.16"
    ],
    "soc2": [
      "CC5.2"
    ],
    "cisControlsV8": [
      "8.5",
      "8.11"
    ],
    "securityHubControls": [
      "CloudWatch.9"
    ],
    "securityHubNist171": [
      "3.3.8",
      "3.14.6",
      "3.14.7"
    ],
    "securityHubNist53": [],
    "securityHubSeverity": "low",
    "steampipeNist171": [
      "3.12.1",
      "3.12.3",
      "3.12.4"
    ]
  },
  {
    "id": "5.10",
    "shortTitle": "Alert on security group changes",
    "nist171": [],
    "nist53": [],
    "defaultSeverity": "medium",
    "sourceNote": "prowler cis_6.0 checks: cloudwatch_log_metric_filter_security_group_changes; UNMAPPED-171: no check of this rec is in Prowler nist_800_171_revision_2_aws.json; UNMAPPED-53: no check of this rec is in Prowler nist_800_53_revision_5_aws.json; alt-171 (AWS Security Hub CloudWatch.10): 3.14.6;3.14.7",
    "prowlerChecks": [
      "cloudwatch_log_metric_filter_security_group_changes"
    ],
    "iso27001": [
      "A.8.15",
      "A.8.16"
    ],
    "soc2": [
      "CC5.2"
    ],
    "cisControlsV8": [
      "3.3",
      "8.5",
      "8.11"
    ],
    "securityHubControls": [
      "CloudWatch.10"
    ],
    "securityHubNist171": [
      "3.14.6",
      "3.14.7"
    ],
    "securityHubNist53": [],
    "securityHubSeverity": "low",
    "steampipeNist171": [
      "3.12.1",
      "3.12.3",
      "3.12.4"
    ]
  },
  {
    "id": "5.11",
    "shortTitle": "Alert on network ACL changes",
    "nist171": [
      "3.6.1",
      "3.6.2",
      "3.12.4"
    ],
    "nist53": [
      "AU-6(1)",
      "AU-6(5)",
      "AU-12(3)",
      "AU-14",
      "CA-2(2)",
      "CA-7",
      "PM-14",
      "PM-31",
      "SC-36(1)",
      "SI-2",
      "SI-4(12)",
      "SI-5",
      "SI-5(1)"
    ],
    "defaultSeverity": "medium",
    "sourceNote": "prowler cis_6.0 checks: cloudwatch_changes_to_network_acls_alarm_configured",
    "prowlerChecks": [
      "cloudwatch_changes_to_network_acls_alarm_configured"
    ],
    "iso27001": [
      "A.8.15",
      "A.8.16"
    ],
    "soc2": [
      "CC5.2",
      "CC7.2",
      "CC7.3",
      "CC7.4"
    ],
    "cisControlsV8": [
      "8.5",
      "8.11"
    ],
    "securityHubControls": [
      "CloudWatch.11"
    ],
    "securityHubNist171": [
      "3.14.6",
      "3.14.7"
    ],
    "securityHubNist53": [],
    "securityHubSeverity": "low",
    "steampipeNist171": [
      "3.12.1",
      "3.12.3",
      "3.12.4"
    ]
  },
  {
    "id": "5.12",
    "shortTitle": "Alert on network gateway changes",
    "nist171": [
      "3.6.1",
      "3.6.2",
      "3.12.4"
    ],
    "nist53": [
      "AU-6(1)",
      "AU-6(5)",
      "AU-12(3)",
      "AU-14",
      "CA-2(2)",
      "CA-7",
      "PM-14",
      "PM-31",
      "SC-36(1)",
      "SI-2",
      "SI-4(12)",
      "SI-5",
      "SI-5(1)"
    ],
    "defaultSeverity": "medium",
    "sourceNote": "prowler cis_6.0 checks: cloudwatch_changes_to_network_gateways_alarm_configured",
    "prowlerChecks": [
      "cloudwatch_changes_to_network_gateways_alarm_configured"
    ],
    "iso27001": [
      "A.8.15",
      "A.8.16"
    ],
    "soc2": [
      "CC5.2",
      "CC7.2",
      "CC7.3",
      "CC7.4"
    ],
    "cisControlsV8": [
      "8.5",
      "8.11"
    ],
    "securityHubControls": [
      "CloudWatch.12"
    ],
    "securityHubNist171": [
      "3.3.1",
      "3.13.1"
    ],
    "securityHubNist53": [],
    "securityHubSeverity": "low",
    "steampipeNist171": [
      "3.12.1",
      "3.12.3",
      "3.12.4"
    ]
  },
  {
    "id": "5.13",
    "shortTitle": "Alert on route table changes",
    "nist171": [
      "3.6.1",
      "3.6.2",
      "3.12.4"
    ],
    "nist53": [
      "AU-6(1)",
      "AU-6(5)",
      "AU-12(3)",
      "AU-14",
      "CA-2(2)",
      "CA-7",
      "PM-14",
      "PM-31",
      "SC-36(1)",
      "SI-2",
      "SI-4(12)",
      "SI-5",
      "SI-5(1)"
    ],
    "defaultSeverity": "medium",
    "sourceNote": "prowler cis_6.0 checks: cloudwatch_changes_to_network_route_tables_alarm_configured",
    "prowlerChecks": [
      "cloudwatch_changes_to_network_route_tables_alarm_configured"
    ],
    "iso27001": [],
    "soc2": [
      "CC5.2",
      "CC7.2",
      "CC7.3",
      "CC7.4"
    ],
    "cisControlsV8": [
      "8.5",
      "8.11"
    ],
    "securityHubControls": [
      "CloudWatch.13"
    ],
    "securityHubNist171": [
      "3.3.1",
      "3.13.1",
      "3.14.6",
      "3.14.7"
    ],
    "securityHubNist53": [],
    "securityHubSeverity": "low",
    "steampipeNist171": [
      "3.12.1",
      "3.12.3",
      "3.12.4"
    ]
  },
  {
    "id": "5.14",
    "shortTitle": "Alert on VPC changes",
    "nist171": [
      "3.6.1",
      "3.6.2",
      "3.12.4"
    ],
    "nist53": [
      "AU-6(1)",
      "AU-6(5)",
      "AU-12(3)",
      "AU-14",
      "CA-2(2)",
      "CA-7",
      "PM-14",
      "PM-31",
      "SC-36(1)",
      "SI-2",
      "SI-4(12)",
      "SI-5",
      "SI-5(1)"
    ],
    "defaultSeverity": "medium",
    "sourceNote": "prowler cis_6.0 checks: cloudwatch_changes_to_vpcs_alarm_configured",
    "prowlerChecks": [
      "cloudwatch_changes_to_vpcs_alarm_configured"
    ],
    "iso27001": [
      "A.8.15",
      "A.8.16",
      "A.8.20",
      "A.8.21",
      "A.8.22"
    ],
    "soc2": [
      "CC5.2",
      "CC7.2",
      "CC7.3",
      "CC7.4"
    ],
    "cisControlsV8": [
      "8.5",
      "8.11"
    ],
    "securityHubControls": [
      "CloudWatch.14"
    ],
    "securityHubNist171": [
      "3.3.1",
      "3.13.1",
      "3.14.6",
      "3.14.7"
    ],
    "securityHubNist53": [],
    "securityHubSeverity": "low",
    "steampipeNist171": [
      "3.12.1",
      "3.12.3",
      "3.12.4"
    ]
  },
  {
    "id": "5.15",
    "shortTitle": "Alert on AWS Organizations changes",
    "nist171": [],
    "nist53": [],
    "defaultSeverity": "medium",
    "sourceNote": "prowler cis_6.0 checks: cloudwatch_log_metric_filter_aws_organizations_changes; UNMAPPED-171: no check of this rec is in Prowler nist_800_171_revision_2_aws.json; UNMAPPED-53: no check of this rec is in Prowler nist_800_53_revision_5_aws.json",
    "prowlerChecks": [
      "cloudwatch_log_metric_filter_aws_organizations_changes"
    ],
    "iso27001": [
      "A.8.15",
      "A.8.16"
    ],
    "soc2": [
      "CC5.2"
    ],
    "cisControlsV8": [
      "8.5",
      "8.11"
    ],
    "securityHubControls": [],
    "securityHubNist171": [],
    "securityHubNist53": [],
    "steampipeNist171": []
  },
  {
    "id": "5.16",
    "shortTitle": "AWS Security Hub enabled",
    "nist171": [
      "3.1.12",
      "3.3.1",
      "3.3.4",
      "3.3.5",
      "3.6.1",
      "3.6.2",
      "3.11.2",
      "3.11.3",
      "3.12.4",
      "3.13.1",
      "3.14.1",
      "3.14.2",
      "3.14.3",
      "3.14.6",
      "3.14.7"
    ],
    "nist53": [
      "AU-6(1)",
      "AU-6(5)",
      "AU-12(3)",
      "AU-14",
      "CA-2",
      "CA-7",
      "PM-14",
      "PM-31"
    ],
    "defaultSeverity": "high",
    "sourceNote": "prowler cis_6.0 checks: securityhub_enabled; very broad mapping inherited from the securityhub_enabled check",
    "prowlerChecks": [
      "securityhub_enabled"
    ],
    "iso27001": [
      "A.5.1",
      "A.8.23"
    ],
    "soc2": [
      "CC3.1",
      "CC6.8",
      "CC7.1",
      "CC7.2",
      "CC7.3",
      "CC7.4"
    ],
    "cisControlsV8": [
      "7.1"
    ],
    "securityHubControls": [],
    "securityHubNist171": [],
    "securityHubNist53": [],
    "steampipeNist171": [
      "3.1.12",
      "3.3.1",
      "3.3.4",
      "3.3.5",
      "3.6.1",
      "3.6.2",
      "3.11.2",
      "3.11.3",
      "3.12.1",
      "3.12.3",
      "3.12.4",
      "3.13.1",
      "3.14.1",
      "3.14.2",
      "3.14.3",
      "3.14.6",
      "3.14.7"
    ]
  },
  {
    "id": "6.1.1",
    "shortTitle": "EBS default encryption, all regions",
    "nist171": [
      "3.5.10",
      "3.13.11",
      "3.13.16"
    ],
    "nist53": [
      "AU-9(3)",
      "CM-6",
      "CM-9",
      "CP-9",
      "SC-8(3)",
      "SC-8(4)",
      "SC-13",
      "SC-28(1)",
      "SI-19(4)"
    ],
    "defaultSeverity": "high",
    "sourceNote": "prowler cis_6.0 checks: ec2_ebs_volume_encryption; Prowler uses volume-level check ec2_ebs_volume_encryption as proxy; account default check ec2_ebs_default_encryption is not in Prowler's NIST files",
    "prowlerChecks": [
      "ec2_ebs_volume_encryption"
    ],
    "iso27001": [
      "A.8.11",
      "A.8.24"
    ],
    "soc2": [
      "PI1.5"
    ],
    "cisControlsV8": [
      "3.11"
    ],
    "securityHubControls": [
      "EC2.7"
    ],
    "securityHubNist171": [],
    "securityHubNist53": [
      "CA-9(1)",
      "CM-3(6)",
      "SC-13",
      "SC-28",
      "SC-28(1)",
      "SC-7(10)",
      "SI-7(6)"
    ],
    "securityHubSeverity": "medium",
    "steampipeNist171": [
      "3.13.16"
    ]
  },
  {
    "id": "6.1.2",
    "shortTitle": "CIFS access limited to trusted networks",
    "nist171": [],
    "nist53": [],
    "defaultSeverity": "critical",
    "sourceNote": "prowler cis_6.0 checks: ec2_instance_port_cifs_exposed_to_internet; UNMAPPED-171: no check of this rec is in Prowler nist_800_171_revision_2_aws.json; UNMAPPED-53: no check of this rec is in Prowler nist_800_53_revision_5_aws.json",
    "prowlerChecks": [
      "ec2_instance_port_cifs_exposed_to_internet"
    ],
    "iso27001": [
      "A.8.20",
      "A.8.21",
      "A.8.22"
    ],
    "soc2": [
      "CC6.6"
    ],
    "cisControlsV8": [
      "4.5"
    ],
    "securityHubControls": [],
    "securityHubNist171": [],
    "securityHubNist53": [],
    "steampipeNist171": []
  },
  {
    "id": "6.2",
    "shortTitle": "NACLs block 0.0.0.0/0 admin ports",
    "nist171": [
      "3.1.1",
      "3.1.2",
      "3.1.3",
      "3.1.14",
      "3.1.20",
      "3.4.1",
      "3.4.7",
      "3.13.1",
      "3.13.2",
      "3.13.5",
      "3.13.6"
    ],
    "nist53": [
      "AC-4(21)",
      "AC-17",
      "AC-17(1)",
      "AC-17(4)",
      "AC-17(9)",
      "AC-17(10)",
      "CM-2",
      "CM-2(2)",
      "CM-6",
      "CM-7",
      "CM-8(6)",
      "CM-9",
      "SC-7",
      "SC-7(5)",
      "SC-7(7)",
      "SC-7(11)",
      "SC-7(12)",
      "SC-7(16)",
      "SC-7(21)",
      "SC-7(24)",
      "SC-7(25)",
      "SC-7(26)",
      "SC-7(27)",
      "SC-7(28)"
    ],
    "defaultSeverity": "high",
    "sourceNote": "prowler cis_6.0 checks: ec2_networkacl_allow_ingress_any_port|ec2_networkacl_allow_ingress_tcp_port_22|ec2_networkacl_allow_ingress_tcp_port_3389; partial-171: unmapped check(s) ec2_networkacl_allow_ingress_tcp_port_22|ec2_networkacl_allow_ingress_tcp_port_3389; ids come only from ec2_networkacl_allow_ingress_any_port (broader than ports 22/3389); port-22/3389 checks unmapped",
    "prowlerChecks": [
      "ec2_networkacl_allow_ingress_any_port",
      "ec2_networkacl_allow_ingress_tcp_port_22",
      "ec2_networkacl_allow_ingress_tcp_port_3389"
    ],
    "iso27001": [
      "A.8.20",
      "A.8.21",
      "A.8.22"
    ],
    "soc2": [
      "CC6.6"
    ],
    "cisControlsV8": [],
    "securityHubControls": [
      "EC2.21"
    ],
    "securityHubNist171": [
      "3.1.3",
      "3.1.20",
      "3.13.1"
    ],
    "securityHubNist53": [
      "AC-4(21)",
      "CA-9(1)",
      "CM-2",
      "CM-2(2)",
      "CM-7",
      "SC-7",
      "SC-7(21)",
      "SC-7(5)"
    ],
    "securityHubSeverity": "medium",
    "steampipeNist171": []
  },
  {
    "id": "6.3",
    "shortTitle": "Security groups block 0.0.0.0/0 admin ports",
    "nist171": [
      "3.1.1",
      "3.1.2",
      "3.1.3",
      "3.1.14",
      "3.1.20",
      "3.4.7",
      "3.13.1",
      "3.13.2",
      "3.13.5",
      "3.13.6"
    ],
    "nist53": [
      "AC-17",
      "AC-17(1)",
      "AC-17(9)",
      "AC-17(10)",
      "CM-9",
      "SC-7",
      "SC-7(7)",
      "SC-7(11)",
      "SC-7(12)",
      "SC-7(16)",
      "SC-7(21)",
      "SC-7(24)",
      "SC-7(25)",
      "SC-7(26)",
      "SC-7(27)",
      "SC-7(28)"
    ],
    "defaultSeverity": "critical",
    "sourceNote": "prowler cis_6.0 checks: ec2_securitygroup_allow_ingress_from_internet_to_all_ports|ec2_securitygroup_allow_ingress_from_internet_to_tcp_port_22|ec2_securitygroup_allow_ingress_from_internet_to_tcp_port_3389; partial-171: unmapped check(s) ec2_securitygroup_allow_ingress_from_internet_to_all_ports|ec2_securitygroup_allow_ingress_from_internet_to_tcp_port_3389; ids come from the port-22 check only; default_severity critical comes from the all-ports check (broader than the rec)",
    "prowlerChecks": [
      "ec2_securitygroup_allow_ingress_from_internet_to_all_ports",
      "ec2_securitygroup_allow_ingress_from_internet_to_tcp_port_22",
      "ec2_securitygroup_allow_ingress_from_internet_to_tcp_port_3389"
    ],
    "iso27001": [
      "A.8.20",
      "A.8.21",
      "A.8.22"
    ],
    "soc2": [
      "CC6.6",
      "CC7.2"
    ],
    "cisControlsV8": [
      "4.5"
    ],
    "securityHubControls": [
      "EC2.53"
    ],
    "securityHubNist171": [],
    "securityHubNist53": [],
    "securityHubSeverity": "high",
    "steampipeNist171": []
  },
  {
    "id": "6.4",
    "shortTitle": "Security groups block ::/0 admin ports",
    "nist171": [
      "3.1.1",
      "3.1.2",
      "3.1.3",
      "3.1.14",
      "3.1.20",
      "3.4.7",
      "3.13.1",
      "3.13.2",
      "3.13.5",
      "3.13.6"
    ],
    "nist53": [
      "AC-17",
      "AC-17(1)",
      "AC-17(9)",
      "AC-17(10)",
      "CM-9",
      "SC-7",
      "SC-7(7)",
      "SC-7(11)",
      "SC-7(12)",
      "SC-7(16)",
      "SC-7(21)",
      "SC-7(24)",
      "SC-7(25)",
      "SC-7(26)",
      "SC-7(27)",
      "SC-7(28)"
    ],
    "defaultSeverity": "critical",
    "sourceNote": "prowler cis_6.0 checks: ec2_securitygroup_allow_ingress_from_internet_to_all_ports|ec2_securitygroup_allow_ingress_from_internet_to_tcp_port_22|ec2_securitygroup_allow_ingress_from_internet_to_tcp_port_3389; partial-171: unmapped check(s) ec2_securitygroup_allow_ingress_from_internet_to_all_ports|ec2_securitygroup_allow_ingress_from_internet_to_tcp_port_3389; same checks as 6.3 (Prowler checks cover IPv4 and IPv6 together); severity as 6.3",
    "prowlerChecks": [
      "ec2_securitygroup_allow_ingress_from_internet_to_all_ports",
      "ec2_securitygroup_allow_ingress_from_internet_to_tcp_port_22",
      "ec2_securitygroup_allow_ingress_from_internet_to_tcp_port_3389"
    ],
    "iso27001": [
      "A.8.20",
      "A.8.21",
      "A.8.22"
    ],
    "soc2": [
      "CC6.6",
      "CC7.2"
    ],
    "cisControlsV8": [
      "4.5"
    ],
    "securityHubControls": [
      "EC2.54"
    ],
    "securityHubNist171": [],
    "securityHubNist53": [],
    "securityHubSeverity": "high",
    "steampipeNist171": []
  },
  {
    "id": "6.5",
    "shortTitle": "Default security group restricts all traffic",
    "nist171": [
      "3.1.1",
      "3.1.2",
      "3.1.3",
      "3.1.14",
      "3.1.20",
      "3.4.6",
      "3.4.7",
      "3.13.2",
      "3.13.5"
    ],
    "nist53": [
      "AC-4(21)",
      "AC-17",
      "AC-17(1)",
      "AC-17(4)",
      "AC-17(9)",
      "AC-17(10)",
      "CM-6",
      "CM-9",
      "SC-7",
      "SC-7(5)",
      "SC-7(7)",
      "SC-7(11)",
      "SC-7(12)",
      "SC-7(16)",
      "SC-7(21)",
      "SC-7(24)",
      "SC-7(25)",
      "SC-7(26)",
      "SC-7(27)",
      "SC-7(28)"
    ],
    "defaultSeverity": "high",
    "sourceNote": "prowler cis_6.0 checks: ec2_securitygroup_default_restrict_traffic",
    "prowlerChecks": [
      "ec2_securitygroup_default_restrict_traffic"
    ],
    "iso27001": [
      "A.8.20",
      "A.8.21",
      "A.8.22"
    ],
    "soc2": [],
    "cisControlsV8": [
      "3.3",
      "4.5"
    ],
    "securityHubControls": [
      "EC2.2"
    ],
    "securityHubNist171": [],
    "securityHubNist53": [
      "AC-4",
      "AC-4(21)",
      "SC-7",
      "SC-7(11)",
      "SC-7(16)",
      "SC-7(21)",
      "SC-7(4)",
      "SC-7(5)"
    ],
    "securityHubSeverity": "high",
    "steampipeNist171": [
      "3.1.1",
      "3.1.2",
      "3.1.3",
      "3.1.14",
      "3.1.20",
      "3.4.7",
      "3.13.2",
      "3.13.5"
    ]
  },
  {
    "id": "6.6",
    "shortTitle": "Least-access routes for VPC peering",
    "nist171": [],
    "nist53": [],
    "defaultSeverity": "medium",
    "sourceNote": "prowler cis_6.0 checks: vpc_peering_routing_tables_with_least_privilege; UNMAPPED-171: no check of this rec is in Prowler nist_800_171_revision_2_aws.json; UNMAPPED-53: no check of this rec is in Prowler nist_800_53_revision_5_aws.json",
    "prowlerChecks": [
      "vpc_peering_routing_tables_with_least_privilege"
    ],
    "iso27001": [
      "A.8.20",
      "A.8.21",
      "A.8.22"
    ],
    "soc2": [],
    "cisControlsV8": [
      "13.4"
    ],
    "securityHubControls": [],
    "securityHubNist171": [],
    "securityHubNist53": [],
    "steampipeNist171": []
  },
  {
    "id": "6.7",
    "shortTitle": "EC2 metadata service requires IMDSv2",
    "nist171": [
      "3.12.4"
    ],
    "nist53": [
      "AC-2(6)",
      "AC-3",
      "AC-3(3)",
      "AC-3(4)",
      "AC-3(7)",
      "AC-3(8)",
      "AC-3(12)",
      "AC-3(13)",
      "AC-3(15)",
      "AC-4(28)",
      "AC-6",
      "AC-24",
      "CM-5(1)",
      "MP-2",
      "SC-23(3)"
    ],
    "defaultSeverity": "high",
    "sourceNote": "prowler cis_6.0 checks: ec2_instance_imdsv2_enabled",
    "prowlerChecks": [
      "ec2_instance_imdsv2_enabled"
    ],
    "iso27001": [
      "A.8.20",
      "A.8.21",
      "A.8.22"
    ],
    "soc2": [
      "CC7.2"
    ],
    "cisControlsV8": [
      "4.8"
    ],
    "securityHubControls": [
      "EC2.8"
    ],
    "securityHubNist171": [],
    "securityHubNist53": [
      "AC-3",
      "AC-3(15)",
      "AC-3(7)",
      "AC-6"
    ],
    "securityHubSeverity": "high",
    "steampipeNist171": []
  }
];

/** NIST SP 800-171 r2 requirements: id, family and our own short title. */
export const NIST_171_REQUIREMENTS: readonly { id: string; family: string; familyCode: string; title: string }[] = [
  {
    "id": "3.1.1",
    "family": "Access Control",
    "familyCode": "AC",
    "title": "Limit access to authorized users and devices"
  },
  {
    "id": "3.1.2",
    "family": "Access Control",
    "familyCode": "AC",
    "title": "Limit access to permitted transactions and functions"
  },
  {
    "id": "3.1.3",
    "family": "Access Control",
    "familyCode": "AC",
    "title": "Control CUI flow per approved authorizations"
  },
  {
    "id": "3.1.4",
    "family": "Access Control",
    "familyCode": "AC",
    "title": "Separate duties of individuals"
  },
  {
    "id": "3.1.5",
    "family": "Access Control",
    "familyCode": "AC",
    "title": "Least privilege, including privileged accounts"
  },
  {
    "id": "3.1.6",
    "family": "Access Control",
    "familyCode": "AC",
    "title": "Non-privileged accounts for nonsecurity functions"
  },
  {
    "id": "3.1.7",
    "family": "Access Control",
    "familyCode": "AC",
    "title": "Block and log privileged functions by non-privileged users"
  },
  {
    "id": "3.1.8",
    "family": "Access Control",
    "familyCode": "AC",
    "title": "Limit unsuccessful logon attempts"
  },
  {
    "id": "3.1.9",
    "family": "Access Control",
    "familyCode": "AC",
    "title": "Show privacy and security notices"
  },
  {
    "id": "3.1.10",
    "family": "Access Control",
    "familyCode": "AC",
    "title": "Session lock with pattern-hiding display"
  },
  {
    "id": "3.1.11",
    "family": "Access Control",
    "familyCode": "AC",
    "title": "Auto-terminate user sessions on set conditions"
  },
  {
    "id": "3.1.12",
    "family": "Access Control",
    "familyCode": "AC",
    "title": "Monitor and control remote access sessions"
  },
  {
    "id": "3.1.13",
    "family": "Access Control",
    "familyCode": "AC",
    "title": "Encrypt remote access sessions"
  },
  {
    "id": "3.1.14",
    "family": "Access Control",
    "familyCode": "AC",
    "title": "Route remote access via managed points"
  },
  {
    "id": "3.1.15",
    "family": "Access Control",
    "familyCode": "AC",
    "title": "Authorize remote privileged commands and access"
  },
  {
    "id": "3.1.16",
    "family": "Access Control",
    "familyCode": "AC",
    "title": "Authorize wireless access before connection"
  },
  {
    "id": "3.1.17",
    "family": "Access Control",
    "familyCode": "AC",
    "title": "Protect wireless with authentication and encryption"
  },
  {
    "id": "3.1.18",
    "family": "Access Control",
    "familyCode": "AC",
    "title": "Control mobile device connections"
  },
  {
    "id": "3.1.19",
    "family": "Access Control",
    "familyCode": "AC",
    "title": "Encrypt CUI on mobile devices"
  },
  {
    "id": "3.1.20",
    "family": "Access Control",
    "familyCode": "AC",
    "title": "Verify and limit external system connections"
  },
  {
    "id": "3.1.21",
    "family": "Access Control",
    "familyCode": "AC",
    "title": "Limit portable storage on external systems"
  },
  {
    "id": "3.1.22",
    "family": "Access Control",
    "familyCode": "AC",
    "title": "Control CUI on publicly accessible systems"
  },
  {
    "id": "3.2.1",
    "family": "Awareness and Training",
    "familyCode": "AT",
    "title": "Security risk awareness for managers and users"
  },
  {
    "id": "3.2.2",
    "family": "Awareness and Training",
    "familyCode": "AT",
    "title": "Train personnel for security duties"
  },
  {
    "id": "3.2.3",
    "family": "Awareness and Training",
    "familyCode": "AT",
    "title": "Insider threat awareness training"
  },
  {
    "id": "3.3.1",
    "family": "Audit and Accountability",
    "familyCode": "AU",
    "title": "Create and retain audit logs"
  },
  {
    "id": "3.3.2",
    "family": "Audit and Accountability",
    "familyCode": "AU",
    "title": "Trace actions to individual users"
  },
  {
    "id": "3.3.3",
    "family": "Audit and Accountability",
    "familyCode": "AU",
    "title": "Review and update logged events"
  },
  {
    "id": "3.3.4",
    "family": "Audit and Accountability",
    "familyCode": "AU",
    "title": "Alert on audit logging failure"
  },
  {
    "id": "3.3.5",
    "family": "Audit and Accountability",
    "familyCode": "AU",
    "title": "Correlate audit review and reporting"
  },
  {
    "id": "3.3.6",
    "family": "Audit and Accountability",
    "familyCode": "AU",
    "title": "Audit reduction and report generation"
  },
  {
    "id": "3.3.7",
    "family": "Audit and Accountability",
    "familyCode": "AU",
    "title": "Synchronize clocks with authoritative time source"
  },
  {
    "id": "3.3.8",
    "family": "Audit and Accountability",
    "familyCode": "AU",
    "title": "Protect audit information and tools"
  },
  {
    "id": "3.3.9",
    "family": "Audit and Accountability",
    "familyCode": "AU",
    "title": "Limit audit management to privileged subset"
  },
  {
    "id": "3.4.1",
    "family": "Configuration Management",
    "familyCode": "CM",
    "title": "Baseline configurations and system inventories"
  },
  {
    "id": "3.4.2",
    "family": "Configuration Management",
    "familyCode": "CM",
    "title": "Enforce security configuration settings"
  },
  {
    "id": "3.4.3",
    "family": "Configuration Management",
    "familyCode": "CM",
    "title": "Track, approve and log system changes"
  },
  {
    "id": "3.4.4",
    "family": "Configuration Management",
    "familyCode": "CM",
    "title": "Analyze security impact before changes"
  },
  {
    "id": "3.4.5",
    "family": "Configuration Management",
    "familyCode": "CM",
    "title": "Access restrictions for making changes"
  },
  {
    "id": "3.4.6",
    "family": "Configuration Management",
    "familyCode": "CM",
    "title": "Least functionality: only essential capabilities"
  },
  {
    "id": "3.4.7",
    "family": "Configuration Management",
    "familyCode": "CM",
    "title": "Restrict nonessential programs, ports, protocols, services"
  },
  {
    "id": "3.4.8",
    "family": "Configuration Management",
    "familyCode": "CM",
    "title": "Deny-list or allow-list software policy"
  },
  {
    "id": "3.4.9",
    "family": "Configuration Management",
    "familyCode": "CM",
    "title": "Control and monitor user-installed software"
  },
  {
    "id": "3.5.1",
    "family": "Identification and Authentication",
    "familyCode": "IA",
    "title": "Identify users, processes and devices"
  },
  {
    "id": "3.5.2",
    "family": "Identification and Authentication",
    "familyCode": "IA",
    "title": "Authenticate users, processes and devices"
  },
  {
    "id": "3.5.3",
    "family": "Identification and Authentication",
    "familyCode": "IA",
    "title": "MFA for privileged and network access"
  },
  {
    "id": "3.5.4",
    "family": "Identification and Authentication",
    "familyCode": "IA",
    "title": "Replay-resistant authentication for network access"
  },
  {
    "id": "3.5.5",
    "family": "Identification and Authentication",
    "familyCode": "IA",
    "title": "Prevent identifier reuse for a period"
  },
  {
    "id": "3.5.6",
    "family": "Identification and Authentication",
    "familyCode": "IA",
    "title": "Disable identifiers after inactivity"
  },
  {
    "id": "3.5.7",
    "family": "Identification and Authentication",
    "familyCode": "IA",
    "title": "Password complexity and character change"
  },
  {
    "id": "3.5.8",
    "family": "Identification and Authentication",
    "familyCode": "IA",
    "title": "Prohibit password reuse for set generations"
  },
  {
    "id": "3.5.9",
    "family": "Identification and Authentication",
    "familyCode": "IA",
    "title": "Temporary passwords need immediate change"
  },
  {
    "id": "3.5.10",
    "family": "Identification and Authentication",
    "familyCode": "IA",
    "title": "Store and send only protected passwords"
  },
  {
    "id": "3.5.11",
    "family": "Identification and Authentication",
    "familyCode": "IA",
    "title": "Obscure authentication feedback"
  },
  {
    "id": "3.6.1",
    "family": "Incident Response",
    "familyCode": "IR",
    "title": "Operational incident-handling capability"
  },
  {
    "id": "3.6.2",
    "family": "Incident Response",
    "familyCode": "IR",
    "title": "Track, document and report incidents"
  },
  {
    "id": "3.6.3",
    "family": "Incident Response",
    "familyCode": "IR",
    "title": "Test incident response capability"
  },
  {
    "id": "3.7.1",
    "family": "Maintenance",
    "familyCode": "MA",
    "title": "Perform system maintenance"
  },
  {
    "id": "3.7.2",
    "family": "Maintenance",
    "familyCode": "MA",
    "title": "Control maintenance tools, methods and personnel"
  },
  {
    "id": "3.7.3",
    "family": "Maintenance",
    "familyCode": "MA",
    "title": "Sanitize equipment sent for off-site maintenance"
  },
  {
    "id": "3.7.4",
    "family": "Maintenance",
    "familyCode": "MA",
    "title": "Scan diagnostic media for malicious code"
  },
  {
    "id": "3.7.5",
    "family": "Maintenance",
    "familyCode": "MA",
    "title": "MFA for nonlocal maintenance sessions"
  },
  {
    "id": "3.7.6",
    "family": "Maintenance",
    "familyCode": "MA",
    "title": "Supervise unauthorized maintenance personnel"
  },
  {
    "id": "3.8.1",
    "family": "Media Protection",
    "familyCode": "MP",
    "title": "Protect and store media containing CUI"
  },
  {
    "id": "3.8.2",
    "family": "Media Protection",
    "familyCode": "MP",
    "title": "Limit CUI media access to authorized users"
  },
  {
    "id": "3.8.3",
    "family": "Media Protection",
    "familyCode": "MP",
    "title": "Sanitize or destroy media before reuse"
  },
  {
    "id": "3.8.4",
    "family": "Media Protection",
    "familyCode": "MP",
    "title": "Mark media with CUI markings"
  },
  {
    "id": "3.8.5",
    "family": "Media Protection",
    "familyCode": "MP",
    "title": "Control and account for media in transport"
  },
  {
    "id": "3.8.6",
    "family": "Media Protection",
    "familyCode": "MP",
    "title": "Encrypt CUI on media in transport"
  },
  {
    "id": "3.8.7",
    "family": "Media Protection",
    "familyCode": "MP",
    "title": "Control removable media use"
  },
  {
    "id": "3.8.8",
    "family": "Media Protection",
    "familyCode": "MP",
    "title": "Ban portable storage without identifiable owner"
  },
  {
    "id": "3.8.9",
    "family": "Media Protection",
    "familyCode": "MP",
    "title": "Protect backup CUI confidentiality"
  },
  {
    "id": "3.9.1",
    "family": "Personnel Security",
    "familyCode": "PS",
    "title": "Screen individuals before granting access"
  },
  {
    "id": "3.9.2",
    "family": "Personnel Security",
    "familyCode": "PS",
    "title": "Protect systems during personnel actions"
  },
  {
    "id": "3.10.1",
    "family": "Physical Protection",
    "familyCode": "PE",
    "title": "Limit physical access to authorized individuals"
  },
  {
    "id": "3.10.2",
    "family": "Physical Protection",
    "familyCode": "PE",
    "title": "Protect and monitor facility and infrastructure"
  },
  {
    "id": "3.10.3",
    "family": "Physical Protection",
    "familyCode": "PE",
    "title": "Escort and monitor visitors"
  },
  {
    "id": "3.10.4",
    "family": "Physical Protection",
    "familyCode": "PE",
    "title": "Keep physical access logs"
  },
  {
    "id": "3.10.5",
    "family": "Physical Protection",
    "familyCode": "PE",
    "title": "Control physical access devices"
  },
  {
    "id": "3.10.6",
    "family": "Physical Protection",
    "familyCode": "PE",
    "title": "Safeguard CUI at alternate work sites"
  },
  {
    "id": "3.11.1",
    "family": "Risk Assessment",
    "familyCode": "RA",
    "title": "Periodically assess organizational risk"
  },
  {
    "id": "3.11.2",
    "family": "Risk Assessment",
    "familyCode": "RA",
    "title": "Scan for vulnerabilities periodically"
  },
  {
    "id": "3.11.3",
    "family": "Risk Assessment",
    "familyCode": "RA",
    "title": "Remediate vulnerabilities per risk assessment"
  },
  {
    "id": "3.12.1",
    "family": "Security Assessment",
    "familyCode": "CA",
    "title": "Periodically assess security control effectiveness"
  },
  {
    "id": "3.12.2",
    "family": "Security Assessment",
    "familyCode": "CA",
    "title": "Plans of action for deficiencies"
  },
  {
    "id": "3.12.3",
    "family": "Security Assessment",
    "familyCode": "CA",
    "title": "Monitor security controls continuously"
  },
  {
    "id": "3.12.4",
    "family": "Security Assessment",
    "familyCode": "CA",
    "title": "Maintain system security plans"
  },
  {
    "id": "3.13.1",
    "family": "System and Communications Protection",
    "familyCode": "SC",
    "title": "Monitor and protect boundary communications"
  },
  {
    "id": "3.13.2",
    "family": "System and Communications Protection",
    "familyCode": "SC",
    "title": "Secure architecture and engineering principles"
  },
  {
    "id": "3.13.3",
    "family": "System and Communications Protection",
    "familyCode": "SC",
    "title": "Separate user and management functionality"
  },
  {
    "id": "3.13.4",
    "family": "System and Communications Protection",
    "familyCode": "SC",
    "title": "Prevent leakage via shared resources"
  },
  {
    "id": "3.13.5",
    "family": "System and Communications Protection",
    "familyCode": "SC",
    "title": "Separate subnetworks for public components"
  },
  {
    "id": "3.13.6",
    "family": "System and Communications Protection",
    "familyCode": "SC",
    "title": "Deny network traffic by default"
  },
  {
    "id": "3.13.7",
    "family": "System and Communications Protection",
    "familyCode": "SC",
    "title": "Prevent split tunneling for remote devices"
  },
  {
    "id": "3.13.8",
    "family": "System and Communications Protection",
    "familyCode": "SC",
    "title": "Encrypt CUI in transit"
  },
  {
    "id": "3.13.9",
    "family": "System and Communications Protection",
    "familyCode": "SC",
    "title": "Terminate idle network connections"
  },
  {
    "id": "3.13.10",
    "family": "System and Communications Protection",
    "familyCode": "SC",
    "title": "Establish and manage cryptographic keys"
  },
  {
    "id": "3.13.11",
    "family": "System and Communications Protection",
    "familyCode": "SC",
    "title": "FIPS-validated cryptography for CUI"
  },
  {
    "id": "3.13.12",
    "family": "System and Communications Protection",
    "familyCode": "SC",
    "title": "No remote activation of collaborative devices"
  },
  {
    "id": "3.13.13",
    "family": "System and Communications Protection",
    "familyCode": "SC",
    "title": "Control and monitor mobile code"
  },
  {
    "id": "3.13.14",
    "family": "System and Communications Protection",
    "familyCode": "SC",
    "title": "Control and monitor VoIP"
  },
  {
    "id": "3.13.15",
    "family": "System and Communications Protection",
    "familyCode": "SC",
    "title": "Protect communication session authenticity"
  },
  {
    "id": "3.13.16",
    "family": "System and Communications Protection",
    "familyCode": "SC",
    "title": "Protect CUI at rest"
  },
  {
    "id": "3.14.1",
    "family": "System and Information Integrity",
    "familyCode": "SI",
    "title": "Identify, report and fix flaws promptly"
  },
  {
    "id": "3.14.2",
    "family": "System and Information Integrity",
    "familyCode": "SI",
    "title": "Malicious code protection at designated points"
  },
  {
    "id": "3.14.3",
    "family": "System and Information Integrity",
    "familyCode": "SI",
    "title": "Act on security alerts and advisories"
  },
  {
    "id": "3.14.4",
    "family": "System and Information Integrity",
    "familyCode": "SI",
    "title": "Update malicious code protection"
  },
  {
    "id": "3.14.5",
    "family": "System and Information Integrity",
    "familyCode": "SI",
    "title": "Periodic and real-time malware scans"
  },
  {
    "id": "3.14.6",
    "family": "System and Information Integrity",
    "familyCode": "SI",
    "title": "Monitor systems and traffic for attacks"
  },
  {
    "id": "3.14.7",
    "family": "System and Information Integrity",
    "familyCode": "SI",
    "title": "Identify unauthorized system use"
  }
];

const byId = new Map(MAPPINGS.map((m) => [m.id, m]));

export function mappingsFor(id: string): FrameworkMappings {
  const found = byId.get(id);
  if (!found) throw new Error(`no framework mappings for recommendation ${id}`);
  return found;
}

export interface ChosenMapping {
  ids: string[];
  /** Where the ids come from; absent when no source maps the recommendation. */
  source?: string;
}

/**
 * The NIST ids every view shows (TUI, catalogue, pack), so they never disagree. 800-171: Prowler's
 * mapping, else Security Hub's, else Steampipe's. 800-53: Security Hub's where AWS gives one,
 * because Prowler's 800-53 mapping is very broad; else Prowler's.
 */
export function preferredNist(m: FrameworkMappings): { nist171: ChosenMapping; nist53: ChosenMapping } {
  const first = (...choices: [string[], string][]): ChosenMapping => {
    const found = choices.find(([ids]) => ids.length > 0);
    return found ? { ids: found[0], source: found[1] } : { ids: [] };
  };
  return {
    nist171: first([m.nist171, MAPPING_SOURCES.nist171], [m.securityHubNist171, MAPPING_SOURCES.securityHub], [m.steampipeNist171, MAPPING_SOURCES.steampipe]),
    nist53: first([m.securityHubNist53, MAPPING_SOURCES.securityHub], [m.nist53, MAPPING_SOURCES.nist53]),
  };
}
