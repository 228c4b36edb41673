/**
 * A slug: lower case, every run of characters other than a–z and 0–9 as one hyphen, none at the
 * ends ("Lambda@Edge limits" → "lambda-edge-limits"). Used to compare file names and topics
 * loosely and to build ids. Pure.
 */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
