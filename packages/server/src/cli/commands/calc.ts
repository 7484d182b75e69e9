import { readFileSync } from 'node:fs';
import { loadParameters } from '@safetynet/rules';
import type { Problem } from '../../http/problem.ts';
import type { Command } from '../command.ts';
import { type CalculationJson, explainText } from '../explain-text.ts';

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** A problem of the case as one line: every field named (as in the file, without the API's `body.`). */
function problemLine(source: string, problem: Problem): string {
  const fields = problem.errors?.length
    ? problem.errors
        .map((e) => `${e.field.replace(/^body\.?/, '') || '(root)'} ${e.message_zh} ${e.message_en}`)
        .join('; ')
    : `${problem.detail} ${problem.detail_en}`;
  return `錯誤 Error: ${source}: ${fields}`;
}

export const calcCommand: Command = {
  name: 'calc',
  summary:
    '試算一個案件 Calculate a case (the body of POST /api/v1/calculate): eligibility, amounts and reasons.',
  usage: '<case.json | ->',
  options: {
    explain: {
      type: 'boolean',
      description: '以中英文說明樹列出理由 A readable explanation (zh-TW and English) instead of JSON',
    },
  },
  async run(options, positionals) {
    const [file, ...extra] = positionals;
    if (!file || extra.length) {
      console.error(
        '錯誤 Error: 請給一個案件檔，或 - 代表標準輸入 give one case file, or - for standard input',
      );
      return 2;
    }
    const source = file === '-' ? '(stdin)' : file;
    let text: string;
    try {
      text = file === '-' ? await readAll(process.stdin) : readFileSync(file, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      console.error(
        code === 'ENOENT'
          ? `錯誤 Error: ${source}: 找不到檔案 no such file`
          : `錯誤 Error: ${source}: 無法讀取 cannot be read (${code ?? (error as Error).message})`,
      );
      return 2;
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (error) {
      console.error(`錯誤 Error: ${source}: 不是有效的 JSON not valid JSON (${(error as Error).message})`);
      return 2;
    }
    // Through the API's own route, so a case file is validated and answered exactly as the API would.
    // Loaded here, as by `serve`: the other commands need none of the web server's modules.
    const { buildRulesServer } = await import('../../http/app.ts');
    const app = await buildRulesServer(loadParameters());
    try {
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/calculate',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify(body),
      });
      if (response.statusCode !== 200) {
        console.error(problemLine(source, response.json() as Problem));
        return response.statusCode < 500 ? 2 : 1;
      }
      const result = response.json() as CalculationJson;
      const period = (body as { period?: string }).period;
      console.log(options.explain ? explainText(result, period) : JSON.stringify(result, null, 2));
      return 0;
    } finally {
      await app.close();
    }
  },
};
