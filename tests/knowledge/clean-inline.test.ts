import { describe, expect, it } from 'vitest';
import { isWhollyStrong } from '../../src/knowledge/clean-inline.ts';
import type { NoteFormat } from '../../src/knowledge/note-types.ts';

describe('isWhollyStrong', () => {
  it.each<[string, NoteFormat, boolean]>([
    ['**A scalable Domain Name System**', 'markdown', true],
    ['**Yes, it supports Name Server records.**', 'markdown', true],
    ['**Yes**.', 'markdown', true],
    ['**Route 53**  ', 'markdown', true],
    ['__Route 53__', 'markdown', true],
    ['***Route 53***', 'markdown', true],
    ['B. **Route 53**', 'markdown', true],
    ['**Payload size:** up to 256 KB', 'markdown', false],
    ['**Payload size**:', 'markdown', false],
    ['**Payload size:**', 'markdown', false],
    ['**Payload size:**', 'zim', false],
    ['*Payload size:*', 'org', false],
    ['**a** and **b**', 'markdown', false],
    ['****', 'markdown', false],
    ['** spaced **', 'markdown', false],
    ['Route 53', 'markdown', false],
    ['**A scalable DNS**', 'zim', true],
    ['__A scalable DNS__', 'zim', false],
    ['*A scalable DNS*', 'org', true],
    ['*a* and *b*', 'org', false],
    ['**A scalable DNS**', 'plain', false],
  ])('%s (%s) → %s', (text, format, strong) => {
    expect(isWhollyStrong(text, format)).toBe(strong);
  });
});
