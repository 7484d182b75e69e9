import type { ReportNode } from './report-structure.ts';
import { CHILDREN } from './welfare-children.ts';
import { DISABILITY } from './welfare-disability.ts';
import { SENIORS } from './welfare-seniors.ts';
import { PROTECTION, WOMEN } from './welfare-women.ts';

/** 四、福利服務 Welfare services (seed 001 四), its parts in the report's order. */
export const WELFARE_SERVICES: ReportNode = {
  number: '四、',
  title: '福利服務',
  titleEn: 'Welfare services',
  children: [SENIORS, DISABILITY, CHILDREN, WOMEN, PROTECTION],
};
