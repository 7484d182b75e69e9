import { useEffect, useState } from 'react';
import { apiGet } from '../api.ts';

/** A program of the rules' catalog (GET /api/v1/programs). */
export interface Program {
  id: string;
  nameZh: string;
  nameEn: string;
  kind: 'status' | 'cash' | 'in-kind' | 'service';
  entity: 'person' | 'household';
  period: 'month' | 'year' | 'event' | 'status';
  legalBasis: string[];
}

// The catalog changes with a release, not while a page is open: read once.
let catalog: Promise<Map<string, Program>> | undefined;

function loadCatalog(): Promise<Map<string, Program>> {
  catalog ??= apiGet<{ items: Program[] }>('/programs').then(
    (body) => new Map(body.items.map((p) => [p.id, p])),
    (error) => {
      catalog = undefined;
      throw error;
    },
  );
  return catalog;
}

/** The program catalog, empty until it arrives (names then fall back to the id). */
export function usePrograms(): Map<string, Program> {
  const [programs, setPrograms] = useState<Map<string, Program>>(new Map());
  useEffect(() => {
    let current = true;
    loadCatalog().then(
      (found) => current && setPrograms(found),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, []);
  return programs;
}

export function programName(programs: Map<string, Program>, id: string, language: string): string {
  const program = programs.get(id);
  if (!program) return id;
  return language.startsWith('en') ? program.nameEn : program.nameZh;
}

/** Today as YYYY-MM-DD in Taiwan (UTC+8), the day the registers and the rules are read for. */
export function todayInTaiwan(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}
