/**
 * The topic a note's path gives it: its folders and its file name, in words. Notes are often
 * organised by topic (`storage/ebs.md`, `Course/Storage/EBS/README.md`): the path then names
 * what every passage in the file is about, even when no heading repeats it.
 * - `README`, `index` and `_index` files take their folder path as the topic;
 * - other files add their name, without extension;
 * - names that are ids rather than words (hex hashes, dates, numbers: `000_2e6a690e.txt`) and
 *   separators (`-`, `_`) are dropped.
 */

const FOLDER_NOTE = /^(readme|index|_index)$/i;
const ID_LIKE = /^(?:\d+|[0-9a-f]{6,}|\d{4}-\d{2}-\d{2})$/i;

function words(segment: string): string {
  return segment
    .split(/[-_\s]+/)
    .filter((w) => w && !ID_LIKE.test(w))
    .join(' ')
    .trim();
}

/**
 * Topic path of a note file: `Course/Storage/EBS/README.md` → `['Course', 'Storage', 'EBS']`,
 * `serverless/lambda-limits.md` → `['serverless', 'lambda limits']`,
 * `000_2e6a690e5cf7ed57.txt` → `[]`. `file` uses `/` separators. Pure.
 */
export function fileTopic(file: string): string[] {
  const parts = file.split('/');
  const name = (parts.pop() ?? '').replace(/\.[^.]*$/, '');
  const segments = FOLDER_NOTE.test(name) ? parts : [...parts, name];
  return segments.map(words).filter(Boolean);
}

/** True for a file that stands for its folder (`README.md`, `index.md`). */
export function isFolderNote(file: string): boolean {
  return FOLDER_NOTE.test((file.split('/').pop() ?? '').replace(/\.[^.]*$/, ''));
}
