import { describe, expect, it } from 'vitest';
import { GLOSSARY, GLOSSARY_TERMS, glossaryTerm } from './glossary';

describe('glossary', () => {
  it('defines exactly the terms the lessons use, each as full sentences', () => {
    expect(GLOSSARY_TERMS).toEqual([
      'image',
      'layer',
      'container',
      'tag',
      'digest',
      'registry',
      'volume',
      'network',
      'port mapping',
    ]);
    for (const term of GLOSSARY_TERMS) expect(GLOSSARY[term], term).toMatch(/^[A-Z].{30,}\.$/);
  });

  it('says latest is only a default name, not a promise of newness', () => {
    expect(GLOSSARY.tag).toContain('“latest” is only the name used when you give none');
  });

  it('finds terms in running text regardless of case and plural', () => {
    expect(glossaryTerm('Images')).toBe('image');
    expect(glossaryTerm(' port  mappings ')).toBe('port mapping');
    expect(glossaryTerm('digest')).toBe('digest');
    expect(glossaryTerm('Networks')).toBe('network');
    expect(glossaryTerm('subnet')).toBeUndefined();
  });
});
