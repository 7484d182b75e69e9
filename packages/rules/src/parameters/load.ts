import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Parameter } from './parameter.ts';
import { ParameterSet } from './parameter-set.ts';
import { parseParameterFile } from './parse.ts';

/** The package's parameter files (packages/rules/parameters); read once at start-up, outside the rules. */
export const PARAMETERS_DIR = fileURLToPath(new URL('../../parameters/', import.meta.url));

/** `social-assistance/minimum-living-cost.yaml` → `social-assistance.minimum-living-cost`. */
export function loadParameters(dir: string = PARAMETERS_DIR): ParameterSet {
  const parameters: Parameter[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.yaml')) {
        const id = relative(dir, path)
          .replace(/\.yaml$/, '')
          .split(/[\\/]/)
          .join('.');
        try {
          parameters.push(parseParameterFile(id, readFileSync(path, 'utf8')));
        } catch (error) {
          // Name the file: a parameter file with a typo must be found at once.
          throw new Error(`${relative(dir, path)}: ${(error as Error).message}`, { cause: error });
        }
      }
    }
  };
  walk(dir);
  return new ParameterSet(parameters);
}
