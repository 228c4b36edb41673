/**
 * The SAA-C03 exam guide's structure: four domains with their scoring weights and the task
 * statements under each (AWS Certified Solutions Architect – Associate (SAA-C03) Exam Guide,
 * "Content outline"). Question-bank tags, coverage reports and the daily pick all use these.
 */

/** A domain's short name, as the bank and the CLI write it. */
export type Domain = 'secure' | 'resilient' | 'performance' | 'cost';

/** One exam domain: its guide name, its share of the scored content, and its task statements. */
export interface ExamDomain {
  domain: Domain;
  name: string;
  /** Share (0..1) of the scored questions. */
  weight: number;
  /** Task statement number ("1.1") → its text. */
  tasks: Readonly<Record<string, string>>;
}

/** The four domains, in the guide's order. */
export const EXAM_DOMAINS: readonly ExamDomain[] = [
  {
    domain: 'secure',
    name: 'Design Secure Architectures',
    weight: 0.3,
    tasks: {
      '1.1': 'Design secure access to AWS resources',
      '1.2': 'Design secure workloads and applications',
      '1.3': 'Determine appropriate data security controls',
    },
  },
  {
    domain: 'resilient',
    name: 'Design Resilient Architectures',
    weight: 0.26,
    tasks: {
      '2.1': 'Design scalable and loosely coupled architectures',
      '2.2': 'Design highly available and/or fault-tolerant architectures',
    },
  },
  {
    domain: 'performance',
    name: 'Design High-Performing Architectures',
    weight: 0.24,
    tasks: {
      '3.1': 'Determine high-performing and/or scalable storage solutions',
      '3.2': 'Design high-performing and elastic compute solutions',
      '3.3': 'Determine high-performing database solutions',
      '3.4': 'Determine high-performing and/or scalable network architectures',
      '3.5': 'Determine high-performing data ingestion and transformation solutions',
    },
  },
  {
    domain: 'cost',
    name: 'Design Cost-Optimized Architectures',
    weight: 0.2,
    tasks: {
      '4.1': 'Design cost-optimized storage solutions',
      '4.2': 'Design cost-optimized compute solutions',
      '4.3': 'Design cost-optimized database solutions',
      '4.4': 'Design cost-optimized network architectures',
    },
  },
];

/** The domain a task statement belongs to ("2.2" → resilient), or undefined for an unknown task. */
export function domainOfTask(task: string): Domain | undefined {
  return EXAM_DOMAINS.find((d) => Object.hasOwn(d.tasks, task))?.domain;
}

/** True for one of the four domain names. */
export function isDomain(value: string): value is Domain {
  return EXAM_DOMAINS.some((d) => d.domain === value);
}
