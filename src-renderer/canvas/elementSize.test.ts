import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ElementType } from '../../src-shared/model/elementTypes';
import { elementSize } from './elementSize';

/** The width and height each `.element-<type>` rule of the stylesheet sets, where it sets both. */
function cssSizes(): Map<string, { width: number; height: number }> {
  const css = readFileSync('src-renderer/styles.css', 'utf8');
  const sizes = new Map<string, { width: number; height: number }>();
  for (const rule of css.matchAll(/([^{}]+)\{([^}]*)\}/g)) {
    const width = /(?:^|;|\s)width:\s*(\d+(?:\.\d+)?)px/.exec(rule[2]!);
    const height = /(?:^|;|\s)height:\s*(\d+(?:\.\d+)?)px/.exec(rule[2]!);
    if (!width || !height) continue;
    for (const selector of rule[1]!.split(',')) {
      const type = /^\s*\.element-([A-Za-z]+)\s*$/.exec(selector)?.[1];
      if (type) sizes.set(type, { width: Number(width[1]), height: Number(height[1]) });
    }
  }
  return sizes;
}

describe('elementSize', () => {
  it('given the stylesheet, when it sizes an element type, then it states the size the layout uses', () => {
    const sizes = cssSizes();

    expect(sizes.size).toBeGreaterThan(0);
    for (const [type, size] of sizes) {
      expect(ElementType.options, type).toContain(type);
      expect(size, type).toEqual(elementSize(type as ElementType));
    }
  });

  it('given every element type, when sized, then it has a positive width and height', () => {
    for (const type of ElementType.options) {
      const { width, height } = elementSize(type);
      expect(width, type).toBeGreaterThan(0);
      expect(height, type).toBeGreaterThan(0);
    }
  });

  it('given a gateway, when sized, then it is the 56 px square the stylesheet draws', () => {
    expect(elementSize('exclusiveGateway')).toEqual({ width: 56, height: 56 });
    expect(elementSize('parallelGateway')).toEqual({ width: 56, height: 56 });
  });
});
