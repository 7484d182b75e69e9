/**
 * The Traditional Chinese font of notices: Noto Sans Hant (SIL Open Font License 1.1) from the
 * `@embedpdf/fonts-tc` package, which `npm ci` installs with the rest; SAFETYNET_PDF_FONT names another
 * TTF/OTF file with the CJK glyphs (used for regular and bold text alike). PDFs embed only the subset of
 * glyphs a notice uses.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

export interface NoticeFont {
  regular: string;
  bold: string;
}

export function noticeFont(env: NodeJS.ProcessEnv = process.env): NoticeFont {
  const override = env.SAFETYNET_PDF_FONT?.trim();
  if (override) {
    const file = resolve(override);
    if (!existsSync(file)) throw new Error(`SAFETYNET_PDF_FONT: no font file at ${file}`);
    return { regular: file, bold: file };
  }
  // The package exports only its file list; its fonts lie in fonts/ beside dist/.
  const fonts = join(dirname(createRequire(import.meta.url).resolve('@embedpdf/fonts-tc')), '..', 'fonts');
  return { regular: join(fonts, 'NotoSansHant-Regular.otf'), bold: join(fonts, 'NotoSansHant-Bold.otf') };
}
