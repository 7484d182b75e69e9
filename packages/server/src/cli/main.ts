import { runCli } from './run.ts';

// Entry point of the `safetynet` command (bin/safetynet.js) and of `npm start`.
process.exitCode = await runCli(process.argv.slice(2));
